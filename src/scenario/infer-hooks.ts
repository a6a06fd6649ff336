/**
 * Guesses how long a container's postStart and preStop hooks take, and whether they fail, from
 * what they run: an exec hook's script as script-run reads it (a non-zero exit fails the hook).
 * HTTP and TCP hooks cannot be read from a manifest: they count as answering at once, as the
 * behaviour's defaults say. A `sleep` hook needs no guess: the model takes its seconds from the
 * spec (to-model.ts withSleepHooks).
 */
import { hookRunOf } from './script-run';
import { scriptOf } from './shell-script';

export interface HookCommand {
  exec?: readonly string[];
}

export type HookCommands = Partial<Record<'postStart' | 'preStop', HookCommand>>;

export interface HookGuess {
  fields: { postStart?: number; postStartFails?: true; preStop?: number; preStopFails?: true };
  reason: string;
  certain: boolean;
}

/** A hook that never ends takes this long: more than any grace period it could outlast. */
const ENDLESS_HOOK = 86_400;

/** The hooks' fields and why, or null when no hook runs anything that can be read. */
export function inferHooks(hooks: HookCommands): HookGuess | null {
  const fields: HookGuess['fields'] = {};
  const reasons: string[] = [];
  let certain = true;
  for (const kind of ['postStart', 'preStop'] as const) {
    const hook = hooks[kind];
    const script = hook?.exec ? scriptOf(hook.exec) : null;
    if (script === null) continue;
    const run = hookRunOf(script);
    if (!run) {
      certain = false;
      continue;
    }
    const seconds = Math.min(run.seconds, ENDLESS_HOOK);
    if (seconds > 0) fields[kind] = seconds;
    if (run.exitCode !== 0) fields[`${kind}Fails`] = true;
    const how = run.seconds === Infinity ? 'never ends' : `${run.exitCode === 0 ? 'succeeds' : `fails (exit ${run.exitCode})`} ${seconds === 0 ? 'at once' : `after ${seconds} s`}`;
    reasons.push(`its ${kind} hook ${how}`);
    certain &&= run.certain;
  }
  return reasons.length === 0 ? null : { fields, reason: reasons.join('; '), certain };
}

/**
 * Guesses when a container's probes pass, for manifests without Podlab's behaviour annotation,
 * from what the exec probes run and what the container's script does:
 * - `cat /tmp/health` (or `test -f`, `ls`, `stat` …) passes while the file exists, and the script
 *   makes it (`touch`, `echo ok >`) and removes it (`rm`) at known times;
 * - a probe that sleeps at least its timeoutSeconds times out and fails (the kubelet enforces exec
 *   probe timeouts since 1.20, the ExecProbeTimeout gate); `false` or `exit 1` fails;
 * - `true` passes;
 * - HTTP, TCP and gRPC probes of a server Podlab knows answer as it does (known-servers).
 * Other HTTP, TCP and gRPC probes cannot be read from a manifest: they count as passing while the
 * process runs, as the behaviour's defaults say.
 *
 * The window most probes share becomes the container's (probes fail before `startup` and from
 * `unhealthyAfter`); a probe that passes at other times gets a window of its own (`probes:
 * {liveness: {unhealthyAfter: 0}}`). Probes Podlab cannot read get the container's window, and
 * the guess says it is not certain. Readiness and liveness probes only count from the time the
 * startup probe passes, since they do not run before.
 */
import type { HealthWindow, ProbeAnswers, ProbeKind } from '../engine/types';
import { knownServerAnswer, type NetworkProbe } from './known-servers';
import { runOfScript } from './script-run';
import { basename, CONTROL_WORDS, parseDuration, scriptOf, simpleCommands, toExitCode } from './shell-script';

export interface ProbeCommand {
  kind: ProbeKind;
  /** The exec probe's command. */
  exec?: readonly string[];
  /** An HTTP or TCP probe's path and port. */
  network?: NetworkProbe;
  timeoutSeconds: number;
}

/** What the container runs, for servers known by their image and arguments. */
export interface ServerWords {
  image: string;
  words: readonly string[];
}

/** A probe's own answers: its window where it differs from the container's, and a redirect. */
export type ProbeWindows = Partial<Record<ProbeKind, ProbeAnswers>>;

export interface ProbeGuess {
  fields: { startup?: number; unhealthyAfter?: number; probes?: ProbeWindows };
  reason: string;
  certain: boolean;
}

/** When a file exists, in seconds from the container's start: [from, until). */
interface Window {
  from: number;
  until: number;
}

interface ReadProbe {
  probe: ProbeCommand;
  window: Window;
  why: string;
  redirect?: string;
}

/** What one probe does: passes in a window of time, while a file exists, or cannot be told. */
type Outcome = { kind: 'window'; window: Window; why: string; redirect?: string } | { kind: 'file'; path: string } | { kind: 'unknown' };

const FILE_TESTS = ['cat', 'test', '[', 'ls', 'stat', 'head', 'tail', 'grep'];
/** Files a fresh container does not have unless its script makes them. */
const SCRATCH_DIRS = ['/tmp/', '/var/tmp/', '/run/', '/var/run/'];
const NEVER: Window = { from: 0, until: 0 };
const ALWAYS: Window = { from: 0, until: Infinity };

/**
 * The probes' fields and why, or null when no probe says anything (no exec probe, or none that
 * can be read). `containerArgv` is what the container runs, when the manifest says.
 */
export function inferProbes(containerArgv: readonly string[] | undefined, probes: readonly ProbeCommand[], server?: ServerWords): ProbeGuess | null {
  const script = containerArgv ? scriptOf(containerArgv) : null;
  const files = script === null ? null : filesOf(script);
  const read: ReadProbe[] = [];
  let certain = true;
  for (const probe of probes) {
    const outcome = outcomeOf(probe, server);
    if (outcome.kind === 'unknown') {
      if (probe.exec) certain = false;
      continue;
    }
    const shown = `${probe.kind} probe ${probeWords(probe)}`;
    if (outcome.kind === 'window') {
      read.push({ probe, window: outcome.window, why: `${shown} ${outcome.why}`, redirect: outcome.redirect });
      continue;
    }
    const window = files?.windows.get(outcome.path);
    if (window) {
      read.push({ probe, window, why: `${shown} passes while the script keeps ${outcome.path} (${windowWords(window)})` });
      if (files!.again.has(outcome.path)) certain = false;
    } else if (files && SCRATCH_DIRS.some((dir) => outcome.path.startsWith(dir))) {
      read.push({ probe, window: NEVER, why: `${shown} fails: nothing the container runs makes ${outcome.path}` });
    } else {
      certain = false;
    }
  }
  if (read.length === 0) return null;
  const windows = effectiveWindows(read);
  const base = commonWindow(windows);
  const reasons = read.map((r) => r.why);
  if (read.length < probes.length) reasons.push("Podlab cannot read the other probes: they get the container's window");
  const { fields, conclusion } = fieldsOf(base.from, base.until);
  const own: string[] = [];
  read.forEach(({ probe, redirect }, i) => {
    const window = windows[i]!;
    if (redirect !== undefined) (fields.probes ??= {})[probe.kind] = { redirect };
    if (sameWindow(window, base)) return;
    (fields.probes ??= {})[probe.kind] = { ...ownWindow(window, base), ...fields.probes?.[probe.kind] };
    own.push(`the ${probe.kind} probe ${passWords(window)}`);
  });
  const words = own.length === 0 ? conclusion : `${conclusion}; ${own.join(', ')}`;
  return { fields, reason: `${reasons.join('; ')}, ${words}`, certain: certain && read.length === probes.length };
}

/** When each probe read passes, where it matters: readiness and liveness run only once the startup probe has passed. */
function effectiveWindows(read: readonly ReadProbe[]): Window[] {
  const startup = read.find((r) => r.probe.kind === 'startup')?.window;
  return read.map(({ probe, window }) => {
    if (!startup || probe.kind === 'startup') return normal(window);
    if (startup.until <= startup.from) return NEVER;
    return normal({ from: Math.max(window.from, startup.from), until: window.until });
  });
}

/** Every window that never passes is the same one. */
function normal(window: Window): Window {
  return window.until <= window.from ? NEVER : window;
}

function sameWindow(a: Window, b: Window): boolean {
  return a.from === b.from && a.until === b.until;
}

/** The window most probes share (the first such, on a tie): the container's. */
function commonWindow(windows: readonly Window[]): Window {
  let best = windows[0]!;
  let bestCount = 0;
  for (const window of windows) {
    const count = windows.filter((w) => sameWindow(w, window)).length;
    if (count > bestCount) [best, bestCount] = [window, count];
  }
  return best;
}

/** The fields a probe's own window sets over the container's `base`. */
function ownWindow(window: Window, base: Window): Partial<HealthWindow> {
  if (window.until <= window.from) return { unhealthyAfter: 0 };
  const own: Partial<HealthWindow> = {};
  if (window.from !== base.from) own.startup = window.from;
  if (window.until !== base.until || base.until <= base.from) own.unhealthyAfter = window.until === Infinity ? null : window.until;
  return own;
}

/** The behaviour fields for a window, and the words for them. */
function fieldsOf(from: number, until: number): { fields: ProbeGuess['fields']; conclusion: string } {
  const fields: ProbeGuess['fields'] = {};
  const fail: string[] = [];
  if (until <= from) {
    fields.unhealthyAfter = 0;
  } else {
    if (from > 0) {
      fields.startup = from;
      fail.push(`until ${from} s`);
    }
    if (until !== Infinity) {
      fields.unhealthyAfter = until;
      fail.push(`from ${until} s on`);
    }
  }
  const conclusion = until <= from ? 'so probes always fail' : fail.length === 0 ? 'so probes pass' : `so probes fail ${fail.join(' and ')}`;
  return { fields, conclusion };
}

function outcomeOf(probe: ProbeCommand, server: ServerWords | undefined): Outcome {
  if (probe.network) {
    const answer = server ? knownServerAnswer(server.image, server.words, probe.network) : null;
    return answer ? { kind: 'window', window: { from: answer.from, until: answer.until }, why: `${passWords(answer)}: ${answer.why}`, redirect: answer.redirect } : { kind: 'unknown' };
  }
  if (!probe.exec || probe.exec.length === 0) return { kind: 'unknown' };
  const script = scriptOf(probe.exec);
  if (script === null) return { kind: 'unknown' };
  let seconds = 0;
  let path: string | null = null;
  // Every command must pass (`a && b`, or a single command: the common shapes of a probe).
  for (const words of simpleCommands(script)) {
    const [first, ...rest] = words[0] === 'exec' ? words.slice(1) : words;
    const program = basename(first ?? '');
    if (program === 'sleep') {
      const duration = parseDuration(rest[0]);
      if (duration === null) return { kind: 'unknown' };
      seconds += duration;
      if (seconds >= probe.timeoutSeconds) {
        return never(`times out: it sleeps ${seconds === Infinity ? 'forever' : `${seconds} s`}, and its timeoutSeconds is ${probe.timeoutSeconds}`);
      }
    } else if (program === 'false') {
      return never('fails every time');
    } else if (program === 'exit') {
      const code = toExitCode(rest[0]);
      if (code !== 0) return never(`exits ${code} every time`);
      break;
    } else if (program === 'true' || program === ':') {
      continue;
    } else if (FILE_TESTS.includes(program)) {
      const operands = withoutRedirects(rest).filter((w) => !w.startsWith('-') && w !== ']').slice(program === 'grep' ? 1 : 0);
      if (rest.includes('!') || operands.length !== 1 || (path !== null && path !== operands[0])) return { kind: 'unknown' };
      path = operands[0]!;
    } else {
      return path === null ? scriptOutcome(script, probe.timeoutSeconds) : { kind: 'unknown' };
    }
  }
  return path === null ? { kind: 'window', window: ALWAYS, why: 'passes every time' } : { kind: 'file', path };
}

/**
 * A probe that tests no file, read as a whole script by script-run (upstream's e2e probes run
 * the harness script of ExecCommand, which logs and then exits with its code): it fails if it
 * exits non-zero or outlasts its timeoutSeconds, and passes otherwise.
 */
function scriptOutcome(script: string, timeoutSeconds: number): Outcome {
  if (simpleCommands(script).some((words) => FILE_TESTS.includes(basename(words[0] ?? '')))) return { kind: 'unknown' };
  const run = runOfScript(script);
  if (!run || run.ends === 'server' || (run.ends === 'exit' && run.unknown !== null)) return { kind: 'unknown' };
  if (run.ends === 'never') return never(`never ends, so it times out (timeoutSeconds ${timeoutSeconds})`);
  if (run.seconds >= timeoutSeconds) return never(`times out: it takes ${run.seconds} s, and its timeoutSeconds is ${timeoutSeconds}`);
  if (run.exitCode !== 0) return never(`exits ${run.exitCode} every time`);
  return { kind: 'window', window: ALWAYS, why: 'passes every time' };
}

function never(why: string): Outcome {
  return { kind: 'window', window: NEVER, why };
}

function probeWords({ exec, network }: ProbeCommand): string {
  if (exec) return `\`${exec.join(' ')}\``;
  const port = network?.port ?? '?';
  if (network?.handler === 'httpGet') return `GET :${port}${network.path ?? '/'}`;
  return network?.handler === 'grpc' ? `gRPC :${port}` : `TCP :${port}`;
}

/**
 * When each file the script makes exists (its first window), reading the script as a straight
 * line with `sleep` as its clock; `again` names files made or removed more than once. Null when
 * the script cannot be read that way.
 */
function filesOf(script: string): { windows: Map<string, Window>; again: Set<string> } | null {
  const windows = new Map<string, Window>();
  const again = new Set<string>();
  let clock = 0;
  const make = (path: string) => {
    const window = windows.get(path);
    if (!window) windows.set(path, { from: clock, until: Infinity });
    else if (window.until !== Infinity) again.add(path);
  };
  const remove = (path: string) => {
    const window = windows.get(path);
    if (window && window.until === Infinity) window.until = clock;
  };
  const commands = simpleCommands(script);
  for (const [i, words] of commands.entries()) {
    if (words.some((w) => w.startsWith('(') || w.endsWith(')'))) return null;
    const [first, ...rest] = words[0] === 'exec' ? words.slice(1) : words;
    const program = basename(first ?? '');
    if (CONTROL_WORDS.includes(program)) {
      // A loop or branch from here on: what exists now stays, unless something later removes it.
      return commands.slice(i).some((later) => basename(later[0] ?? '') === 'rm') ? null : { windows, again };
    }
    for (const target of redirectTargets(words)) make(target);
    if (program === 'touch') rest.filter((w) => !w.startsWith('-')).forEach(make);
    else if (program === 'rm') rest.filter((w) => !w.startsWith('-')).forEach(remove);
    else if (program === 'exit') break;
    else if (program === 'sleep') {
      const duration = parseDuration(rest[0]);
      if (duration === null) return null;
      clock += duration;
      if (clock === Infinity) break;
    }
  }
  return { windows, again };
}

/** `echo ok >/tmp/health`, `date > /tmp/x`, `: >> /tmp/y`: the files a command writes to. */
function redirectTargets(words: readonly string[]): string[] {
  const targets: string[] = [];
  words.forEach((word, i) => {
    const match = /^1?>>?(.*)$/.exec(word);
    if (!match) return;
    const target = match[1] || words[i + 1];
    if (target && !target.startsWith('&') && target !== '/dev/null') targets.push(target);
  });
  return targets;
}

function withoutRedirects(words: readonly string[]): string[] {
  return words.filter((word, i) => !/^\d?>/.test(word) && !/^\d?>>?$/.test(words[i - 1] ?? ''));
}

function passWords({ from, until }: Window): string {
  if (until <= from) return 'fails';
  return from === 0 && until === Infinity ? 'passes' : `passes ${windowWords({ from, until })}`;
}

function windowWords({ from, until }: Window): string {
  const start = from === 0 ? 'from the start' : `from ${from} s`;
  return until === Infinity ? start : `${start} until ${until} s`;
}

import { setBehaviorField, setContainerField } from '../../app/actions';
import { BEHAVIOR_ANNOTATION } from '../../scenario/annotations';
import { formatPath } from '../../scenario/issues';
import { sleepSecondsOf } from '../../scenario/to-model';
import { isRecord } from '../../scenario/value-checks';
import { parseNumberInput } from '../shared/format';
import { CheckField, SelectField, TextField, asText } from './Field';

const FIELDS: { field: string; label: string; hint: string }[] = [
  { field: 'run', label: 'Runs for (s)', hint: 'empty: runs until stopped' },
  { field: 'exitCode', label: 'Exit code', hint: 'when it exits on its own (0)' },
  { field: 'startup', label: 'Healthy after (s)', hint: 'probes fail before (0); a probe may have its own' },
  { field: 'unhealthyAfter', label: 'Unhealthy after (s)', hint: 'probes fail from then on; a probe may have its own' },
  { field: 'postStart', label: 'postStart takes (s)', hint: 'if the hook is declared' },
  { field: 'preStop', label: 'preStop takes (s)', hint: 'if the hook is declared' },
  { field: 'stop', label: 'Shutdown takes (s)', hint: "after SIGTERM; 'ignore': only SIGKILL" },
  { field: 'stopExitCode', label: 'Exit code on SIGTERM', hint: '143 by default' },
  { field: 'pull', label: 'Image pull takes (s)', hint: '0: already on the node' },
  { field: 'pullFailures', label: 'Pull failures', hint: 'failed pulls before one works' },
];
const HOOK_FIELDS = ['postStart', 'preStop'];
/** What the process writes: shown as the terminated state's message (kubectl describe: Message). */
const TEXTS: { field: string; label: string; hint: string }[] = [
  { field: 'message', label: 'Termination message', hint: 'what it writes to its terminationMessagePath' },
  { field: 'logs', label: 'Last logs', hint: 'what it printed last: the message of a failure under FallbackToLogsOnError' },
];

const POLICIES = [
  { value: 'File', label: 'File (the default)' },
  { value: 'FallbackToLogsOnError', label: 'FallbackToLogsOnError' },
];

/**
 * The `podlab.dev/behavior` entry of one container: what its process does when it runs; beside
 * its texts, the spec's terminationMessagePolicy (`base`: the container's path in the spec).
 */
export function BehaviorFields({ name, behavior, spec, base, hooks = true }: {
  name: string;
  behavior: Record<string, unknown>;
  spec: Record<string, unknown>;
  base: string;
  /** false: the container can have no hooks (an ephemeral one), so their fields would say nothing. */
  hooks?: boolean;
}) {
  const path = (field: string) => formatPath(['metadata', 'annotations', BEHAVIOR_ANNOTATION, name, field]);
  const startError = typeof behavior.startError === 'string' ? behavior.startError : '';
  // A sleep hook's time is the spec's, not the process's (to-model.ts withSleepHooks): shown, not edited.
  const lifecycle = isRecord(spec.lifecycle) ? spec.lifecycle : {};
  const sleeps: Record<string, number | undefined> = Object.fromEntries(HOOK_FIELDS.map((kind) => [kind, sleepSecondsOf(lifecycle[kind])]));
  return (
    <fieldset className="group">
      <legend>Behaviour <span className="muted">what the process does</span></legend>
      <div className="field-grid">
        {FIELDS.filter(({ field }) => hooks || !HOOK_FIELDS.includes(field)).map(({ field, label, hint }) => {
          const sleep = sleeps[field];
          return (
            <TextField
              key={field}
              label={label}
              hint={sleep === undefined ? hint : `a sleep action: the kubelet waits ${sleep} s`}
              numeric
              value={sleep === undefined ? asText(behavior[field]) : String(sleep)}
              disabled={sleep !== undefined}
              issuePath={path(field)}
              onCommit={(text) => setBehaviorField(name, field, parseNumberInput(text))}
            />
          );
        })}
      </div>
      {TEXTS.map(({ field, label, hint }) => (
        <TextField
          key={field}
          label={label}
          hint={hint}
          multiline
          value={asText(behavior[field])}
          issuePath={path(field)}
          onCommit={(text) => setBehaviorField(name, field, text === '' ? undefined : text)}
        />
      ))}
      <SelectField
        label="Termination message policy"
        value={typeof spec.terminationMessagePolicy === 'string' ? spec.terminationMessagePolicy : 'File'}
        options={POLICIES}
        issuePath={`${base}.terminationMessagePolicy`}
        onChange={(policy) => setContainerField(name, ['terminationMessagePolicy'], policy === 'File' ? undefined : policy)}
      />
      <div className="field-row">
        <CheckField label="Cannot start (StartError)" checked={startError !== ''} issuePath={path('startError')} onChange={(on) => setBehaviorField(name, 'startError', on ? commandNotFound(spec, name) : undefined)} />
        <CheckField label="Exits by OOM kill (137)" checked={behavior.oom === true} issuePath={path('oom')} onChange={(on) => setBehaviorField(name, 'oom', on || undefined)} />
        {hooks && (
          <>
            {HOOK_FIELDS.map((kind) => (
              <CheckField
                key={kind}
                label={`${kind} hook fails`}
                checked={sleeps[kind] === undefined && behavior[`${kind}Fails`] === true}
                disabled={sleeps[kind] !== undefined}
                issuePath={path(`${kind}Fails`)}
                onChange={(on) => setBehaviorField(name, `${kind}Fails`, on || undefined)}
              />
            ))}
          </>
        )}
      </div>
      {startError !== '' && (
        <TextField
          label="Start error"
          hint="why the runtime cannot start it, in runc's words"
          value={startError}
          issuePath={path('startError')}
          onCommit={(text) => setBehaviorField(name, 'startError', text === '' ? undefined : text)}
        />
      )}
    </fieldset>
  );
}

/** runc's words for a command the image does not have: the spec's own command, or the container's name. */
function commandNotFound(spec: Record<string, unknown>, name: string): string {
  const command = Array.isArray(spec.command) && typeof spec.command[0] === 'string' && spec.command[0] !== '' ? spec.command[0] : name;
  return `exec: "${command}": executable file not found in $PATH`;
}

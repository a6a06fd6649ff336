import { duplicateContainer, moveContainer, removeContainer, renameContainer, setContainerField } from '../../app/actions';
import { selectPodView } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import type { ContainerRole } from '../../engine/types';
import type { ContainerEntry, PodView } from '../../scenario/edit-read';
import type { ContainerKind } from '../../scenario/templates';
import { parseNumberInput } from '../shared/format';
import { restartRuleWords } from '../shared/restart-rule-words';
import { BehaviorFields } from './BehaviorFields';
import { SelectField, TextField } from './Field';
import { ProbeFields } from './ProbeFields';

const ROLE_OPTIONS = [
  { value: 'init', label: 'Init container' },
  { value: 'sidecar', label: 'Native sidecar' },
  { value: 'regular', label: 'Container (runs with the app)' },
];
const KIND_OF_ROLE: Record<Exclude<ContainerRole, 'ephemeral'>, ContainerKind> = { init: 'init', sidecar: 'native-sidecar', regular: 'main' };

function findEntry(view: PodView, name: string): ContainerEntry | undefined {
  return [...view.initContainers, ...view.containers, ...view.ephemeralContainers].find((c) => c.name === name);
}

/**
 * Edits the selected container: identity, role and place, behaviour, probes and hooks. Loaded
 * when a container is first selected: the first screen shows the pod, not a container's fields.
 */
export default function ContainerInspector({ name }: { name: string }) {
  const view = useAppStore(selectPodView);
  const entry = findEntry(view, name);
  if (!entry) return <p className="muted">No container named “{name}”.</p>;
  if (entry.role === 'ephemeral') return <EphemeralInspector name={name} entry={entry} view={view} />;
  const role = entry.role;
  const list = role === 'regular' ? 'containers' : 'initContainers';
  const base = `spec.${list}[${entry.index}]`;
  const count = list === 'containers' ? view.containers.length : view.initContainers.length;
  const kind = KIND_OF_ROLE[role];
  return (
    <div className="inspector" aria-label={`Container ${name}`}>
      <div className="field-row">
        <TextField label="Name" value={name} commitOn="blur" issuePath={`${base}.name`} onCommit={(text) => renameContainer(name, text.trim())} />
        <TextField label="Image" value={String(entry.spec.image ?? '')} issuePath={`${base}.image`} onCommit={(text) => setContainerField(name, ['image'], text || undefined)} />
      </div>
      <SelectField
        label="Role"
        value={entry.role}
        options={ROLE_OPTIONS}
        issuePath={entry.role === 'sidecar' ? `${base}.restartPolicy` : null}
        onChange={(role) => {
          const target = KIND_OF_ROLE[role as keyof typeof KIND_OF_ROLE];
          const targetList = role === 'regular' ? view.containers : view.initContainers;
          moveContainer(name, target, role === 'regular' || entry.role === 'regular' ? targetList.length : entry.index);
        }}
      />
      {entry.role !== 'sidecar' && <RestartPolicyField name={name} entry={entry} base={base} podPolicy={String(view.spec.restartPolicy ?? 'Always')} />}
      <div className="button-row" role="group" aria-label="Arrange">
        <button type="button" disabled={entry.index === 0} onClick={() => moveContainer(name, kind, entry.index - 1)}>
          ← Move earlier
        </button>
        <button type="button" disabled={entry.index >= count - 1} onClick={() => moveContainer(name, kind, entry.index + 1)}>
          Move later →
        </button>
        <button type="button" onClick={() => duplicateContainer(name)}>Duplicate</button>
        <button type="button" className="danger" onClick={() => removeContainer(name)}>Remove</button>
      </div>
      <BehaviorFields name={name} behavior={view.behaviors[name] ?? {}} spec={entry.spec} base={base} />
      <ProbeFields name={name} entry={entry} base={base} behavior={view.behaviors[name] ?? {}} />
      <HookFields name={name} entry={entry} base={base} />
    </div>
  );
}

/**
 * An ephemeral container, as kubectl debug adds it: its name, image and target, and what its
 * process does. The API allows no probes, hooks, ports, resources or restart policy on it, and it
 * has no place to move to.
 */
function EphemeralInspector({ name, entry, view }: { name: string; entry: ContainerEntry; view: PodView }) {
  const base = `spec.ephemeralContainers[${entry.index}]`;
  const added = view.actions.find((a) => a.do === 'debug' && a.container === name)?.at;
  const targets = [...view.initContainers, ...view.containers].map((c) => c.name);
  const target = entry.spec.targetContainerName;
  return (
    <div className="inspector" aria-label={`Container ${name}`}>
      <p className="field-hint">
        An ephemeral container: kubectl debug adds it to the running pod{typeof added === 'number' ? ` at ${added} s` : ' (with no debug action, as the pod starts)'}. It is never restarted, and counts for nothing in the pod's readiness.
      </p>
      <div className="field-row">
        <TextField label="Name" value={name} commitOn="blur" issuePath={`${base}.name`} onCommit={(text) => renameContainer(name, text.trim())} />
        <TextField label="Image" value={String(entry.spec.image ?? '')} issuePath={`${base}.image`} onCommit={(text) => setContainerField(name, ['image'], text || undefined)} />
      </div>
      {/* Named apart from Break it's "Target container", which is on screen at the same time. */}
      <SelectField
        label="Debug target"
        value={typeof target === 'string' ? target : ''}
        options={[{ value: '', label: 'None (its own processes only)' }, ...targets.map((value) => ({ value, label: value }))]}
        issuePath={`${base}.targetContainerName`}
        onChange={(value) => setContainerField(name, ['targetContainerName'], value || undefined)}
      />
      <div className="button-row" role="group" aria-label="Arrange">
        <button type="button" className="danger" onClick={() => removeContainer(name)}>Remove</button>
      </div>
      <BehaviorFields name={name} behavior={view.behaviors[name] ?? {}} spec={entry.spec} base={base} hooks={false} />
    </div>
  );
}

/**
 * The container's own restartPolicy, over the pod's (ContainerRestartRules, on by default since
 * 1.35). An init container's Always is the native sidecar role, chosen above. Restart rules are
 * written in the YAML; here they are told, as they decide before the policy.
 */
function RestartPolicyField({ name, entry, base, podPolicy }: { name: string; entry: ContainerEntry; base: string; podPolicy: string }) {
  const own = entry.spec.restartPolicy;
  const choices = entry.role === 'init' ? ['OnFailure', 'Never'] : ['Always', 'OnFailure', 'Never'];
  const rules = restartRuleWords(entry.spec.restartPolicyRules);
  return (
    <>
      <SelectField
        label="Container restart policy"
        value={typeof own === 'string' ? own : ''}
        options={[{ value: '', label: `The pod's (${podPolicy})` }, ...choices.map((value) => ({ value, label: value }))]}
        issuePath={`${base}.restartPolicy`}
        onChange={(value) => setContainerField(name, ['restartPolicy'], value || undefined)}
      />
      {rules.length > 0 && <p className="field-hint">Restarted first by its rules (edit them in the YAML): {rules.join('; ')}.</p>}
    </>
  );
}

function HookFields({ name, entry, base }: { name: string; entry: ContainerEntry; base: string }) {
  const lifecycle = (entry.spec.lifecycle ?? {}) as Record<string, unknown>;
  const allowed = entry.role !== 'init';
  const toggle = (hook: 'postStart' | 'preStop', on: boolean) =>
    setContainerField(name, ['lifecycle', hook], on ? HOOK_DEFAULTS[hook] : undefined);
  return (
    <fieldset className="group">
      <legend>Lifecycle hooks</legend>
      {!allowed && <p className="field-hint">Plain init containers cannot have hooks.</p>}
      <div className="field-row">
        {(['postStart', 'preStop'] as const).map((hook) => (
          <label key={hook} className="field field-check">
            <input type="checkbox" disabled={!allowed} checked={hook in lifecycle} onChange={(e) => toggle(hook, e.target.checked)} />
            {hook} hook
          </label>
        ))}
      </div>
      {'preStop' in lifecycle && (
        <TextField
          label="preStop sleep (s)"
          numeric
          value={String((lifecycle.preStop as { sleep?: { seconds?: unknown } }).sleep?.seconds ?? '')}
          issuePath={`${base}.lifecycle.preStop`}
          hint="what the spec says; how long it takes is the behaviour's preStop"
          onCommit={(text) => setContainerField(name, ['lifecycle', 'preStop', 'sleep', 'seconds'], parseNumberInput(text))}
        />
      )}
    </fieldset>
  );
}

const HOOK_DEFAULTS = {
  postStart: { exec: { command: ['sh', '-c', 'echo started > /tmp/started'] } },
  preStop: { sleep: { seconds: 5 } },
};


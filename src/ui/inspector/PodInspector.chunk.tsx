import { editScenario, setHorizon, setPodField } from '../../app/actions';
import { selectHorizon, selectPodView, selectRun } from '../../app/selectors';
import type { QosClass } from '../../engine/types';
import { useAppStore } from '../../app/store';
import { setCrashLoopBackOff, setShutdownPeriod, type CrashLoopBackOffSetting } from '../../scenario/edit-kubelet';
import { parseNumberInput } from '../shared/format';
import { ConfigObjects } from './ConfigObjects';
import { ByPriorityButton, ShutdownGroups } from './ShutdownGroups';
import { SelectField, TextField, asText } from './Field';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'].map((value) => ({ value, label: value }));
const DECAYS = [
  { value: 'default', label: 'first wait 10 s, doubling' },
  { value: 'reduced', label: 'first wait 1 s, doubling (alpha)' },
];
const KUBELET_PATH = 'metadata.annotations["podlab.dev/kubelet"]';

/** What each class means where it matters: which pods the kubelet evicts first under node pressure. */
const QOS_WORDS: Record<QosClass, string> = {
  BestEffort: 'no container requests or limits cpu or memory: all the memory it uses is more than it requested, so under node pressure the kubelet evicts it among the first',
  Burstable: 'some requests or limits, not equal in every container: under node pressure the kubelet evicts first the pods using more than they request',
  Guaranteed: 'every container limits cpu and memory and requests as much: it never uses more memory than it requested, so under node pressure it is evicted among the last',
};

/** The pod's own fields, and how long the run goes when the pod does not finish by itself. */
export default function PodInspector() {
  const view = useAppStore(selectPodView);
  const horizon = useAppStore(selectHorizon);
  const qosClass = useAppStore((s) => selectRun(s)?.trace.pod.qosClass);
  return (
    <div className="inspector" aria-label="Pod settings">
      <TextField label="Pod name" value={view.name} commitOn="blur" issuePath="metadata.name" onCommit={(text) => setPodField(['metadata', 'name'], text.trim() || undefined)} />
      <SelectField
        label="Restart policy"
        value={String(view.spec.restartPolicy ?? 'Always')}
        options={RESTART_POLICIES}
        issuePath="spec.restartPolicy"
        onChange={(value) => setPodField(['spec', 'restartPolicy'], value)}
      />
      <TextField
        label="Grace period (s)"
        numeric
        hint="terminationGracePeriodSeconds, 30 by default"
        value={asText(view.spec.terminationGracePeriodSeconds)}
        issuePath="spec.terminationGracePeriodSeconds"
        onCommit={(text) => setPodField(['spec', 'terminationGracePeriodSeconds'], parseNumberInput(text))}
      />
      <TextField
        label="Active deadline (s)"
        numeric
        hint="activeDeadlineSeconds: the pod fails after it"
        value={asText(view.spec.activeDeadlineSeconds)}
        issuePath="spec.activeDeadlineSeconds"
        onCommit={(text) => setPodField(['spec', 'activeDeadlineSeconds'], parseNumberInput(text))}
      />
      <TextField
        label="Priority"
        numeric
        hint="spec.priority, which the API server sets from the priorityClassName (system-node-critical: 2000001000; empty: 0 or the class's): a node shutting down by pod priority stops the lower ones first"
        value={asText(view.spec.priority)}
        issuePath="spec.priority"
        onCommit={(text) => setPodField(['spec', 'priority'], parseNumberInput(text))}
      />
      {qosClass && (
        <div className="field">
          <span className="field-label" id="qos-class-label">QoS class</span>
          <output aria-labelledby="qos-class-label" aria-describedby="qos-class-note" className="field-value">{qosClass}</output>
          <span id="qos-class-note" className="field-hint">status.qosClass, from the cpu and memory requests and limits: {QOS_WORDS[qosClass]}.</span>
        </div>
      )}
      <ConfigObjects />
      <NodeKubelet />
      <TextField
        label="Run until (s)"
        numeric
        hint="empty: until the pod is gone or done (at most 10 minutes)"
        value={horizon === null ? '' : String(horizon)}
        onCommit={(text) => {
          const value = parseNumberInput(text);
          setHorizon(typeof value === 'number' && value > 0 ? value : null);
        }}
      />
    </div>
  );
}

/**
 * What the pod's node decides, not the pod, in the podlab.dev/kubelet annotation: the crash-loop
 * back-off (KEP-4603's reduced decay, alpha, and the node's longest wait, beta) and the graceful
 * shutdown periods, or groups by pod priority, that Break it's "Shut down node" needs.
 */
function NodeKubelet() {
  const kubelet = useAppStore(selectPodView).kubelet;
  const gates = (kubelet.featureGates ?? {}) as Record<string, unknown>;
  const period = ((kubelet.crashLoopBackOff ?? {}) as Record<string, unknown>).maxContainerRestartPeriod;
  const setting: CrashLoopBackOffSetting = {
    reducedDecay: gates.ReduceDefaultCrashLoopBackOffDecay === true,
    maxRestartPeriod: period !== undefined && period !== null ? String(period) : null,
  };
  const change = (patch: Partial<CrashLoopBackOffSetting>) => editScenario((source) => setCrashLoopBackOff(source, { ...setting, ...patch }));
  return (
    <fieldset className="group">
      <legend>Node's kubelet</legend>
      <SelectField
        label="Crash-loop back-off"
        value={setting.reducedDecay ? 'reduced' : 'default'}
        options={DECAYS}
        issuePath={`${KUBELET_PATH}.featureGates.ReduceDefaultCrashLoopBackOffDecay`}
        onChange={(value) => change({ reducedDecay: value === 'reduced' })}
      />
      <TextField
        label="Longest back-off (s)"
        numeric
        hint="crashLoopBackOff.maxContainerRestartPeriod, 1 to 300 (beta); empty: 300"
        value={secondsText(period)}
        issuePath={`${KUBELET_PATH}.crashLoopBackOff.maxContainerRestartPeriod`}
        onCommit={(text) => {
          change({ maxRestartPeriod: parseNumberInput(text) ?? null });
        }}
      />
      {Array.isArray(kubelet.shutdownGracePeriodByPodPriority) ? (
        <ShutdownGroups groups={kubelet.shutdownGracePeriodByPodPriority} />
      ) : (
        <>
          <ShutdownPeriod field="shutdownGracePeriod" label="Shutdown grace period (s)" hint="shutdownGracePeriod: how long a shutting-down node waits for its pods; empty: 0, graceful node shutdown off" value={kubelet.shutdownGracePeriod} />
          <ShutdownPeriod field="shutdownGracePeriodCriticalPods" label="Kept for critical pods (s)" hint="shutdownGracePeriodCriticalPods: the end of that wait, for system-node-critical and system-cluster-critical pods" value={kubelet.shutdownGracePeriodCriticalPods} />
          <ByPriorityButton />
        </>
      )}
    </fieldset>
  );
}

function ShutdownPeriod({ field, label, hint, value }: { field: 'shutdownGracePeriod' | 'shutdownGracePeriodCriticalPods'; label: string; hint: string; value: unknown }) {
  return (
    <TextField
      label={label}
      numeric
      hint={hint}
      value={secondsText(value)}
      issuePath={`${KUBELET_PATH}.${field}`}
      onCommit={(text) => editScenario((source) => setShutdownPeriod(source, field, parseNumberInput(text) ?? null))}
    />
  );
}

/** A duration of whole or decimal seconds ("30s") as the number a seconds field shows; anything else as written. */
const secondsText = (value: unknown): string => (typeof value === 'string' && /^\d+(\.\d+)?s$/.test(value) ? value.slice(0, -1) : asText(value));

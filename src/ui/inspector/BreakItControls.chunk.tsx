import { useState } from 'react';
import { DEBUG_IMAGE, debugContainerAt, deletePodAt, drainNodeAt, evictPodAt, failProbesAt, killContainerAt, oomKillContainerAt, rebootNodeAt, shutdownNodeAt } from '../../app/actions';
import { selectPodView, selectResult, selectSelectedName } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { shutdownPeriodRequested } from '../../engine/shutdown-groups';
import type { ProbeKind } from '../../engine/types';
import { DEFAULT_NODE_DOWN } from '../../scenario/validate-actions';
import { CreateObject } from './CreateObject';
import { ReadinessGates } from './ReadinessGates';
import { UpdateImage } from './UpdateImage';

const PROBE_KINDS: ProbeKind[] = ['startup', 'readiness', 'liveness'];

/** The acts of Break it: each becomes a timed action in the scenario, at the current time. */
export default function BreakItControls() {
  const view = useAppStore(selectPodView);
  const selectedName = useAppStore(selectSelectedName);
  const names = [...view.initContainers, ...view.containers].map((c) => c.name);
  const [chosen, setChosen] = useState<string | null>(null);
  const target = chosen && names.includes(chosen) ? chosen : selectedName && names.includes(selectedName) ? selectedName : (view.containers[0]?.name ?? names[0] ?? '');
  const [exitCode, setExitCode] = useState('1');
  const code = Number.parseInt(exitCode, 10);
  const spec = [...view.initContainers, ...view.containers].find((c) => c.name === target)?.spec ?? {};
  const probes = PROBE_KINDS.filter((kind) => spec[`${kind}Probe`] !== undefined);
  const [chosenProbe, setChosenProbe] = useState<ProbeKind | 'all'>('all');
  const probe = chosenProbe !== 'all' && probes.includes(chosenProbe) ? chosenProbe : undefined;
  // The node shuts down gracefully only when its kubelet asks logind for time, as the gate read it.
  const gracefulShutdown = useAppStore((s) => {
    const result = selectResult(s);
    return result.ok && shutdownPeriodRequested(result.model.kubelet) > 0;
  });
  return (
    <>
      <div className="break-row">
        <label>
          <span>Container</span>
          <select aria-label="Target container" value={target} onChange={(e) => setChosen(e.target.value)}>
            {names.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
        <label className="break-exit">
          <span>Exit code</span>
          <input aria-label="Kill exit code" inputMode="numeric" value={exitCode} onChange={(e) => setExitCode(e.target.value)} />
        </label>
        <label>
          <span>Probes</span>
          <select aria-label="Probes to fail" value={probe ?? 'all'} onChange={(e) => setChosenProbe(e.target.value as ProbeKind | 'all')}>
            <option value="all">all</option>
            {probes.map((kind) => (
              <option key={kind} value={kind}>{kind}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="button-row">
        <button type="button" disabled={!target || Number.isNaN(code)} onClick={() => killContainerAt(target, code)}>Kill</button>
        <button type="button" disabled={!target} onClick={() => oomKillContainerAt(target)}>OOM kill</button>
        <button type="button" disabled={!target} onClick={() => failProbesAt(target, probe)}>{probe ? `Fail ${probe}` : 'Fail probes'}</button>
      </div>
      {/* What happens to the node, in a row of its own: each button's name says "node", its face need not. */}
      <div className="button-row break-node" role="group" aria-label="Node">
        <span className="break-node-label" aria-hidden="true">Node</span>
        <button type="button" aria-label="Reboot node" onClick={rebootNodeAt} title={`The node goes down for ${DEFAULT_NODE_DOWN}s: every container dies, then the init containers run again`}>Reboot</button>
        <button
          type="button"
          aria-label="Shut down node"
          onClick={shutdownNodeAt}
          disabled={!gracefulShutdown}
          title={gracefulShutdown ? "The node shuts down: its kubelet stops the pod within the node's shutdown grace period (by pod priority, after the lower groups)" : 'Graceful node shutdown is off (the default): give the node a shutdown grace period, or groups by pod priority, in the Pod tab first'}
        >
          Shut down
        </button>
        <button type="button" aria-label="Drain node" onClick={drainNodeAt} title="kubectl drain: the Eviction API marks the pod DisruptionTarget and deletes it, with its grace period">Drain</button>
      </div>
      <div className="button-row">
        {/* kubectl debug acts on the pod, joining the chosen container's processes. */}
        <button
          type="button"
          disabled={!target}
          onClick={() => debugContainerAt(target)}
          title={`kubectl debug -it --image=${DEBUG_IMAGE} --target=${target}: an ephemeral container joins the running pod`}
        >
          Debug
        </button>
        <button type="button" onClick={evictPodAt} title="The node runs low on memory: the kubelet evicts the pod, which ends Failed (Evicted)">Evict pod</button>
        <button type="button" className="danger" onClick={deletePodAt}>Delete pod</button>
      </div>
      <UpdateImage target={target} />
      {Array.isArray(view.spec.readinessGates) && view.spec.readinessGates.length > 0 && <ReadinessGates />}
      {view.missing.length > 0 && <CreateObject />}
    </>
  );
}

import { useAppStore } from '../../app/store';
import { selectRun } from '../../app/selectors';
import { valueAt } from '../../app/trace-index';
import { selectNodeDown } from '../shared/node-down';

// The published value itself: the same object until the phase, reason or message change.
const selectPhase = (s: Parameters<typeof selectRun>[0]) => {
  const run = selectRun(s);
  return run ? valueAt(run.trace.phase, s.playback.t) : undefined;
};
const selectGone = (s: Parameters<typeof selectRun>[0]) => {
  const run = selectRun(s);
  return run?.trace.deletedAt !== undefined && s.playback.t >= run.trace.deletedAt;
};

/**
 * The pod phase at t, with its reason as `kubectl describe pod` shows them (Failed, Evicted) and
 * the message on hover; while the node is down, that it is (the phase is the last one sent).
 */
export function PodPhaseBadge() {
  const phase = useAppStore(selectPhase);
  const gone = useAppStore(selectGone);
  const nodeDown = useAppStore(selectNodeDown);
  if (gone) return <span className="phase-badge phase-gone">deleted</span>;
  const badge = phase ? (
    <span className={`phase-badge phase-${phase.phase.toLowerCase()}`} title={phase.message}>
      phase: {phase.phase}
      {phase.reason && ` (${phase.reason})`}
    </span>
  ) : null;
  if (!nodeDown) return badge;
  return (
    <>
      {badge}
      <span className="phase-badge phase-node-down" title="The node is down: nothing runs, and the API shows the last status the kubelet sent">node down</span>
    </>
  );
}

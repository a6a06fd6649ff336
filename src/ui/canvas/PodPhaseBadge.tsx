import { useAppStore } from '../../app/store';
import { selectRun } from '../../app/selectors';
import { valueAt } from '../../app/trace-index';

const selectPhase = (s: Parameters<typeof selectRun>[0]) => {
  const run = selectRun(s);
  return run ? valueAt(run.trace.phase, s.playback.t)?.phase : undefined;
};
const selectGone = (s: Parameters<typeof selectRun>[0]) => {
  const run = selectRun(s);
  return run?.trace.deletedAt !== undefined && s.playback.t >= run.trace.deletedAt;
};

/** The pod phase at t, in words. */
export function PodPhaseBadge() {
  const phase = useAppStore(selectPhase);
  const gone = useAppStore(selectGone);
  if (gone) return <span className="phase-badge phase-gone">deleted</span>;
  return phase ? <span className={`phase-badge phase-${phase.toLowerCase()}`}>phase: {phase}</span> : null;
}

/**
 * When the pod's node was down, from the trace's NodeDown events. While it is down the API keeps
 * showing the last status the kubelet sent, so the views say "node down" beside it.
 */
import { selectRun } from '../../app/selectors';
import type { AppState } from '../../app/store';
import type { Trace } from '../../engine/trace';

export interface DownPeriod {
  from: number;
  to: number;
}

const cache = new WeakMap<Trace, DownPeriod[]>();

export function nodeDownPeriods(trace: Trace): DownPeriod[] {
  let periods = cache.get(trace);
  if (!periods) {
    periods = trace.events.flatMap((e) => (e.type === 'NodeDown' ? [{ from: e.t, to: Math.min(e.until, trace.end) }] : []));
    cache.set(trace, periods);
  }
  return periods;
}

export function isNodeDownAt(trace: Trace, t: number): boolean {
  return nodeDownPeriods(trace).some((p) => p.from <= t && t < p.to);
}

/** Whether the node is down at the time shown. */
export const selectNodeDown = (s: AppState): boolean => {
  const run = selectRun(s);
  return run !== undefined && isNodeDownAt(run.trace, s.playback.t);
};

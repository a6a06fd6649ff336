/**
 * The pod's status at t for the status panes, from the engine's queries. Each hook subscribes
 * to the least it needs: the kubectl row to t, the events to the second (their ages).
 */
import { useMemo } from 'react';
import { describeEvents, kubectlRow } from '../engine/index';
import type { PodCondition, Trace } from '../engine/trace';
import { selectRun, selectSecond, selectT } from './selectors';
import { valueAt } from './trace-index';
import { useAppStore, type AppState } from './store';

export type KubectlRow = ReturnType<typeof kubectlRow>;
export type DescribedEvent = ReturnType<typeof describeEvents>[number];

const EMPTY_TRACE_ROW: KubectlRow = { name: '', ready: '0/0', status: 'Pending', restarts: '0', age: '0s' };

const selectTrace = (s: AppState): Trace | undefined => selectRun(s)?.trace;
const selectConditions = (s: AppState): PodCondition[] | undefined => {
  const trace = selectTrace(s);
  return trace ? valueAt(trace.conditions, s.playback.t) : undefined;
};

export function useTrace(): Trace | undefined {
  return useAppStore(selectTrace);
}

export function useKubectlRow(): KubectlRow {
  const trace = useTrace();
  const t = useAppStore(selectT);
  return useMemo(() => (trace ? kubectlRow(trace, t) : EMPTY_TRACE_ROW), [trace, t]);
}

export function useConditions(): PodCondition[] {
  return useAppStore(selectConditions) ?? NO_CONDITIONS;
}
const NO_CONDITIONS: PodCondition[] = [];

/** Events up to t as `kubectl describe pod` lists them; recomputed once per second of pod time or when an event passes. */
export function useDescribedEvents(): DescribedEvent[] {
  const trace = useTrace();
  const second = useAppStore(selectSecond);
  const count = useAppStore(selectEventCount);
  const t = useAppStore.getState().playback.t;
  // `second` and `count` are the triggers; t itself is read fresh so that playing does not re-run this every frame.
  return useMemo(() => (trace ? describeEvents(trace, t) : []), [trace, second, count]);
}

/** How many trace events have happened by t (so a list knows when a new one passes). */
export const selectEventCount = (s: AppState): number => {
  const trace = selectTrace(s);
  if (!trace) return 0;
  const events = trace.events;
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (events[mid]!.t <= s.playback.t) low = mid + 1;
    else high = mid;
  }
  return low;
};

/**
 * The pod's status at t for the status panes, from the engine's queries. Playing moves t every
 * frame, but what these panes show changes far less often: each answer is kept until the next
 * moment it can change (see nextShownChange) and returned by reference until then, so the
 * selectors are cheap and a pane re-renders only when its text changes.
 *
 * The panes get their answers as deferred values: when a second of pod time passes, React first
 * commits what the canvas and the clock show, then renders these panes in a task of their own.
 * At 20x a pod second passes every third frame; this spreads its changes over two frames instead
 * of crowding them into one that a slow machine cannot draw in time.
 */
import { useDeferredValue } from 'react';
import { humanDuration, kubectlRow, type KubectlRow } from '../engine/index';
import type { PodCondition, Trace } from '../engine/trace';
import { selectRun } from './selectors';
import { eventCountAt, eventRowsAt, nextShownChange, valueAt } from './trace-index';
import { useAppStore, type AppState } from './store';

export type { KubectlRow };

/** A row of the Events list, as `kubectl describe pod` prints it at t. */
export interface ShownEvent {
  /** Stable while the Event is listed: the first trace event it folds. */
  key: number;
  type: string;
  reason: string;
  age: string;
  message: string;
  /** When it was last seen. */
  t: number;
}

/** Keeps the list light on a day of crash-looping: the newest Events are the ones that matter. */
export const MAX_EVENT_ROWS = 80;

const EMPTY_ROW: KubectlRow = { name: '', ready: '0/0', status: 'Pending', restarts: '0', age: '0s' };
const NO_CONDITIONS: PodCondition[] = [];
const NO_EVENTS: ShownEvent[] = [];

/**
 * Memoises `compute(trace, t, arg)` until the next shown change (or another trace or arg); `reuse`
 * keeps the old value when equal.
 */
function untilNextChange<T, A = void>(compute: (trace: Trace, t: number, arg: A) => T, reuse: (previous: T, next: T) => T) {
  let memo: { trace: Trace; arg: A; from: number; until: number; value: T } | undefined;
  return (trace: Trace, t: number, arg: A): T => {
    if (memo && memo.trace === trace && memo.arg === arg && t >= memo.from && t < memo.until) return memo.value;
    const computed = compute(trace, t, arg);
    const value = memo && memo.trace === trace ? reuse(memo.value, computed) : computed;
    memo = { trace, arg, from: t, until: nextShownChange(trace, t), value };
    return value;
  };
}

const sameRow = (a: KubectlRow, b: KubectlRow) =>
  a.name === b.name && a.ready === b.ready && a.status === b.status && a.restarts === b.restarts && a.age === b.age && a.deleted === b.deleted;

const kubectlRowAt = untilNextChange(kubectlRow, (previous, next) => (sameRow(previous, next) ? previous : next));

const eventsAt = untilNextChange(
  (trace, t, limit: number): ShownEvent[] =>
    eventRowsAt(trace, t, limit).map(({ key, index, count, first }) => {
      const { t: last, event } = trace.events[index]!;
      const age = humanDuration(t - last);
      return {
        key,
        type: event!.type,
        reason: event!.reason,
        message: event!.message,
        t: last,
        age: count > 1 ? `${age} (x${count} over ${humanDuration(t - first)})` : age,
      };
    }),
  (previous, next) => {
    // Rows that did not change keep their object, so memoised rows skip rendering.
    const byKey = new Map(previous.map((row) => [row.key, row]));
    let changed = previous.length !== next.length;
    const merged = next.map((row, i) => {
      const old = byKey.get(row.key);
      const kept = old && old.age === row.age && old.t === row.t ? old : row;
      if (kept !== previous[i]) changed = true;
      return kept;
    });
    return changed ? merged : previous;
  },
);

const selectTrace = (s: AppState): Trace | undefined => selectRun(s)?.trace;
export const selectKubectlRow = (s: AppState): KubectlRow => {
  const trace = selectTrace(s);
  return trace ? kubectlRowAt(trace, s.playback.t) : EMPTY_ROW;
};
const selectConditions = (s: AppState): PodCondition[] => {
  const trace = selectTrace(s);
  return (trace && valueAt(trace.conditions, s.playback.t)) ?? NO_CONDITIONS;
};
/** The newest `limit` Events up to t (each age changes every second: only compute those shown). */
export const selectEvents = (s: AppState, limit = MAX_EVENT_ROWS): ShownEvent[] => {
  const trace = selectTrace(s);
  return trace ? eventsAt(trace, s.playback.t, Math.min(limit, MAX_EVENT_ROWS)) : NO_EVENTS;
};

/** How many trace events have happened by t (so a pane knows when a new one passes). */
export const selectEventCount = (s: AppState): number => {
  const trace = selectTrace(s);
  return trace ? eventCountAt(trace, s.playback.t) : 0;
};

export function useTrace(): Trace | undefined {
  return useAppStore(selectTrace);
}

/** What `kubectl get pod` prints at t. */
export function useKubectlRow(): KubectlRow {
  return useDeferredValue(useAppStore(selectKubectlRow));
}

export function useConditions(): PodCondition[] {
  return useDeferredValue(useAppStore(selectConditions));
}

/** How many trace events have happened by t, deferred as the panes' answers are. */
export function useEventCount(): number {
  return useDeferredValue(useAppStore(selectEventCount));
}

/** The newest `limit` Events up to t as `kubectl describe pod` lists them, oldest first. */
export function useDescribedEvents(limit: number): ShownEvent[] {
  return useDeferredValue(useAppStore((s) => selectEvents(s, limit)));
}

/**
 * Lookups over a trace that the screen makes every frame, indexed once per trace. They read
 * what the engine recorded and decide nothing about the lifecycle.
 */
import type { History, Trace, TraceEvent } from '../engine/trace';

/** The value a history holds at t (the entry with the greatest time <= t), by reference. */
export function valueAt<T>(history: History<T> | undefined, t: number): T | undefined {
  if (!history || history.length === 0 || history[0]!.t > t) return undefined;
  let low = 0;
  let high = history.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (history[mid]!.t <= t) low = mid;
    else high = mid - 1;
  }
  return history[low]!.value;
}

export type ContainerEvent = Extract<TraceEvent, { container: string }>;

const byContainer = new WeakMap<Trace, Map<string, ContainerEvent[]>>();

/** The events of one container, in trace order. */
export function containerEvents(trace: Trace, name: string): ContainerEvent[] {
  let index = byContainer.get(trace);
  if (!index) {
    index = new Map();
    for (const event of trace.events) {
      if (!('container' in event)) continue;
      const list = index.get(event.container) ?? [];
      list.push(event);
      index.set(event.container, list);
    }
    byContainer.set(trace, index);
  }
  return index.get(name) ?? [];
}

/** The last event of the container at or before t matching `types`, if any. */
export function lastEventOf<K extends ContainerEvent['type']>(
  trace: Trace,
  name: string,
  t: number,
  types: readonly K[],
): Extract<ContainerEvent, { type: K }> | undefined {
  const events = containerEvents(trace, name);
  for (let i = countUpTo(events, t, timeOfItem) - 1; i >= 0; i--) {
    const event = events[i]!;
    if ((types as readonly string[]).includes(event.type)) return event as Extract<ContainerEvent, { type: K }>;
  }
  return undefined;
}

const momentsCache = new WeakMap<Trace, { times: number[]; offsets: number[] }>();

/**
 * Every moment at which something recorded changes (events, statuses, phase, conditions,
 * deletion), ascending, and the distinct fractional parts of those moments: the ages kubectl
 * prints tick over at whole seconds counted from one of them.
 */
function momentsOf(trace: Trace): { times: number[]; offsets: number[] } {
  let moments = momentsCache.get(trace);
  if (!moments) {
    const all = new Set<number>([0]);
    for (const event of trace.events) {
      all.add(event.t);
      // A back-off's countdown ends at its deadline, whether or not anything is recorded then.
      if (event.type === 'BackOff' || event.type === 'PullBackOff') all.add(event.t + event.delay);
    }
    for (const entry of trace.phase) all.add(entry.t);
    for (const entry of trace.conditions) all.add(entry.t);
    for (const history of Object.values(trace.containerStatuses)) for (const entry of history) all.add(entry.t);
    if (trace.deletion) all.add(trace.deletion.t);
    if (trace.deletedAt !== undefined) all.add(trace.deletedAt);
    const times = [...all].sort((a, b) => a - b);
    const offsets = [...new Set(times.map((time) => Math.round((time - Math.floor(time)) * 1e6) / 1e6))];
    moments = { times, offsets };
    momentsCache.set(trace, moments);
  }
  return moments;
}

/**
 * The first moment after t at which anything the panes or the canvas show may change: a
 * recorded change, an age or a countdown ticking over. Errs early (a needless recomputation),
 * never late.
 */
export function nextShownChange(trace: Trace, t: number): number {
  const { times, offsets } = momentsOf(trace);
  let next = times[countUpTo(times, t, itself)] ?? Infinity;
  for (const offset of offsets) next = Math.min(next, offset + Math.floor(t - offset - 1e-6) + 1);
  return next;
}

/**
 * Memoises `compute(trace, t, arg)` until the next shown change (or another trace or arg); `reuse`
 * keeps the old value when equal.
 */
export function untilNextChange<T, A = void>(compute: (trace: Trace, t: number, arg: A) => T, reuse: (previous: T, next: T) => T) {
  let memo: { trace: Trace; arg: A; from: number; until: number; value: T } | undefined;
  return (trace: Trace, t: number, arg: A): T => {
    if (memo && memo.trace === trace && memo.arg === arg && t >= memo.from && t < memo.until) return memo.value;
    const computed = compute(trace, t, arg);
    const value = memo && memo.trace === trace ? reuse(memo.value, computed) : computed;
    memo = { trace, arg, from: t, until: nextShownChange(trace, t), value };
    return value;
  };
}

/** When one container's status or one of its events may change what it shows, and its back-offs. */
interface ContainerMoments {
  /** Ascending. */
  times: number[];
  /** Its back-offs in time order: each counts down second by second until its deadline. */
  backoffStarts: number[];
  backoffDeadlines: number[];
}

const containerMomentsCache = new WeakMap<Trace, Map<string, ContainerMoments>>();

function containerMomentsOf(trace: Trace, name: string): ContainerMoments | undefined {
  let byName = containerMomentsCache.get(trace);
  if (!byName) {
    const all = new Map<string, { times: Set<number>; backoffStarts: number[]; backoffDeadlines: number[] }>();
    const of = (container: string) => {
      let moments = all.get(container);
      if (!moments) all.set(container, (moments = { times: new Set(), backoffStarts: [], backoffDeadlines: [] }));
      return moments;
    };
    for (const [container, history] of Object.entries(trace.containerStatuses)) for (const entry of history) of(container).times.add(entry.t);
    for (const event of trace.events) {
      if (!('container' in event)) continue;
      const moments = of(event.container);
      moments.times.add(event.t);
      if (event.type !== 'BackOff' && event.type !== 'PullBackOff') continue;
      moments.times.add(event.t + event.delay);
      moments.backoffStarts.push(event.t);
      moments.backoffDeadlines.push(event.t + event.delay);
    }
    byName = new Map([...all].map(([container, moments]) => [container, { ...moments, times: [...moments.times].sort((x, y) => x - y) }]));
    containerMomentsCache.set(trace, byName);
  }
  return byName.get(name);
}

/**
 * The first moment after t at which the container's status, or what it is doing (being stopped,
 * a back-off's seconds left), may change. Unlike nextShownChange it does not tick with every age
 * kubectl prints, nor with the other containers.
 */
export function nextContainerChange(trace: Trace, name: string, t: number): number {
  const moments = containerMomentsOf(trace, name);
  if (!moments) return Infinity;
  const { times, backoffStarts, backoffDeadlines } = moments;
  const next = times[countUpTo(times, t, itself)] ?? Infinity;
  const deadline = backoffDeadlines[countUpTo(backoffStarts, t, itself) - 1];
  // Seconds left are ceil(deadline - t): the count goes down when deadline - t passes a whole number.
  return deadline !== undefined && t < deadline ? Math.min(next, deadline - Math.ceil(deadline - t) + 1) : next;
}

/** How many trace events have happened by t. */
export function eventCountAt(trace: Trace, t: number): number {
  return countUpTo(trace.events, t, timeOfItem);
}

const timeOfItem = (item: { t: number }) => item.t;
const itself = (time: number) => time;

/** How many of these time-ordered items are at or before t (binary search). */
function countUpTo<T>(items: readonly T[], t: number, timeOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeOf(items[mid]!) <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface Folding {
  /** Per trace event: the index of the first event it repeats (-1 without a Kubernetes Event). */
  group: Int32Array;
  /** Per trace event: how many times its Event has been seen, itself included. */
  seen: Int32Array;
}

const foldingCache = new WeakMap<Trace, Folding>();

/** Repeated Events folded as `kubectl describe` folds them (same type, reason and message). */
function foldingOf(trace: Trace): Folding {
  let folding = foldingCache.get(trace);
  if (!folding) {
    const group = new Int32Array(trace.events.length).fill(-1);
    const seen = new Int32Array(trace.events.length);
    const folds = new Map<string, { first: number; count: number }>();
    trace.events.forEach((event, i) => {
      if (!event.event) return;
      const key = `${event.event.type}\u0000${event.event.reason}\u0000${event.event.message}`;
      const fold = folds.get(key) ?? { first: i, count: 0 };
      fold.count++;
      folds.set(key, fold);
      group[i] = fold.first;
      seen[i] = fold.count;
    });
    folding = { group, seen };
    foldingCache.set(trace, folding);
  }
  return folding;
}

/** One row of the Events list: a folded Event at the last trace event it was seen at. */
export interface EventRow {
  /** The first trace event of the fold: a stable key for the row. */
  key: number;
  index: number;
  count: number;
  /** When it was first seen. */
  first: number;
}

/**
 * The last `max` rows `describeEvents(trace, t)` would list, newest last, without walking the
 * whole run: it reads back from t until it has `max` distinct Events.
 */
export function eventRowsAt(trace: Trace, t: number, max: number): EventRow[] {
  const { group, seen } = foldingOf(trace);
  const rows: EventRow[] = [];
  const taken = new Set<number>();
  for (let i = eventCountAt(trace, t) - 1; i >= 0 && rows.length < max; i--) {
    const g = group[i]!;
    if (g < 0 || taken.has(g)) continue;
    taken.add(g);
    rows.push({ key: g, index: i, count: seen[i]!, first: trace.events[g]!.t });
  }
  return rows.reverse();
}

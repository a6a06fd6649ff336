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
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (events[mid]!.t <= t) low = mid + 1;
    else high = mid;
  }
  for (let i = low - 1; i >= 0; i--) {
    const event = events[i]!;
    if ((types as readonly string[]).includes(event.type)) return event as Extract<ContainerEvent, { type: K }>;
  }
  return undefined;
}

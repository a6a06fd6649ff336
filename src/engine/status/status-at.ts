/**
 * Questions about a trace at a moment t: binary searches over the recorded histories, cheap
 * enough to ask on every animation frame.
 */
import type { ContainerStatus, History, PodCondition, PodPhase, Trace } from '../trace';
import type { QosClass } from '../types';

/** The API's `.status` of the pod at t (times in seconds since creation). */
export interface PodStatus {
  phase: PodPhase;
  reason?: string;
  message?: string;
  conditions: PodCondition[];
  initContainerStatuses: ContainerStatus[];
  containerStatuses: ContainerStatus[];
  /** Of the ephemeral containers added by t; absent without any, as the API leaves it out. */
  ephemeralContainerStatuses?: ContainerStatus[];
  deletionTimestamp?: number;
  deletionGracePeriodSeconds?: number;
  startTime: number;
  qosClass: QosClass;
}

/** The value in force at t: the last entry with entry.t <= t (the first entry before it starts). */
export function valueAt<T>(history: History<T>, t: number): T | undefined {
  let lo = 0;
  let hi = history.length - 1;
  if (hi < 0) return undefined;
  if (history[0]!.t > t) return history[0]!.value;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (history[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return history[lo]!.value;
}

/** None before its first record: an ephemeral container has none before `kubectl debug` adds it. */
export function containerStatusAt(trace: Trace, name: string, t: number): ContainerStatus | undefined {
  const history = trace.containerStatuses[name];
  return history && history[0]!.t <= t ? valueAt(history, t) : undefined;
}

export function podStatusAt(trace: Trace, t: number): PodStatus {
  const phase = valueAt(trace.phase, t) ?? { phase: 'Pending' as const };
  const status: PodStatus = {
    phase: phase.phase,
    conditions: valueAt(trace.conditions, t) ?? [],
    initContainerStatuses: trace.pod.initContainers
      .map((c) => containerStatusAt(trace, c.name, t))
      .filter((s): s is ContainerStatus => s !== undefined),
    containerStatuses: trace.pod.containers
      .map((name) => containerStatusAt(trace, name, t))
      .filter((s): s is ContainerStatus => s !== undefined)
      // The API sorts regular container statuses by name.
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    startTime: 0,
    qosClass: trace.pod.qosClass,
  };
  const ephemeral = trace.pod.ephemeralContainers.map((name) => containerStatusAt(trace, name, t)).filter((s): s is ContainerStatus => s !== undefined);
  if (ephemeral.length > 0) status.ephemeralContainerStatuses = ephemeral;
  if (phase.reason) status.reason = phase.reason;
  if (phase.message) status.message = phase.message;
  if (trace.deletion && trace.deletion.t <= t) {
    status.deletionTimestamp = trace.deletion.t + trace.deletion.gracePeriod;
    status.deletionGracePeriodSeconds = trace.deletion.gracePeriod;
  }
  return status;
}

/** Index of the last event with event.t <= t, or -1. */
export function eventsUntil(trace: Trace, t: number): number {
  const events = trace.events;
  let lo = -1;
  let hi = events.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (events[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether the pod object still exists at t. */
export function podExistsAt(trace: Trace, t: number): boolean {
  return trace.deletedAt === undefined || t < trace.deletedAt;
}

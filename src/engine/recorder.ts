/**
 * Builds the Trace while the simulation runs: appends events and keeps, per container and for
 * the pod, one history entry per change (a later change at the same instant replaces the
 * earlier one, so a history never holds two entries for one t).
 */
import type { ContainerStatus, EventSource, History, KubeEvent, PodCondition, ProbeRun, Trace, TraceEvent } from './trace';

type PhaseValue = Trace['phase'][number]['value'];

export class Recorder {
  readonly events: TraceEvent[] = [];
  readonly containerStatuses: Record<string, History<ContainerStatus>> = {};
  readonly phase: History<PhaseValue> = [];
  readonly conditions: History<PodCondition[]> = [];
  /** Every probe run, only when asked for (see SimulateOptions.probeRuns). */
  probeRuns?: ProbeRun[];

  emit(event: TraceEvent): void {
    this.events.push(event);
  }

  /** Emits a trace event carrying the Kubernetes Event the kubelet (or `from`) would record. */
  emitK8s(event: TraceEvent, type: KubeEvent['type'], reason: string, message: string, from: EventSource = 'kubelet'): void {
    event.event = { type, reason, message, from };
    this.events.push(event);
  }

  setContainerStatus(t: number, status: ContainerStatus): boolean {
    const history = (this.containerStatuses[status.name] ??= []);
    return push(history, t, status, sameContainerStatus);
  }

  setPhase(t: number, value: PhaseValue): boolean {
    return push(this.phase, t, value, (a, b) => a.phase === b.phase && a.reason === b.reason);
  }

  setConditions(t: number, value: PodCondition[]): boolean {
    return push(this.conditions, t, value, sameConditions);
  }
}

function push<T>(history: History<T>, t: number, value: T, same: (a: T, b: T) => boolean): boolean {
  const last = history[history.length - 1];
  if (last && same(last.value, value)) return false;
  if (last && last.t === t) {
    const before = history[history.length - 2];
    if (before && same(before.value, value)) history.pop();
    else last.value = value;
    return true;
  }
  history.push({ t, value });
  return true;
}

function sameState(a: ContainerStatus['state'], b: ContainerStatus['state']): boolean {
  if (a.running || b.running) return a.running?.startedAt === b.running?.startedAt;
  if (a.waiting || b.waiting) return a.waiting?.reason === b.waiting?.reason && a.waiting?.message === b.waiting?.message;
  const x = a.terminated;
  const y = b.terminated;
  if (!x || !y) return x === y;
  return x.exitCode === y.exitCode && x.reason === y.reason && x.finishedAt === y.finishedAt && x.startedAt === y.startedAt;
}

function sameContainerStatus(a: ContainerStatus, b: ContainerStatus): boolean {
  return (
    a.ready === b.ready &&
    a.started === b.started &&
    a.restartCount === b.restartCount &&
    sameState(a.state, b.state) &&
    sameState(a.lastState, b.lastState)
  );
}

function sameConditions(a: PodCondition[], b: PodCondition[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.type !== y.type || x.status !== y.status || x.reason !== y.reason || x.message !== y.message) return false;
  }
  return true;
}

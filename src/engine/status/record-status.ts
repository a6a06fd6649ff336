/**
 * Generates the pod status the kubelet would publish now, records what changed, and emits the
 * trace events that describe the change (readiness, started, phase, conditions).
 * kubelet: pkg/kubelet/kubelet_pods.go generateAPIPodStatus.
 */
import type { ContainerRuntime, PhaseStatus, Sim } from '../runtime';
import type { ContainerStatus, PodCondition, PodPhase } from '../trace';
import { isKubeletOwned, podConditions } from './conditions';
import { containerStatus, markUnknownAtTermination } from './container-status';
import { podPhase } from './pod-phase';
import { setDisruptionTarget } from '../rules/status-patch';

/**
 * The statuses of every container, regenerating only those touched since the last time; also
 * returns the regenerated ones.
 */
function currentStatuses(sim: Sim): { init: ContainerStatus[]; regular: ContainerStatus[]; fresh: ContainerStatus[] } {
  const cache = (sim.statusCache ??= { init: [], regular: [], ephemeral: [] });
  const fresh: ContainerStatus[] = [];
  refresh(sim, sim.init, cache.init, fresh);
  refresh(sim, sim.regular, cache.regular, fresh);
  const ephemeral: ContainerStatus[] = [];
  refresh(sim, sim.ephemeral, cache.ephemeral, ephemeral);
  for (const c of sim.touched) c.touched = false;
  sim.touched.length = 0;
  sim.allTouched = false;
  if (!sim.terminated) return { init: cache.init, regular: cache.regular, fresh: [...fresh, ...ephemeral] };
  // markUnknownAtTermination rewrites states: give it copies, and record them all.
  const init = cache.init.map((s) => ({ ...s }));
  const regular = cache.regular.map((s) => ({ ...s }));
  return { init, regular, fresh: [...init, ...regular, ...ephemeral] };
}

/** Regenerates the statuses of `list` that may have changed; an ephemeral container has one once added. */
function refresh(sim: Sim, list: ContainerRuntime[], out: ContainerStatus[], fresh: ContainerStatus[]): void {
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (c.spec.role === 'ephemeral' && c.addedAt === undefined) continue;
    if (sim.allTouched || out[i] === undefined || c.touched) {
      out[i] = containerStatus(sim, c);
      fresh.push(out[i]!);
    }
  }
}

/**
 * @param generatePhase the pod phase is generated only when the kubelet generates a pod status (at
 *   the start of a sync, and when the pod worker is done); between syncs, e.g. while a postStart
 *   hook blocks the worker, container statuses change but the phase does not.
 */
export function recordStatus(sim: Sim, generatePhase = false): void {
  // A node that is down publishes nothing: the API keeps the last status it got.
  if (sim.nodeDown) return;
  const phaseStale = generatePhase && sim.version !== sim.phaseVersion;
  if (sim.version === sim.recordedVersion && !phaseStale) return;
  sim.recordedVersion = sim.version;
  if (generatePhase) sim.phaseVersion = sim.version;
  const { rec, now } = sim;
  const { init, regular, fresh } = currentStatuses(sim);
  if (sim.terminated) markUnknownAtTermination(sim, init, regular);

  for (const status of fresh) {
    const history = rec.containerStatuses[status.name];
    const before = history?.[history.length - 1]?.value;
    if (!rec.setContainerStatus(now, status)) continue;
    // A container killed and restarted within one instant is a new instance: report it anew.
    const restarted = before !== undefined && before.restartCount !== status.restartCount;
    if (status.started && (!before?.started || restarted)) rec.emit({ t: now, type: 'ContainerStarted', container: status.name });
    if (restarted && before.ready && status.ready) rec.emit({ t: now, type: 'Ready', container: status.name, ready: false });
    if (before ? status.ready !== before.ready || (restarted && status.ready) : status.ready) {
      rec.emit({ t: now, type: 'Ready', container: status.name, ready: status.ready });
    }
  }

  if (generatePhase) sim.generatedPhase = generatedPhase(sim, init, regular);
  const becameTerminal = publishPhase(sim);
  publishConditions(sim, init, regular);
  // mergePodStatus sends a DisruptionTarget the kubelet set (an eviction) only with the terminal
  // phase, once no container can run, its lastTransitionTime then; it goes last.
  if (becameTerminal && sim.disruption) setDisruptionTarget(sim, sim.disruption.reason, sim.disruption.message);
}

function publishConditions(sim: Sim, init: ContainerStatus[], regular: ContainerStatus[]): void {
  const { rec, now } = sim;
  const sidecar = sim.sidecarFlags;
  const { phase } = sim.generatedPhase;
  const previousConditions = rec.conditions[rec.conditions.length - 1]?.value ?? [];
  // The conditions are generated with the phase the pod worker acts on, held back or not.
  const generated = podConditions({
    phase,
    readinessGates: sim.model.readinessGates ?? [],
    apiConditions: previousConditions,
    sandboxReady: sim.sandboxReady,
    sidecar,
    init,
    regular,
  });
  // status_manager.go: nothing is sent while the kubelet's own conditions are as the API has them
  // (isPodStatusByKubeletEqual); a status sent is merged by mergePodStatus, which keeps the
  // conditions others own (DisruptionTarget) first, in their order, then appends the kubelet's.
  if (rec.conditions.length > 0 && sameConditions(generated, previousConditions)) return;
  const conditions: PodCondition[] = previousConditions.filter((c) => !isKubeletOwned(c.type));
  for (const c of generated) {
    const old = ofType(previousConditions, c.type);
    const flipped = !old || old.status !== c.status;
    if (flipped) rec.emit({ t: now, type: 'PodCondition', condition: c.type, status: c.status, ...(c.reason ? { reason: c.reason } : {}) });
    conditions.push({ ...c, lastTransitionTime: flipped ? now : old.lastTransitionTime });
  }
  rec.setConditions(now, conditions);
}

/** pkg/kubelet/nodeshutdown/nodeshutdown_manager.go: the pod's status message, and its DisruptionTarget's. */
export const NODE_SHUTDOWN_MESSAGE = 'Pod was terminated in response to imminent node shutdown.';

/** pkg/kubelet/active_deadline.go: the pod's status message, and its Event's. */
export const DEADLINE_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** The phase generateAPIPodStatus computes: what the pod worker acts on. */
function generatedPhase(sim: Sim, init: ContainerStatus[], regular: ContainerStatus[]): PhaseStatus {
  const previous = sim.generatedPhase;
  // The eviction's status function sets Failed on the status generated before the kill, with the
  // kubelet's conditions already made from the old phase; the next status is generated once every
  // container has stopped (kubelet.go SyncTerminatingPod).
  if (sim.evicted !== undefined && sim.terminated) return { phase: 'Failed', reason: 'Evicted', message: sim.evicted };
  // nodeshutdown_manager.go killPods: Failed unless already Succeeded, reason Terminated.
  if (sim.shutdown && sim.terminated) return { phase: previous.phase === 'Succeeded' ? 'Succeeded' : 'Failed', reason: 'Terminated', message: NODE_SHUTDOWN_MESSAGE };
  if (sim.deadlineExceeded) {
    return { phase: 'Failed', reason: 'DeadlineExceeded', message: DEADLINE_MESSAGE };
  }
  // A terminal phase never changes again.
  if (previous.phase === 'Succeeded' || previous.phase === 'Failed') return previous;
  const podHasInitialized = sim.regular.some((c) => c.current !== undefined && c.current.sandbox === sim.sandboxAttempt && !sim.sandboxLost);
  const phase = podPhase({
    restartPolicy: sim.model.restartPolicy,
    initContainers: sim.model.initContainers,
    containers: sim.model.containers,
    init,
    regular,
    podIsTerminal: sim.terminated,
    podHasInitialized,
  });
  // status_manager.go TerminatePod: a pod the kubelet is done with ends Failed if not Succeeded.
  return { phase: sim.terminated && phase !== 'Succeeded' ? 'Failed' : phase };
}

/**
 * The phase the API sees. status_manager.go mergePodStatus holds back a terminal phase, with its
 * reason and message, while the pod could still have running containers: a pod whose init
 * container failed under Never, or that passed its deadline, shows its old phase until the
 * sidecars and the rest have stopped. True when the API sees it become terminal now.
 */
function publishPhase(sim: Sim): boolean {
  const { rec, now } = sim;
  const previous = rec.phase[rec.phase.length - 1]!.value;
  const terminal = (phase: PodPhase) => phase === 'Succeeded' || phase === 'Failed';
  const held = terminal(sim.generatedPhase.phase) && !terminal(previous.phase) && !sim.terminated;
  const next = held ? previous : sim.generatedPhase;
  if (!rec.setPhase(now, next) || next.phase === previous.phase) return false;
  rec.emit({ t: now, type: 'PodPhase', phase: next.phase, ...(next.reason ? { reason: next.reason } : {}) });
  return terminal(next.phase);
}

/** A lookup in a handful of conditions, without building a map on every status: most steps record one. */
function ofType(conditions: readonly PodCondition[], type: PodCondition['type']): PodCondition | undefined {
  for (const c of conditions) if (c.type === type) return c;
  return undefined;
}

function sameConditions(generated: Omit<PodCondition, 'lastTransitionTime'>[], previous: readonly PodCondition[]): boolean {
  for (const c of generated) {
    const old = ofType(previous, c.type);
    if (!old || old.status !== c.status || old.reason !== c.reason || old.message !== c.message) return false;
  }
  return true;
}

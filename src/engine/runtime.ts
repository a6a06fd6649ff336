/**
 * The simulated node's runtime state for one pod: what containerd and the kubelet's caches
 * (probe results, reason cache, backoff) hold at the current instant. Mutated only by simulate.ts
 * and the rules it calls.
 */
import type { EventQueue } from './event-queue';
import type { Recorder } from './recorder';
import type { ContainerModel, PodModel, ProbeAnswers, ProbeKind, ProbeTiming, RunBehavior } from './types';
import type { Backoff } from './rules/restart-backoff';
import type { ContainerStatus, KillReason, PodPhase } from './trace';

/** One container instance (a containerd container): created and started once, exits once. */
export interface Instance {
  id: number;
  restartCount: number;
  /** The image it was created from: the status shows it until a new instance replaces it. */
  image: string;
  startedAt: number;
  behavior: RunBehavior;
  /** false while the postStart hook runs: the pod worker is blocked and publishes no status. */
  published: boolean;
  exited: boolean;
  exitCode: number;
  exitReason: 'Completed' | 'Error' | 'OOMKilled' | 'StartError' | 'Unknown';
  /** The runtime's own message for its exit: only a start that failed has one (the error). */
  runtimeMessage?: string;
  finishedAt: number;
  /** The Attempt of the pod sandbox it was created in. */
  sandbox: number;
}

export type ProbeResult = 'unknown' | 'success' | 'failure';

/** kubelet: pkg/kubelet/prober/worker.go — one worker per (container, probe kind). */
export interface ProbeWorker {
  kind: ProbeKind;
  timing: ProbeTiming;
  /** The instance the cached result belongs to. */
  instanceId: number;
  result: ProbeResult;
  lastResult: ProbeResult;
  resultRun: number;
  onHold: boolean;
  stopped: boolean;
  /** Not ticking while its ticks could change nothing (see probes.ts). */
  parked: boolean;
}

/** A start error the kubelet keeps in its reason cache; shown as the waiting reason. */
export interface CachedReason {
  reason: string;
  message: string;
  /** The status update that publishes it. */
  visibleAt: number;
  /** What the status shows until then. */
  shown?: { reason: string; message: string };
}

export interface ContainerRuntime {
  spec: ContainerModel;
  /** Crash-loop backoff key: the kubelet's getStableKey hashes the name and the image. */
  backoffKey: string;
  current?: Instance;
  previous?: Instance;
  reason?: CachedReason;
  /** The exited instance a BackOff event was already reported for. */
  backoffReportedFor?: number;
  probes: Partial<Record<ProbeKind, ProbeWorker>>;
  pullAttempts: number;
  /** The pull attempt a PullBackOff event was already reported for. */
  pullBackoffReportedFor?: number;
  /** The images this container found on the node or pulled there. */
  presentImages: Set<string>;
  /** When a fail-probes action made each probe kind fail, for good. */
  failProbesFrom: Partial<Record<ProbeKind, number>>;
  /** Whether a kill of the running instance is under way (kubelet goroutine). */
  killing: boolean;
  /** Its published status must be generated anew (it is in Sim.touched). */
  touched: boolean;
  /** When a backoff of this container expires and wakes the pod worker. */
  wakeAt?: number;
  /** An ephemeral container is in the pod's spec from then on (its `debug` action). */
  addedAt?: number;
}

export interface Deletion {
  t: number;
  gracePeriod: number;
}

export interface Sim {
  model: PodModel;
  queue: EventQueue;
  rec: Recorder;
  now: number;
  init: ContainerRuntime[];
  regular: ContainerRuntime[];
  /** The ephemeral containers, added or not yet. */
  ephemeral: ContainerRuntime[];
  byName: Map<string, ContainerRuntime>;
  /** Per init container: is it a sidecar. */
  sidecarFlags: boolean[];
  crashBackoff: Backoff;
  imageBackoff: Backoff;
  instanceSeq: number;
  /** A sync is wanted (PLEG event, probe result, API update). */
  dirty: boolean;
  /** Bumped by every change that can alter the published status; lets unchanged instants skip it. */
  version: number;
  recordedVersion: number;
  /** The version the pod phase was last generated at. */
  phaseVersion: number;
  /** Containers whose published status must be generated anew. */
  touched: ContainerRuntime[];
  allTouched: boolean;
  /** The statuses last generated, per init, regular and (added) ephemeral container. */
  statusCache?: { init: ContainerStatus[]; regular: ContainerStatus[]; ephemeral: ContainerStatus[] };
  deletion?: Deletion;
  /** The kubelet decided to kill the whole pod (completion, init failure, deadline, deletion). */
  killPodReason?: KillReason;
  /** Every container has stopped after a pod kill: the pod worker is done with this pod. */
  terminated: boolean;
  /** The phase the kubelet last generated, which the pod worker acts on (the API may see it later). */
  generatedPhase: PhaseStatus;
  sandboxReady: boolean;
  /** The current pod sandbox's Attempt: 0 for the first, +1 each time the kubelet re-creates it. */
  sandboxAttempt: number;
  /** The node is down: nothing runs, nothing is synced or published. */
  nodeDown: boolean;
  /** When the node went down, while it is down: the control plane counts its silence from then. */
  nodeDownSince?: number;
  /** When the taint eviction controller will delete the pod, while that is pending. */
  evictionAt?: number;
  /** The node came back without the pod's sandbox: the next sync re-creates it. */
  sandboxLost: boolean;
  deadlineExceeded: boolean;
  /** The eviction manager's message, once it evicted the pod. */
  evicted?: string;
  /** The grace period the shutdown manager kills the pod with, once the node shuts down gracefully. */
  shutdown?: { grace: number };
  /** The DisruptionTarget the kubelet sends with the pod's terminal phase, not before (node pressure, node shutdown). */
  disruption?: { reason: string; message: string };
  deletedAt?: number;
  /** What does not exist (yet): ConfigMaps and Secrets (`configmap/NAME`), and keys of them (`configmap/NAME/KEY`). */
  missing: Set<string>;
  /** When the pod worker syncs again after a failed sync: its work queue keeps one time per pod. */
  syncRetryAt?: number;
  /** The pod's volumes are mounted, so its sandbox can be made (false while one cannot be set up). */
  volumesReady: boolean;
}

export interface PhaseStatus {
  phase: PodPhase;
  reason?: string;
  message?: string;
}

/**
 * Something changed: the kubelet will sync, and the status may differ — that container's only,
 * when one is named, else possibly any.
 */
export function changed(sim: Sim, c?: ContainerRuntime): void {
  sim.dirty = true;
  if (!c) {
    sim.version++;
    sim.allTouched = true;
  } else touch(sim, c);
}

/** The container's status is to be published again, with nothing for the pod worker to do about it yet. */
export function touch(sim: Sim, c: ContainerRuntime): void {
  sim.version++;
  if (!c.touched) {
    c.touched = true;
    sim.touched.push(c);
  }
}

/** The pod is already on its way out (or out): no disruption can stop it again. */
export function isStopping(sim: Sim): boolean {
  return sim.terminated || sim.deletion !== undefined || sim.killPodReason !== undefined || sim.evicted !== undefined || sim.shutdown !== undefined || sim.deadlineExceeded;
}

/** Every container of the pod, ephemeral ones too: what the runtime runs and a pod kill stops. */
export function everyContainer(sim: Sim): ContainerRuntime[] {
  return [...sim.init, ...sim.regular, ...sim.ephemeral];
}

export function isRunning(c: ContainerRuntime): boolean {
  return c.current !== undefined && !c.current.exited;
}

/** A container's status is `started`: running and its startup probe (if any) has succeeded. */
export function isStarted(c: ContainerRuntime): boolean {
  const inst = c.current;
  if (!inst || inst.exited || !inst.published) return false;
  const startup = c.probes.startup;
  return !startup || (startup.instanceId === inst.id && startup.result === 'success');
}

/** kubelet: prober_manager.go UpdatePodStatus — ready = started && (readiness Success or no probe). */
export function isReady(c: ContainerRuntime): boolean {
  if (!isStarted(c)) return false;
  const readiness = c.probes.readiness;
  return !readiness || (readiness.instanceId === c.current!.id && readiness.result === 'success');
}

/**
 * The behaviour of the run with this restart count: the attempt override, else the defaults.
 * Per-probe answers merge field by field, so an attempt can change one probe's window alone.
 */
export function behaviorFor(spec: ContainerModel, restartCount: number): RunBehavior {
  const { attempts, ...base } = spec.behavior;
  const override = attempts[restartCount];
  if (!override) return base;
  const probes = { ...base.probes };
  for (const [kind, answers] of Object.entries(override.probes ?? {}) as [ProbeKind, ProbeAnswers][]) {
    probes[kind] = { ...probes[kind], ...answers };
  }
  return { ...base, ...override, probes };
}

export function isSidecar(c: ContainerRuntime): boolean {
  return c.spec.role === 'sidecar';
}

/** What a task waits for: a moment, or a condition that is checked after every step (bounded by `until`). */
export interface Wait {
  until: number;
  when?: () => boolean;
}

/** A kubelet goroutine: the pod worker's sync, or one container kill during a pod kill. */
export type Task<R = void> = Generator<Wait, R, void>;

/** Times are kept to the millisecond so sums of fractions never drift. */
export function at(t: number): number {
  return Math.round(t * 1000) / 1000;
}

/** Whole seconds elapsed, as the kubelet's int64(duration.Seconds()) truncates them. */
export function wholeSeconds(from: number, to: number): number {
  return Math.floor(to - from + 1e-9);
}

export function podRef(sim: Sim): string {
  return `${sim.model.name}_${sim.model.namespace}`;
}

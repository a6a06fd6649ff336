/**
 * The lifecycle engine's entry point: a discrete-event simulation of one kubelet running one pod.
 * Pure and deterministic: the same PodModel always gives the same Trace; no clock, no randomness.
 *
 * Like the kubelet it is level-triggered: whenever something changes (a process exits, a probe
 * result flips, a backoff expires, the user acts) the pod worker runs a sync that recomputes what
 * should run now. A sync blocks while it pulls images, runs postStart hooks or kills containers,
 * exactly as the kubelet's pod worker does, so containers start one after another.
 */
import { EventQueue } from './event-queue';
import { Recorder } from './recorder';
import { backoffKey, crashLoopBackoff, crashLoopLadder, imagePullBackoff } from './rules/restart-backoff';
import { computePodActions } from './rules/pod-actions';
import { killContainer, killPod, podStop } from './rules/kill-container';
import { isHeldBack, startContainer } from './rules/start-container';
import { updateImage } from './rules/image-update';
import { failProbes, startProbeWorkers, wakeProbes } from './rules/probes';
import { exitProcess } from './rules/process';
import { nodeGoesDown, recreateSandbox } from './rules/node-reboot';
import { watchSilentNode } from './rules/node-controller';
import { patchCondition } from './rules/status-patch';
import { evict, evictThroughApi } from './rules/eviction';
import { shutdownNode } from './rules/node-shutdown';
import { createObject } from './rules/container-config';
import { startMounts } from './rules/volume-mount';
import { DEADLINE_MESSAGE, recordStatus } from './status/record-status';
import { changed, everyContainer, isRunning, type ContainerRuntime, type Sim, type Task, type Wait } from './runtime';
import type { ContainerModel, PodAction, PodModel, SimulateOptions } from './types';
import type { DeletionRequester, ProbeRun, Trace } from './trace';

/** How far a run goes when the pod never finishes and no `until` is given. */
export const DEFAULT_HORIZON = 600;
/** A guard against a scenario that would loop forever at one instant. */
const MAX_STEPS_PER_INSTANT = 100_000;

interface TaskState {
  gen: Task<unknown>;
  wait: Wait;
  done: boolean;
}

class Simulation {
  readonly sim: Sim;
  private tasks: TaskState[] = [];
  private worker?: TaskState;
  private pendingDeletes: number;

  constructor(model: PodModel) {
    const toRuntime = (spec: ContainerModel): ContainerRuntime => ({
      spec,
      backoffKey: backoffKey(spec),
      probes: {},
      pullAttempts: 0,
      presentImages: new Set(spec.behavior.pull === 0 && spec.behavior.pullFailures === 0 ? [spec.image] : []),
      failProbesFrom: {},
      killing: false,
      touched: false,
    });
    const init = model.initContainers.map(toRuntime);
    const regular = model.containers.map(toRuntime);
    const ephemeral = (model.ephemeralContainers ?? []).map(toRuntime);
    this.sim = {
      model,
      queue: new EventQueue(),
      rec: new Recorder(),
      now: 0,
      init,
      regular,
      ephemeral,
      byName: new Map([...init, ...regular, ...ephemeral].map((c) => [c.spec.name, c])),
      sidecarFlags: init.map((c) => c.spec.role === 'sidecar'),
      crashBackoff: crashLoopBackoff(model.kubelet),
      imageBackoff: imagePullBackoff(),
      instanceSeq: 0,
      dirty: true,
      version: 1,
      recordedVersion: 0,
      phaseVersion: 0,
      touched: [],
      allTouched: true,
      terminated: false,
      generatedPhase: { phase: 'Pending' },
      sandboxReady: true,
      sandboxAttempt: 0,
      nodeDown: false,
      missing: new Set(model.missingObjects),
      volumesReady: true,
      sandboxLost: false,
      deadlineExceeded: false,
    };
    this.pendingDeletes = model.actions.filter((a) => a.do === 'delete' || a.do === 'drain').length;
  }

  run(until: number): Trace {
    const { sim } = this;
    sim.rec.emit({ t: 0, type: 'PodPhase', phase: 'Pending' });
    sim.rec.setPhase(0, { phase: 'Pending' });
    sim.rec.emit({
      t: 0,
      type: 'Scheduled',
      event: {
        type: 'Normal',
        reason: 'Scheduled',
        message: `Successfully assigned ${sim.model.namespace}/${sim.model.name} to podlab-node`,
        from: 'default-scheduler',
      },
    });
    for (const action of sim.model.actions) sim.queue.push(action.at, () => this.act(action));
    const deadline = sim.model.activeDeadlineSeconds;
    if (deadline !== undefined) sim.queue.push(deadline, () => this.exceedDeadline());
    for (const c of [...sim.init, ...sim.regular]) startProbeWorkers(sim, c);
    startMounts(sim);

    for (;;) {
      if (!this.settle()) break;
      recordStatus(sim);
      if (this.finished()) break;
      const next = sim.queue.peek();
      if (!next || next.t > until) break;
      sim.now = next.t;
      while (sim.queue.peek()?.t === sim.now) sim.queue.pop()!.fire();
    }
    const done = this.finished();
    return {
      events: sim.rec.events,
      end: done ? sim.now : until,
      finished: done,
      pod: {
        name: sim.model.name,
        namespace: sim.model.namespace,
        initContainers: sim.model.initContainers.map((c) => ({ name: c.name, sidecar: c.role === 'sidecar' })),
        containers: sim.model.containers.map((c) => c.name),
        ephemeralContainers: sim.ephemeral.map((c) => c.spec.name),
        qosClass: sim.model.qosClass ?? 'BestEffort',
        crashLoopBackOffMax: crashLoopLadder(sim.model.kubelet).max,
      },
      phase: sim.rec.phase,
      conditions: sim.rec.conditions,
      deletion: sim.deletion,
      deletedAt: sim.deletedAt,
      containerStatuses: sim.rec.containerStatuses,
    };
  }

  private finished(): boolean {
    return this.sim.terminated && (this.pendingDeletes === 0 || this.sim.deletedAt !== undefined);
  }

  /** Runs every task that can go on at this instant, and a sync whenever one is wanted. */
  private settle(): boolean {
    const { sim } = this;
    for (let steps = 0; steps < MAX_STEPS_PER_INSTANT; steps++) {
      const task = this.tasks.find((t) => t.wait.until <= sim.now || t.wait.when?.());
      if (task) {
        this.step(task);
        continue;
      }
      if (!this.worker && sim.dirty && !sim.terminated && !sim.nodeDown) {
        sim.dirty = false;
        const worker = this.spawn(this.sync());
        if (!worker.done) this.worker = worker;
        continue;
      }
      return true;
    }
    return false;
  }

  private spawn(gen: Task<unknown>): TaskState {
    const task: TaskState = { gen, wait: { until: this.sim.now }, done: false };
    this.tasks.push(task);
    this.step(task);
    return task;
  }

  private step(task: TaskState): void {
    const r = task.gen.next();
    if (r.done) {
      task.done = true;
      this.tasks.splice(this.tasks.indexOf(task), 1);
      if (task === this.worker) this.worker = undefined;
      return;
    }
    task.wait = r.value;
    if (r.value.until > this.sim.now && Number.isFinite(r.value.until)) {
      this.sim.queue.push(r.value.until, () => {});
    }
  }

  /** One pass of the pod worker. kubelet: kuberuntime_manager.go SyncPod, pod_workers.go. */
  private *sync(): Task {
    const { sim } = this;
    // Each sync begins by publishing the status it sees.
    recordStatus(sim, true);
    const stop = podStop(sim);
    if (stop) {
      // active_deadline.go ShouldEvict records it as it fails the pod.
      if (stop.reason === 'DeadlineExceeded') sim.rec.emitK8s({ t: sim.now, type: 'DeadlineExceeded' }, 'Normal', stop.reason, DEADLINE_MESSAGE);
      yield* killPod(sim, stop.reason, stop.grace, (t) => this.spawn(t));
      this.terminate();
      return;
    }
    if (sim.killPodReason) return;
    // kubelet.go SyncPod: a pod whose generated phase is terminal is not set up further; the
    // pod worker moves on to terminating it (no sidecar is restarted).
    const { phase } = sim.generatedPhase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      const initFailed = sim.init.some((c) => c.spec.role === 'init' && c.current?.exited && c.current.exitCode !== 0);
      const reason = phase === 'Failed' && initFailed ? 'InitContainerFailed' : 'PodCompleted';
      yield* killPod(sim, reason, sim.model.terminationGracePeriodSeconds, (t) => this.spawn(t));
      this.terminate();
      return;
    }
    // No sandbox, nor anything in it, before the pod's volumes are mounted (see volume-mount.ts).
    if (!sim.volumesReady) return;
    // The sandbox died with the node: a new one, and initialization from the start (or, under Never, nothing).
    if (sim.sandboxLost && !recreateSandbox(sim)) return;
    const actions = computePodActions(sim);
    if (actions.killPod) {
      yield* killPod(sim, actions.killPod, sim.model.terminationGracePeriodSeconds, (t) => this.spawn(t));
      this.terminate();
      return;
    }
    for (const { c, reason, message } of actions.toKill) {
      // kuberuntime_container.go setTerminationGracePeriod: a probe's own grace applies to its kills only.
      const timing =
        reason === 'LivenessProbeFailed' ? c.spec.livenessProbe : reason === 'StartupProbeFailed' ? c.spec.startupProbe : undefined;
      const grace = timing?.terminationGracePeriodSeconds ?? sim.model.terminationGracePeriodSeconds;
      yield* killContainer(sim, c, { reason, message, grace });
    }
    // SyncPod starts them before the init containers, so that one can debug a pod stuck in those.
    for (const c of actions.ephemeralToStart) yield* startContainer(sim, c);
    for (const c of actions.initToStart) {
      const started = !isHeldBack(sim, c) && (yield* startContainer(sim, c));
      // A regular init container that did not start ends the sync; a sidecar does not.
      if (!started && c.spec.role === 'init') return;
    }
    for (const c of actions.toStart) if (!isHeldBack(sim, c)) yield* startContainer(sim, c);
  }

  /** The pod worker is done: every container has stopped. */
  private terminate(): void {
    const { sim } = this;
    sim.terminated = true;
    changed(sim);
    // The status manager writes the final status before the object is deleted.
    recordStatus(sim, true);
    if (sim.deletion && sim.deletedAt === undefined) this.removeFromApi();
  }

  private removeFromApi(): void {
    const { sim } = this;
    sim.deletedAt = sim.now;
    sim.rec.emit({ t: sim.now, type: 'PodDeleted' });
  }

  /** Stops the sync in flight: the kubelet cancels it when the pod starts terminating. */
  private cancelSync(): void {
    const worker = this.worker;
    if (!worker) return;
    worker.gen.return(undefined);
    this.tasks.splice(this.tasks.indexOf(worker), 1);
    this.worker = undefined;
    for (const c of everyContainer(this.sim)) {
      if (c.current && !c.current.published) {
        c.current.published = true;
        wakeProbes(this.sim, c);
      }
      changed(this.sim);
      c.killing = false;
    }
  }

  /** The pod starts terminating, for a reason the next sync reads: the sync in flight gives way to it. */
  private readonly stop = (): void => {
    this.cancelSync();
    changed(this.sim);
  };

  /** The kubelet dies with the node: every goroutine it ran (sync, kills, pulls, hooks) stops where it was. */
  private abandonTasks(): void {
    for (const task of this.tasks) task.gen.return(undefined);
    this.tasks = [];
    this.worker = undefined;
  }

  private act(action: PodAction): void {
    const { sim } = this;
    if (action.do === 'reboot-node') {
      // A node already down cannot go down again; a pod gone from the API is nothing to it.
      if (sim.nodeDown || sim.deletedAt !== undefined) return;
      this.abandonTasks();
      nodeGoesDown(sim, action.down);
      watchSilentNode(sim, () => this.requestDeletion(undefined, 'taint-eviction-controller'));
      return;
    }
    if (action.do === 'delete') {
      this.pendingDeletes--;
      this.requestDeletion(action.gracePeriodSeconds);
      return;
    }
    if (action.do === 'set-condition') {
      patchCondition(sim, action.condition, action.status);
      return;
    }
    if (action.do === 'set-deadline') {
      this.updateDeadline(action.activeDeadlineSeconds);
      return;
    }
    if (action.do === 'create') {
      createObject(sim, action.object);
      return;
    }
    if (action.do === 'evict') {
      evict(sim, action, this.stop);
      return;
    }
    if (action.do === 'drain') {
      this.pendingDeletes--;
      evictThroughApi(sim, () => this.requestDeletion(action.gracePeriodSeconds, 'eviction-api'));
      return;
    }
    if (action.do === 'shutdown-node') {
      shutdownNode(sim, this.stop, action.othersStopIn);
      return;
    }
    const c = sim.byName.get(action.container);
    if (!c) return;
    if (action.do === 'debug') {
      // The API server takes the update while the pod exists; the kubelet starts it at its next sync.
      if (sim.deletedAt === undefined && c.addedAt === undefined) {
        c.addedAt = sim.now;
        changed(sim, c);
      }
      return;
    }
    if (action.do === 'fail-probes') {
      failProbes(c, action.probe, sim.now);
      return;
    }
    if (action.do === 'set-image') {
      // A pod that is gone from the API can no longer be updated.
      if (sim.deletedAt === undefined) updateImage(sim, c, action.image);
      return;
    }
    if (isRunning(c)) exitProcess(sim, c, c.current!, action.exitCode, action.oom);
  }

  /**
   * A DELETE reaches the API server (from the user, or `by` a controller, with default options).
   * A second one changes nothing here.
   */
  private requestDeletion(gracePeriodSeconds: number | undefined, by?: DeletionRequester): void {
    const { sim } = this;
    if (sim.deletion || sim.deletedAt !== undefined) return;
    // The API server removes a pod that has already finished, or one deleted with grace 0
    // (--force), at once; the kubelet still stops the containers, with at least 2 s each.
    const gracePeriod = sim.terminated ? 0 : (gracePeriodSeconds ?? sim.model.terminationGracePeriodSeconds);
    sim.deletion = { t: sim.now, gracePeriod };
    sim.rec.emit({ t: sim.now, type: 'DeletionRequested', gracePeriod, ...(by ? { by } : {}) });
    if (gracePeriod === 0) this.removeFromApi();
    if (sim.terminated) return;
    if (!sim.killPodReason) this.cancelSync();
    changed(sim);
  }

  /**
   * The deadline is lowered (or set) on the running pod. The kubelet's sync after the update asks
   * activeDeadlineHandler.ShouldEvict (pkg/kubelet/active_deadline.go): a pod active longer than
   * the new deadline, counted from its startTime, is stopped at once; else at the new deadline.
   */
  private updateDeadline(seconds: number): void {
    const { sim } = this;
    // A pod gone from the API can no longer be updated.
    if (sim.deletedAt !== undefined) return;
    sim.rec.emit({ t: sim.now, type: 'DeadlineUpdated', activeDeadlineSeconds: seconds });
    if (seconds <= sim.now) this.exceedDeadline();
    else sim.queue.push(seconds, () => this.exceedDeadline());
  }

  private exceedDeadline(): void {
    const { sim } = this;
    if (sim.terminated || sim.deletion || sim.killPodReason || sim.evicted !== undefined || sim.shutdown) return;
    sim.deadlineExceeded = true;
    this.stop();
  }
}

/**
 * Plays a pod's lifecycle on a simulated kubelet.
 * @param pod the normalised pod (see src/scenario/ for turning YAML into one)
 * @param options.until pod time to stop at; by default the run ends when the pod has finished, or at 600 s
 * @param options.probeRuns also list every probe run in the trace's `probeRuns`
 * @returns the trace: events in causal order and the history of every published status
 */
export function simulate(pod: PodModel, options: SimulateOptions = {}): Trace {
  const simulation = new Simulation(pod);
  if (!options.probeRuns) return simulation.run(options.until ?? DEFAULT_HORIZON);
  const probeRuns: ProbeRun[] = [];
  simulation.sim.rec.probeRuns = probeRuns;
  return { ...simulation.run(options.until ?? DEFAULT_HORIZON), probeRuns };
}

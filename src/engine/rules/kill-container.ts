/**
 * Stopping containers: preStop, the wait for the termination order, SIGTERM, and SIGKILL when
 * the grace period runs out.
 * kubelet: pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer, executePreStopHook,
 * killContainersWithSyncResult; kuberuntime_termination_order.go; pkg/kubelet/lifecycle/handlers.go.
 */
import { at, changed, everyContainer, isRunning, wholeSeconds, type ContainerRuntime, type Sim, type Task } from '../runtime';
import type { KillReason } from '../trace';
import { sendSigkill, sendSigterm } from './process';

/** kuberuntime_container.go minimumGracePeriodInSeconds: every stop gets at least this long between TERM and KILL. */
export const MINIMUM_GRACE_PERIOD = 2;

export interface KillOptions {
  reason: KillReason;
  /** The Killing event's message. */
  message: string;
  grace: number;
  /** During a pod kill with sidecars: may this container get its SIGTERM now? */
  mayStop?: () => boolean;
}

export function* killContainer(sim: Sim, c: ContainerRuntime, opts: KillOptions): Task {
  const inst = c.current;
  if (!inst || inst.exited) return;
  const { name } = c.spec;
  c.killing = true;
  sim.rec.emitK8s(
    { t: sim.now, type: 'Killing', container: name, reason: opts.reason, gracePeriod: opts.grace },
    'Normal',
    'Killing',
    opts.message,
  );
  let grace = opts.grace;

  if (c.spec.hooks.preStop && grace > 0) {
    const start = sim.now;
    const hookEnd = at(start + inst.behavior.preStop);
    sim.rec.emit({ t: sim.now, type: 'HookStarted', container: name, hook: 'preStop' });
    // The kubelet waits for the hook at most the grace period; a dead container ends it early.
    yield { until: Math.min(hookEnd, at(start + grace)), when: () => inst.exited };
    // A hook that returns an error is only reported (executePreStopHook): the kill goes on and the
    // exit code stays the process's own. A hook cut short by the grace period or by its
    // container's death has not returned, so it is no failure here.
    const failed = inst.behavior.preStopFails && sim.now >= hookEnd;
    const finished = { t: sim.now, type: 'HookFinished', container: name, hook: 'preStop', failed } as const;
    if (failed) sim.rec.emitK8s(finished, 'Warning', 'FailedPreStopHook', 'PreStopHook failed');
    else sim.rec.emit(finished);
    grace -= wholeSeconds(start, sim.now);
  }

  if (opts.mayStop && grace > 0 && !inst.exited) {
    const start = sim.now;
    const mayStop = opts.mayStop;
    yield { until: at(start + grace), when: () => inst.exited || mayStop() };
    grace -= wholeSeconds(start, sim.now);
  }

  grace = Math.max(grace, MINIMUM_GRACE_PERIOD);
  if (!inst.exited) {
    sendSigterm(sim, c, inst);
    yield { until: at(sim.now + grace), when: () => inst.exited };
    sendSigkill(sim, c, inst);
  }
  c.killing = false;
}

/**
 * Kills every running container at once. With sidecars, each sidecar's SIGTERM waits until every
 * regular container and every later sidecar has exited, so sidecars stop last, in reverse order.
 */
export function* killPod(sim: Sim, reason: KillReason, gracePeriod: number, spawn: (task: Task) => { done: boolean }): Task {
  sim.killPodReason = reason;
  // pod_workers.go calculateEffectiveGracePeriod: "no matter what, we always supply a grace
  // period of 1"; the 2 s minimum between TERM and KILL comes after preStop (killContainer).
  const grace = Math.max(gracePeriod, 1);
  const hasSidecars = sim.init.some((c) => c.spec.role === 'sidecar');
  const sidecars = sim.init.filter((c) => c.spec.role === 'sidecar');
  // Ephemeral containers are no sidecars: they stop with the app containers.
  const children = everyContainer(sim)
    .filter((c) => isRunning(c) && !c.killing)
    .map((c) => {
      const later = sidecars.slice(sidecars.indexOf(c) + 1);
      const mayStop =
        hasSidecars && c.spec.role === 'sidecar'
          ? () => !sim.regular.some(isRunning) && !later.some(isRunning)
          : undefined;
      return spawn(killContainer(sim, c, { reason, message: `Stopping container ${c.spec.name}`, grace, mayStop }));
    });
  yield {
    until: Infinity,
    when: () => children.every((t) => t.done) && !everyContainer(sim).some((c) => c.killing),
  };
  sim.sandboxReady = false;
  changed(sim);
}

/**
 * Why the pod is being stopped from outside its own sync, and with which grace period; none while
 * nothing stops it. The kubelet's own stops (eviction, node shutdown, deadline) exclude each other,
 * and none follows a deletion; a deletion may follow any of them, and the kill stays that one's. A
 * hard eviction threshold overrides the grace period with 0 (eviction_manager.go), the shutdown
 * manager with its window (see shutdownNode). A deletion's grace replaces the spec's, but once the
 * kubelet kills on its own, pod_workers.go calculateEffectiveGracePeriod only lets a later request
 * shorten it.
 */
export function podStop(sim: Sim): { reason: KillReason; grace: number } | undefined {
  const own =
    sim.evicted !== undefined
      ? { reason: 'Evicted' as const, grace: 0 }
      : sim.shutdown
        ? { reason: 'NodeShutdown' as const, grace: sim.shutdown.grace }
        : sim.deadlineExceeded
          ? { reason: 'DeadlineExceeded' as const, grace: sim.model.terminationGracePeriodSeconds }
          : undefined;
  if (!own) return sim.deletion ? { reason: 'PodDeleted', grace: sim.deletion.gracePeriod } : undefined;
  return { reason: own.reason, grace: Math.min(own.grace, sim.deletion?.gracePeriod ?? Infinity) };
}

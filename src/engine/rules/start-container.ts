/**
 * Starting one container: crash-loop backoff, image, config, create, start (which may fail: see
 * start-error.ts), postStart — strictly in that order and blocking the pod worker throughout, so
 * the next container waits.
 * kubelet: pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff, kuberuntime_container.go startContainer.
 */
import { at, behaviorFor, changed, podRef, type ContainerRuntime, type Instance, type Sim, type Task } from '../runtime';
import { failsConfig } from './container-config';
import { ensureImage } from './image-pull';
import { isPurged } from './node-reboot';
import { killContainer } from './kill-container';
import { triggerReadiness, wakeProbes } from './probes';
import { cacheReason, resyncAt, scheduleOwnExit, STATUS_UPDATE_DELAY } from './process';
import { failStart } from './start-error';

/**
 * Whether the container sits in a crash-loop backoff this sync already knows about (reported,
 * wake-up scheduled): the sync can pass it by without redoing the checks.
 */
export function isHeldBack(sim: Sim, c: ContainerRuntime): boolean {
  const last = c.current;
  return last !== undefined && last.exited && c.backoffReportedFor === last.id && c.wakeAt !== undefined && sim.now < c.wakeAt;
}

/** Returns whether the container is now running (start errors and backoff return false). */
export function* startContainer(sim: Sim, c: ContainerRuntime): Task<boolean> {
  // The spec this start began with: an image update while it pulls waits for the next sync.
  const spec = c.spec;
  const { name } = spec;
  const last = c.current;
  // A start that just failed is news to the pod worker only once the PLEG relists (start-error.ts).
  if (last?.exitReason === 'StartError' && sim.now < at(last.finishedAt + STATUS_UPDATE_DELAY)) return false;
  if (last?.exited) {
    const key = c.backoffKey;
    const heldUntil = sim.crashBackoff.backoffUntilSince(key, last.finishedAt, sim.now);
    if (heldUntil !== null) {
      const delay = sim.crashBackoff.delay(key);
      cacheReason(sim, c, 'CrashLoopBackOff', `back-off ${delay}s restarting failed container=${name} pod=${podRef(sim)}`);
      if (c.backoffReportedFor !== last.id) {
        c.backoffReportedFor = last.id;
        sim.rec.emitK8s(
          { t: sim.now, type: 'BackOff', container: name, delay },
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${name} in pod ${podRef(sim)}`,
        );
      }
      resyncAt(sim, c, heldUntil);
      return false;
    }
    sim.crashBackoff.next(key, last.finishedAt, sim.now);
  }

  if (!(yield* ensureImage(sim, c))) return false;
  if (failsConfig(sim, c)) return false;

  const restartCount = last ? last.restartCount + 1 : 0;
  const inst: Instance = {
    id: ++sim.instanceSeq,
    restartCount,
    image: spec.image,
    startedAt: sim.now,
    behavior: behaviorFor(spec, restartCount),
    published: !spec.hooks.postStart,
    exited: false,
    exitCode: 0,
    exitReason: 'Completed',
    finishedAt: 0,
    sandbox: sim.sandboxAttempt,
  };
  // The records of init containers from an older sandbox were purged: no last state for them.
  c.previous = isPurged(sim, c) ? undefined : c.current;
  c.current = inst;
  sim.rec.emitK8s({ t: sim.now, type: 'Created', container: name }, 'Normal', 'Created', `Created container: ${name}`);
  // A failed start replaces the start error the kubelet has cached; only a start that works clears it.
  if (inst.behavior.startError !== '') {
    failStart(sim, c, inst);
    return false;
  }
  c.reason = undefined;
  sim.rec.emitK8s({ t: sim.now, type: 'Started', container: name, restartCount }, 'Normal', 'Started', `Started container ${name}`);
  scheduleOwnExit(sim, c, inst);
  // PLEG reports the new container: another sync follows (it may start the next container).
  changed(sim, c);

  if (c.spec.hooks.postStart) {
    const { postStart, postStartFails } = inst.behavior;
    sim.rec.emit({ t: sim.now, type: 'HookStarted', container: name, hook: 'postStart' });
    yield { until: at(sim.now + postStart) };
    inst.published = true;
    changed(sim, c);
    if (postStartFails) {
      sim.rec.emitK8s(
        { t: sim.now, type: 'HookFinished', container: name, hook: 'postStart', failed: true },
        'Warning',
        'FailedPostStartHook',
        'PostStartHook failed',
      );
      yield* killContainer(sim, c, {
        reason: 'FailedPostStartHook',
        message: 'FailedPostStartHook',
        grace: sim.model.terminationGracePeriodSeconds,
      });
      cacheReason(sim, c, 'PostStartHookError', 'PostStartHook failed');
      return false;
    }
    sim.rec.emit({ t: sim.now, type: 'HookFinished', container: name, hook: 'postStart', failed: false });
  }
  wakeProbes(sim, c);
  triggerReadiness(sim, c);
  return !inst.exited;
}

/**
 * Mounting the pod's volumes, which comes before its sandbox: a ConfigMap or Secret volume whose
 * object does not exist fails MountVolume.SetUp, and nothing of the pod runs until it is there.
 * - The volume manager's reconciler tries the mount again with an exponential back-off (0.5 s,
 *   doubling to 2m2s), recording FailedMount at every failure.
 * - Each sync waits for the mounts up to 2m3s, then gives up without an event (the wait was
 *   interrupted) and the pod worker syncs again 10 s later.
 * So the first try after the object exists mounts it, and the sandbox and the containers follow at
 * once if a sync is waiting, else at the next sync.
 * kubelet: kubelet.go SyncPod, volumemanager/volume_manager.go WaitForAttachAndMount (podAttachAndMountTimeout),
 * reconciler, nestedpendingoperations.go, the configmap and secret volume plugins.
 */
import { at, changed, isStopping, type Sim } from '../runtime';
import { SYNC_ERROR_BACKOFF } from './container-config';

const FIRST_RETRY = 0.5;
const MAX_RETRY = 122;
/** podAttachAndMountTimeout: how long one sync waits for the mounts. */
const SYNC_WAIT = 123;

/** At the pod's start: holds its sandbox back while a volume's object is missing, and starts the reconciler's tries. */
export function startMounts(sim: Sim): void {
  const volumes = sim.model.volumeObjects ?? [];
  if (!volumes.some(({ object }) => sim.missing.has(object))) return;
  sim.volumesReady = false;
  sim.sandboxReady = false;
  tryMounts(sim, 0, FIRST_RETRY);
}

function tryMounts(sim: Sim, t: number, nextDelay: number): void {
  sim.queue.push(t, () => {
    // A pod on its way out gets no more mounts (the volume manager's populator leaves it out).
    if (isStopping(sim)) return;
    const failing = (sim.model.volumeObjects ?? []).filter(({ object }) => sim.missing.has(object));
    for (const { volume, object } of failing) {
      const slash = object.indexOf('/');
      sim.rec.emitK8s(
        { t: sim.now, type: 'MountFailed', volume, object },
        'Warning',
        'FailedMount',
        `MountVolume.SetUp failed for volume "${volume}" : ${object.slice(0, slash)} "${object.slice(slash + 1)}" not found`,
      );
    }
    if (failing.length > 0) tryMounts(sim, at(sim.now + nextDelay), Math.min(nextDelay * 2, MAX_RETRY));
    else sim.queue.push(nextSyncFrom(sim.now), () => mounted(sim));
  });
}

/** A sync that waits for the mounts takes them at once; between two such waits, the next sync does. */
function nextSyncFrom(t: number): number {
  const cycle = SYNC_WAIT + SYNC_ERROR_BACKOFF;
  const intoCycle = t % cycle;
  return intoCycle < SYNC_WAIT ? t : at(t - intoCycle + cycle);
}

function mounted(sim: Sim): void {
  if (sim.volumesReady || isStopping(sim)) return;
  sim.volumesReady = true;
  sim.sandboxReady = true;
  changed(sim);
}

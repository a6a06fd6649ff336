/**
 * Mounting the pod's volumes, which comes before its sandbox: a ConfigMap or Secret volume whose
 * object does not exist, or lacks a key its `items` name, fails MountVolume.SetUp, and nothing of
 * the pod runs until it is there.
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
import type { VolumeObject } from '../types';
import { notFound } from './container-config';
import { SYNC_ERROR_BACKOFF } from './process';

const FIRST_RETRY = 0.5;
const MAX_RETRY = 122;
/** podAttachAndMountTimeout: how long one sync waits for the mounts. */
const SYNC_WAIT = 123;

/** At the pod's start: holds its sandbox back while a volume cannot be set up, and starts the reconciler's tries. */
export function startMounts(sim: Sim): void {
  const volumes = sim.model.volumeObjects ?? [];
  if (!volumes.some((volume) => setUpError(sim, volume) !== null)) return;
  sim.volumesReady = false;
  sim.sandboxReady = false;
  tryMounts(sim, 0, FIRST_RETRY);
}

function tryMounts(sim: Sim, t: number, nextDelay: number): void {
  sim.queue.push(t, () => {
    // A pod on its way out gets no more mounts (the volume manager's populator leaves it out).
    if (isStopping(sim)) return;
    const failing = (sim.model.volumeObjects ?? []).flatMap((volume) => {
      const error = setUpError(sim, volume);
      return error ? [{ volume: volume.volume, ...error }] : [];
    });
    for (const { volume, what, message } of failing) {
      sim.rec.emitK8s({ t: sim.now, type: 'MountFailed', volume, object: what }, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${volume}" : ${message}`);
    }
    if (failing.length > 0) tryMounts(sim, at(sim.now + nextDelay), Math.min(nextDelay * 2, MAX_RETRY));
    else sim.queue.push(nextSyncFrom(sim.now), () => mounted(sim));
  });
}

/**
 * Why the volume plugin's SetUp fails, if it does: the object is not found, or an `items` key is
 * not in it (configmap.go and secret.go MakePayload).
 */
function setUpError(sim: Sim, { object, keys = [] }: VolumeObject): { what: string; message: string } | null {
  if (sim.missing.has(object)) return { what: object, message: notFound(object) };
  const key = keys.find((k) => sim.missing.has(`${object}/${k}`));
  if (key === undefined) return null;
  return { what: `${object}/${key}`, message: object.startsWith('secret/') ? `references non-existent secret key: ${key}` : `configmap references non-existent config key: ${key}` };
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

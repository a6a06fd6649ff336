/**
 * Evictions: the kubelet's own, under node pressure or past a local-storage limit, and the API's,
 * which `kubectl drain` asks for.
 */
import { isStopping, type Sim } from '../runtime';
import type { PodAction } from '../types';
import { setDisruptionTarget } from './status-patch';

/**
 * The eviction manager, past a hard threshold of node pressure, evicts the pod
 * (pkg/kubelet/eviction/eviction_manager.go evictPod): a Warning Evicted event, then the pod is
 * killed with its grace period overridden to 0 (the pod worker gives 1 s), and its status set to
 * Failed, reason Evicted, with DisruptionTarget True (TerminationByKubelet) for node pressure,
 * both published once every container has stopped (see record-status.ts). localStorageEviction
 * evicts the same way, with no condition, for an emptyDir volume written past its sizeLimit
 * (emptyDirLimitEviction) or a container past its ephemeral-storage limit
 * (containerEphemeralStorageLimitEviction). The pod stays in the API, terminal: no container is
 * started again.
 * @param stop makes the pod worker give way to the kill
 */
export function evict(sim: Sim, { resource, container, volume }: Extract<PodAction, { do: 'evict' }>, stop: () => void): void {
  // The eviction manager evicts only the node's active pods, and only while the kubelet runs.
  if (sim.nodeDown || isStopping(sim)) return;
  // eviction/helpers.go nodeLowMessageFmt (the real one goes on with the threshold and usage),
  // emptyDirMessageFmt and containerEphemeralStorageMessageFmt.
  const message =
    volume !== undefined
      ? `Usage of EmptyDir volume "${volume}" exceeds the limit "${sim.model.emptyDirSizeLimits?.[volume] ?? ''}". `
      : container !== undefined
        ? `Container ${container} exceeded its local ephemeral storage limit "${sim.byName.get(container)?.spec.ephemeralStorageLimit ?? ''}". `
        : `The node was low on resource: ${resource}. `;
  const over = volume !== undefined ? { volumeOverLimit: volume } : container !== undefined ? { containerOverLimit: container } : {};
  sim.rec.emitK8s({ t: sim.now, type: 'Evicted', resource, ...over }, 'Warning', 'Evicted', message);
  if (container === undefined && volume === undefined) sim.disruption = { reason: 'TerminationByKubelet', message };
  sim.evicted = message;
  stop();
}

/**
 * An API-initiated eviction (the pods/eviction subresource, which `kubectl drain` calls for each
 * pod). pkg/registry/core/pod/storage/eviction.go addConditionAndDeletePod updates the pod's
 * status with DisruptionTarget True (EvictionByEvictionAPI), then deletes it with the eviction's
 * delete options, whatever its phase. Podlab plays no PodDisruptionBudget: with one, an eviction
 * that would leave too few healthy pods is refused (429), and kubectl drain retries until the
 * budget allows it. A pod gone from the API cannot be evicted (404).
 * @param deletePod sends the DELETE with the eviction's options
 */
export function evictThroughApi(sim: Sim, deletePod: () => void): void {
  if (sim.deletedAt !== undefined) return;
  setDisruptionTarget(sim, 'EvictionByEvictionAPI', 'Eviction API: evicting');
  deletePod();
}

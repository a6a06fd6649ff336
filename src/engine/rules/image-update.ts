/**
 * An in-place update of one container's image (`kubectl set image`). The API server lets a pod's
 * container images change (pkg/apis/core/validation/validation.go ValidatePodUpdate); the kubelet
 * sees the new spec and compares HashContainer, which hashes only the name and the image
 * (pkg/kubelet/container/helpers.go pickFieldsToHash), with the hash of the running container
 * (kuberuntime_manager.go containerChanged). What a changed hash does is decided by
 * computePodActions (pod-actions.ts) and computeInitContainerActions (init-sequence.ts).
 */
import { changed, type ContainerRuntime, type Sim } from '../runtime';
import { backoffKey } from './restart-backoff';

/**
 * From now on the spec names `image`. The behaviour's pull failures describe the image the pod was
 * created with: the new image pulls in the behaviour's `pull` seconds and never fails.
 */
export function updateImage(sim: Sim, c: ContainerRuntime, image: string): void {
  if (image === c.spec.image) return;
  c.spec = { ...c.spec, image, behavior: { ...c.spec.behavior, pullFailures: 0 } };
  c.backoffKey = backoffKey(c.spec);
  c.pullAttempts = 0;
  c.pullBackoffReportedFor = undefined;
  // The back-off the container waits out belongs to the old image's key.
  c.wakeAt = undefined;
  sim.rec.emit({ t: sim.now, type: 'ImageUpdated', container: c.spec.name, image });
  // An API update wakes the pod worker, like any change to the pod.
  changed(sim, c);
}

/** kuberuntime_manager.go containerChanged: the running container was made from another image. */
export function definitionChanged(c: ContainerRuntime): boolean {
  return c.current !== undefined && c.current.image !== c.spec.image;
}

/**
 * The container's config, made just before it is created: its environment reads the ConfigMaps
 * and Secrets it names (envFrom, then env), and one that does not exist and is not optional fails
 * the start with CreateContainerConfigError. The pod worker requeues the failed sync after its
 * backOffPeriod, 10 s (its jitter of up to half again is not played), each failed sync moving the
 * retry to its own time (the work queue keeps one per pod); every sync until the object exists
 * fails the same way, and creating it starts nothing by itself.
 * kubelet: kuberuntime_container.go startContainer (generateContainerConfig), kubelet_pods.go
 * makeEnvironmentVariables, pod_workers.go completeWork.
 */
import { at, changed, type ContainerRuntime, type Sim } from '../runtime';
import { cacheReason } from './process';

/** pod_workers.go: how long the pod worker waits before it syncs a pod whose last sync failed. */
export const SYNC_ERROR_BACKOFF = 10;

/** Fails the start (and says so) when the container reads a ConfigMap or Secret that does not exist. */
export function failsConfig(sim: Sim, c: ContainerRuntime): boolean {
  const ref = c.spec.configRefs?.find(({ object, optional }) => !optional && sim.missing.has(object));
  if (!ref) return false;
  const slash = ref.object.indexOf('/');
  const message = `${ref.object.slice(0, slash)} "${ref.object.slice(slash + 1)}" not found`;
  const { name } = c.spec;
  sim.rec.emitK8s({ t: sim.now, type: 'ConfigMissing', container: name, object: ref.object }, 'Warning', 'Failed', `Error: ${message}`);
  cacheReason(sim, c, 'CreateContainerConfigError', message);
  retrySync(sim, at(sim.now + SYNC_ERROR_BACKOFF));
  return true;
}

/** pod_workers.go completeWork: workQueue.Enqueue(uid, backOffPeriod), which replaces the time queued before. */
function retrySync(sim: Sim, t: number): void {
  sim.syncRetryAt = t;
  sim.queue.push(t, () => {
    if (sim.syncRetryAt === t) changed(sim);
  });
}

/** A missing ConfigMap or Secret is created (`kubectl create`): the next start finds it. */
export function createObject(sim: Sim, object: string): void {
  if (sim.missing.delete(object)) sim.rec.emit({ t: sim.now, type: 'ObjectCreated', object });
}

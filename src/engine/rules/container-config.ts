/**
 * The container's config, made just before it is created: its environment reads the ConfigMaps
 * and Secrets it names (envFrom, then env), and one that does not exist, or lacks a key an env
 * variable reads, fails the start with CreateContainerConfigError unless the reference is
 * optional. The pod worker requeues the failed sync after its backOffPeriod, 10 s (its jitter of
 * up to half again is not played), each failed sync moving the retry to its own time (the work
 * queue keeps one per pod); every sync until the object exists fails the same way, and creating
 * it starts nothing by itself.
 * kubelet: kuberuntime_container.go startContainer (generateContainerConfig), kubelet_pods.go
 * makeEnvironmentVariables, pod_workers.go completeWork.
 */
import type { ContainerRuntime, Sim } from '../runtime';
import { cacheReason, retryFailedSync } from './process';

/** Fails the start (and says so) when the container reads a ConfigMap or Secret, or a key of one, that does not exist. */
export function failsConfig(sim: Sim, c: ContainerRuntime): boolean {
  const missing = c.spec.configRefs?.flatMap(({ object, key, optional }) => (optional ? [] : missingOf(sim, object, key)))[0];
  if (!missing) return false;
  const { name } = c.spec;
  sim.rec.emitK8s({ t: sim.now, type: 'ConfigMissing', container: name, object: missing.what }, 'Warning', 'Failed', `Error: ${missing.message}`);
  cacheReason(sim, c, 'CreateContainerConfigError', missing.message);
  retryFailedSync(sim);
  return true;
}

/**
 * What is missing of an object an env variable reads, in kubelet_pods.go makeEnvironmentVariables'
 * words: the object, or the key (`configmap/NAME/KEY` missing).
 */
function missingOf(sim: Sim, object: string, key: string | undefined): { what: string; message: string }[] {
  const [kind, name] = object.split('/') as [string, string];
  if (sim.missing.has(object)) return [{ what: object, message: notFound(object) }];
  if (key === undefined || !sim.missing.has(`${object}/${key}`)) return [];
  const namespace = sim.model.namespace;
  return [{ what: `${object}/${key}`, message: `couldn't find key ${key} in ${kind === 'secret' ? 'Secret' : 'ConfigMap'} ${namespace}/${name}` }];
}

/** The API's error for an object that does not exist, as the kubelet's config and volume plugins pass it on: `configmap "NAME" not found`. */
export function notFound(object: string): string {
  const [kind, name] = object.split('/') as [string, string];
  return `${kind} "${name}" not found`;
}

/** A missing ConfigMap or Secret is created (`kubectl create`), or a missing key added to it: the next start finds it. */
export function createObject(sim: Sim, object: string): void {
  if (sim.missing.delete(object)) sim.rec.emit({ t: sim.now, type: 'ObjectCreated', object });
}

/**
 * What the runnable export does with the ConfigMaps and Secrets a pod refers to: a test cluster
 * is unlikely to have them, so env references get placeholders and volumes become emptyDirs,
 * except for what the scenario has missing (podlab.dev/missing): that stays, so the pod fails on
 * the cluster as in Podlab until the create action's command (createLine).
 */
import type { PodModel } from '../engine/types';
import { configRefsOf } from './to-model';
import { recordsIn } from './value-checks';

type Json = Record<string, unknown>;

/** Volume sources that need nothing from the cluster. */
const SELF_CONTAINED_VOLUMES = ['emptyDir', 'downwardAPI'];

/** Env that reads a ConfigMap or Secret gets a placeholder, but for a missing object or key. */
export function rewriteEnv(container: Json, name: string, missing: ReadonlySet<string>, notes: string[]): void {
  const kept = new Set<string>();
  if (Array.isArray(container.env)) {
    for (const variable of container.env as Json[]) {
      const from = variable.valueFrom as Json | undefined;
      if (!from || !(from.configMapKeyRef || from.secretKeyRef)) continue;
      const ref = configRefsOf({ env: [variable] })[0];
      const entry = !ref ? undefined : missing.has(ref.object) ? ref.object : ref.key !== undefined && missing.has(`${ref.object}/${ref.key}`) ? `${ref.object}/${ref.key}` : undefined;
      if (entry !== undefined) {
        kept.add(entry);
        continue;
      }
      delete variable.valueFrom;
      variable.value = 'podlab-placeholder';
      notes.push(`${name}: env ${String(variable.name)} read a ConfigMap or Secret; it is set to a placeholder.`);
    }
  }
  if (container.envFrom !== undefined) {
    const all = recordsIn(container.envFrom);
    const objectOf = (from: Json) => configRefsOf({ envFrom: [from] })[0]?.object;
    const missingOnes = all.filter((from) => missing.has(objectOf(from) ?? ''));
    for (const from of missingOnes) kept.add(objectOf(from)!);
    if (missingOnes.length > 0) container.envFrom = missingOnes;
    else delete container.envFrom;
    if (missingOnes.length < all.length) notes.push(`${name}: removed envFrom${missingOnes.length > 0 ? ' entries' : ''} (it needs a ConfigMap or Secret).`);
  }
  for (const entry of kept) notes.push(`${name}: still reads ${entry}, ${missingWords(entry)}: it waits in CreateContainerConfigError until it exists.`);
}

/** What a missing entry asks of the cluster the export runs on: an object it lacks, or an object without one key. */
function missingWords(entry: string): string {
  const [kind, name, key] = entry.split('/') as [string, string, string?];
  if (key === undefined) return 'missing in the scenario';
  return `a key missing in the scenario (create ${kind} ${name} without it first: kubectl create ${kind === 'secret' ? 'secret generic' : 'configmap'} ${name})`;
}

/** `kubectl create` for a missing object, with every key the containers read of it; `kubectl patch` for a missing key. */
export function createLine(spec: Json, object: string, ns: string): string {
  const [kind, name, key] = object.split('/') as [string, string, string?];
  if (key !== undefined) {
    const patch = JSON.stringify({ [kind === 'secret' ? 'stringData' : 'data']: { [key]: 'podlab' } });
    return `kubectl patch ${kind} ${name}${ns} --type merge -p '${patch}'`;
  }
  const containers = [...recordsIn(spec.initContainers), ...recordsIn(spec.containers)];
  const keys = new Set(containers.flatMap((c) => configRefsOf(c).flatMap((ref) => (ref.object === object && ref.key !== undefined ? [ref.key] : []))));
  const literals = [...keys].map((k) => ` --from-literal=${k}=podlab`).join('');
  return `kubectl create ${kind === 'secret' ? 'secret generic' : 'configmap'} ${name}${ns}${literals}`;
}

/** The volumes the scenario cannot mount: their object, or a key their items name, is missing. */
export function blockedVolumes(model: PodModel): Set<string> {
  const missing = new Set(model.missingObjects);
  const blocked = (model.volumeObjects ?? []).filter((v) => missing.has(v.object) || (v.keys ?? []).some((key) => missing.has(`${v.object}/${key}`)));
  return new Set(blocked.map((v) => v.volume));
}

/** Volumes that need cluster objects become emptyDirs, but the `blocked` ones: they keep failing to mount. */
export function replaceClusterVolumes(spec: Json, blocked: ReadonlySet<unknown>, notes: string[]): void {
  if (!Array.isArray(spec.volumes)) return;
  spec.volumes = (spec.volumes as Json[]).map((volume) => {
    const source = Object.keys(volume).find((k) => k !== 'name');
    if (source === undefined || SELF_CONTAINED_VOLUMES.includes(source)) return volume;
    if (blocked.has(volume.name)) {
      notes.push(`Volume ${String(volume.name)} keeps its ${source}, missing in the scenario (or a key its items name): the pod waits in ContainerCreating (FailedMount) until it exists.`);
      return volume;
    }
    notes.push(`Volume ${String(volume.name)} (${source}) became an emptyDir, so the pod needs nothing from the cluster.`);
    return { name: volume.name, emptyDir: {} };
  });
}

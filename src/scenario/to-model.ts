/** A validated Pod manifest (plus its annotations read) → the engine's PodModel, with API defaults. */
import type {
  Behavior,
  ConfigRef,
  ContainerModel,
  ContainerRestartRule,
  KubeletConfig,
  PodAction,
  PodModel,
  ProbeTiming,
  PullPolicy,
  RestartPolicy,
  TerminationMessagePolicy,
  Toleration,
  VolumeObject,
} from '../engine/types';
import { DEFAULT_BEHAVIOR } from '../engine/default-behavior';
import { DEFAULT_PRIORITY, SYSTEM_PRIORITY_CLASSES } from '../engine/shutdown-groups';
import { isRecord, mappingAt, recordsIn, type Json } from './value-checks';
import { qosClassOf } from './qos-class';
import { gracePeriodOf } from './validate-pod';

/** pkg/apis/core/v1/defaults.go: a 0 in these fields means "use the default". */
function probeTiming(probe: unknown): ProbeTiming | undefined {
  if (!isRecord(probe)) return undefined;
  const n = (key: string, fallback: number): number => {
    const v = probe[key];
    return typeof v === 'number' && v > 0 ? v : fallback;
  };
  const handler = (['httpGet', 'tcpSocket', 'grpc', 'exec'] as const).find((k) => probe[k] !== undefined) ?? 'exec';
  const timing: ProbeTiming = {
    initialDelaySeconds: typeof probe.initialDelaySeconds === 'number' ? probe.initialDelaySeconds : 0,
    timeoutSeconds: n('timeoutSeconds', 1),
    periodSeconds: n('periodSeconds', 10),
    successThreshold: n('successThreshold', 1),
    failureThreshold: n('failureThreshold', 3),
    handler,
  };
  if (typeof probe.terminationGracePeriodSeconds === 'number') timing.terminationGracePeriodSeconds = probe.terminationGracePeriodSeconds;
  return timing;
}

/** SetDefaults_Container: Always for ":latest" or an untagged image, else IfNotPresent. */
export function defaultPullPolicy(image: string): PullPolicy {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function container(c: Json, isInit: boolean, behaviors: Map<string, Behavior>): ContainerModel {
  const name = c.name as string;
  const image = c.image as string;
  const lifecycle = isRecord(c.lifecycle) ? c.lifecycle : {};
  const model: ContainerModel = {
    name,
    image,
    role: isInit ? (c.restartPolicy === 'Always' ? 'sidecar' : 'init') : 'regular',
    imagePullPolicy: (c.imagePullPolicy as PullPolicy | undefined) ?? defaultPullPolicy(image),
    terminationMessagePolicy: (c.terminationMessagePolicy as TerminationMessagePolicy | undefined) ?? 'File',
    hooks: { postStart: lifecycle.postStart !== undefined, preStop: lifecycle.preStop !== undefined },
    behavior: withSleepHooks(behaviors.get(name) ?? DEFAULT_BEHAVIOR, lifecycle),
  };
  const startup = probeTiming(c.startupProbe);
  const readiness = probeTiming(c.readinessProbe);
  const liveness = probeTiming(c.livenessProbe);
  if (startup) model.startupProbe = startup;
  if (readiness) model.readinessProbe = readiness;
  if (liveness) model.livenessProbe = liveness;
  const limit = mappingAt(c, 'resources', 'limits')['ephemeral-storage'];
  if (limit !== undefined) model.ephemeralStorageLimit = String(limit);
  const configRefs = configRefsOf(c);
  if (configRefs.length > 0) model.configRefs = configRefs;
  // A sidecar's Always is its role; any other container-level policy overrides the pod's.
  if (c.restartPolicy !== undefined && model.role !== 'sidecar') {
    model.restartPolicy = c.restartPolicy as RestartPolicy;
    if (Array.isArray(c.restartPolicyRules)) model.restartPolicyRules = (c.restartPolicyRules as Json[]).map(restartRule);
  }
  return model;
}

/** The seconds of a hook that is a `sleep` action, or undefined for any other handler. */
export function sleepSecondsOf(handler: unknown): number | undefined {
  const sleep = isRecord(handler) ? handler.sleep : undefined;
  return isRecord(sleep) && typeof sleep.seconds === 'number' ? sleep.seconds : undefined;
}

/**
 * A `sleep` hook is the kubelet's own wait, not the container's program (lifecycle/handlers.go
 * runSleepHandler): it takes its seconds and does not fail, whatever the behaviour says of the
 * process's hooks, on every run.
 */
function withSleepHooks(behavior: Behavior, lifecycle: Json): Behavior {
  const fixed: Partial<Behavior> = {};
  for (const kind of ['postStart', 'preStop'] as const) {
    const seconds = sleepSecondsOf(lifecycle[kind]);
    if (seconds === undefined) continue;
    fixed[kind] = seconds;
    fixed[`${kind}Fails`] = false;
  }
  const keys = Object.keys(fixed);
  if (keys.length === 0) return behavior;
  const attempts = behavior.attempts.map((attempt) => Object.fromEntries(Object.entries(attempt).filter(([key]) => !keys.includes(key))));
  return { ...behavior, ...fixed, attempts };
}

/** A validated rule; "Restart" is its only action the API server accepts by default. */
function restartRule(rule: Json): ContainerRestartRule {
  const exitCodes = rule.exitCodes as Json;
  return {
    action: 'Restart',
    exitCodes: { operator: exitCodes.operator as 'In' | 'NotIn', values: Array.isArray(exitCodes.values) ? (exitCodes.values as number[]) : [] },
  };
}

/**
 * The ConfigMaps and Secrets a container's environment reads, in the order the kubelet reads them
 * (kubelet_pods.go makeEnvironmentVariables: envFrom, then env's valueFrom key references).
 */
export function configRefsOf(c: Json): ConfigRef[] {
  const ref = (kind: 'configmap' | 'secret', source: unknown): ConfigRef[] => {
    if (!isRecord(source) || typeof source.name !== 'string') return [];
    const read: ConfigRef = { object: `${kind}/${source.name}`, optional: source.optional === true };
    return [typeof source.key === 'string' ? { ...read, key: source.key } : read];
  };
  const fromEnvFrom = recordsIn(c.envFrom).flatMap((from) => [...ref('configmap', from.configMapRef), ...ref('secret', from.secretRef)]);
  const fromEnv = recordsIn(c.env).flatMap((variable) => {
    const from = isRecord(variable.valueFrom) ? variable.valueFrom : {};
    return [...ref('configmap', from.configMapKeyRef), ...ref('secret', from.secretKeyRef)];
  });
  return [...fromEnvFrom, ...fromEnv];
}

export function toModel(manifest: Json, behaviors: Map<string, Behavior>, actions: PodAction[], kubelet: KubeletConfig = {}, missingObjects: string[] = []): PodModel {
  const metadata = manifest.metadata as Json;
  const spec = manifest.spec as Json;
  const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
  const model: PodModel = {
    name: metadata.name as string,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : 'default',
    restartPolicy: (spec.restartPolicy as PodModel['restartPolicy'] | undefined) ?? 'Always',
    terminationGracePeriodSeconds: gracePeriodOf(spec),
    initContainers: list(spec.initContainers).map((c) => container(c, true, behaviors)),
    containers: list(spec.containers).map((c) => container(c, false, behaviors)),
    actions,
  };
  const ephemeral = list(spec.ephemeralContainers).map((c): ContainerModel => {
    const target = typeof c.targetContainerName === 'string' ? { targetContainerName: c.targetContainerName } : {};
    return { ...container(c, false, behaviors), role: 'ephemeral', ...target };
  });
  if (ephemeral.length > 0) {
    model.ephemeralContainers = ephemeral;
    // One that no debug action adds (a pod read back from a cluster) was there before anything else.
    const added = new Set(actions.flatMap((a) => (a.do === 'debug' ? [a.container] : [])));
    const atStart = ephemeral.filter((c) => !added.has(c.name)).map((c): PodAction => ({ at: 0, do: 'debug', container: c.name }));
    model.actions = [...atStart, ...actions];
  }
  if (typeof spec.activeDeadlineSeconds === 'number') model.activeDeadlineSeconds = spec.activeDeadlineSeconds;
  const qosClass = qosClassOf(spec);
  if (qosClass !== 'BestEffort') model.qosClass = qosClass;
  if (Array.isArray(spec.tolerations)) model.tolerations = spec.tolerations.filter(isRecord).map(toleration);
  if (Object.keys(kubelet).length > 0) model.kubelet = kubelet;
  const priority = priorityOf(spec);
  if (priority !== 0) model.priority = priority;
  const sizeLimits = emptyDirSizeLimitsOf(spec);
  if (Object.keys(sizeLimits).length > 0) model.emptyDirSizeLimits = sizeLimits;
  if (missingObjects.length > 0) model.missingObjects = missingObjects;
  const volumeObjects = volumeObjectsOf(spec);
  if (volumeObjects.length > 0) model.volumeObjects = volumeObjects;
  if (Array.isArray(spec.readinessGates) && spec.readinessGates.length > 0) {
    model.readinessGates = spec.readinessGates.filter(isRecord).map((gate) => gate.conditionType as string);
  }
  return model;
}

/**
 * The ConfigMap and Secret volumes the kubelet mounts: those a container mounts (it leaves the
 * others alone, desired_state_of_world_populator.go) and that are not optional.
 */
export function volumeObjectsOf(spec: Json): VolumeObject[] {
  const containers = [...recordsIn(spec.initContainers), ...recordsIn(spec.containers)];
  const mounted = new Set(containers.flatMap((c) => recordsIn(c.volumeMounts).map((m) => m.name)));
  return recordsIn(spec.volumes).flatMap((volume) => {
    if (typeof volume.name !== 'string' || !mounted.has(volume.name)) return [];
    // A projected volume gathers several sources (projected.go), each failing as a volume of its own would.
    const sources = [volume, ...recordsIn(mappingAt(volume, 'projected').sources)];
    return sources.flatMap((source) => sourceObject(volume.name as string, source));
  });
}

/** The ConfigMap or Secret a volume source holds (`configMap.name`, `secret.secretName` or, projected, `secret.name`), unless optional. */
function sourceObject(volume: string, source: Json): VolumeObject[] {
  const configMap = mappingAt(source, 'configMap');
  const secret = mappingAt(source, 'secret');
  const secretName = secret.secretName ?? secret.name;
  const [object, options] =
    typeof configMap.name === 'string' ? [`configmap/${configMap.name}`, configMap] : typeof secretName === 'string' ? [`secret/${secretName}`, secret] : [null, {}];
  if (object === null || options.optional === true) return [];
  // The keys its items name (without items, every key of the object is a file).
  const keys = recordsIn(options.items).flatMap((item) => (typeof item.key === 'string' ? [item.key] : []));
  return [keys.length > 0 ? { volume, object, keys } : { volume, object }];
}

/**
 * The ConfigMaps and Secrets the pod uses: read by a container's environment, or mounted as a
 * volume; and the keys it reads of them (`configmap/NAME/KEY`), by an env variable or a volume's items.
 */
export interface ObjectUses {
  read: string[];
  mounted: string[];
  keys: string[];
}

export function objectUsesOf(spec: Json): ObjectUses {
  const containers = [...recordsIn(spec.initContainers), ...recordsIn(spec.containers)];
  const refs = containers.flatMap((c) => configRefsOf(c));
  const volumes = volumeObjectsOf(spec);
  const keys = [...refs.flatMap((ref) => (ref.key === undefined ? [] : [`${ref.object}/${ref.key}`])), ...volumes.flatMap((v) => (v.keys ?? []).map((key) => `${v.object}/${key}`))];
  return { read: [...new Set(refs.map((ref) => ref.object))], mounted: [...new Set(volumes.map((v) => v.object))], keys: [...new Set(keys)] };
}

/** The emptyDir volumes with a sizeLimit, the one volume limit the kubelet's eviction manager enforces. */
export function emptyDirSizeLimitsOf(spec: Json): Record<string, string> {
  const limits: Record<string, string> = {};
  for (const volume of recordsIn(spec.volumes)) {
    const sizeLimit = mappingAt(volume, 'emptyDir').sizeLimit;
    if (typeof volume.name === 'string' && sizeLimit !== undefined && sizeLimit !== null) limits[volume.name] = String(sizeLimit);
  }
  return limits;
}

/** A spec.tolerations entry, its fields kept only when of the right type (the engine matches it against the unreachable taint). */
function toleration(t: Json): Toleration {
  const out: Toleration = {};
  if (typeof t.key === 'string') out.key = t.key;
  if (t.operator === 'Exists' || t.operator === 'Equal') out.operator = t.operator;
  if (typeof t.value === 'string') out.value = t.value;
  if (t.effect === 'NoSchedule' || t.effect === 'PreferNoSchedule' || t.effect === 'NoExecute') out.effect = t.effect;
  if (typeof t.tolerationSeconds === 'number') out.tolerationSeconds = t.tolerationSeconds;
  return out;
}

/**
 * spec.priority, which the priority admission plugin sets from the priorityClassName; where a
 * manifest leaves it out, the value of one of the two classes the API server makes itself, or 0
 * (validation asks for spec.priority where another class's value would matter).
 */
export function priorityOf(spec: Json): number {
  if (typeof spec.priority === 'number') return spec.priority;
  const name = spec.priorityClassName;
  return typeof name === 'string' && Object.hasOwn(SYSTEM_PRIORITY_CLASSES, name) ? SYSTEM_PRIORITY_CLASSES[name]! : DEFAULT_PRIORITY;
}

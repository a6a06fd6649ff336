/**
 * Runnable export: the scenario as a Pod a real cluster can run, so its timeline can be compared
 * with Podlab's. Every container becomes busybox running a small sh script that acts out its
 * behaviour — sleeps, exit codes, a health file the probes test, a SIGTERM trap — and every hook
 * sleeps as long as the behaviour says (a `sleep` hook, the kubelet's own wait, stays as it is).
 * Names, order, restart policies, grace periods and probe timings stay as they are.
 */
import { Document } from 'yaml';
import { behaviorFor } from '../engine/runtime';
import type { Behavior, ContainerModel, KubeletConfig, PodAction, PodModel, ProbeKind, RunBehavior, ShutdownGroup } from '../engine/types';
import type { ScenarioIssue } from './issues';
import { parseScenario } from './parse-scenario';
import { filesToRemove, HEALTH_FILE, healthFiles, healthLines, type HealthFiles } from './runnable-health';
import { parseQuantity } from './quantity';
import { blockedVolumes, createLine, replaceClusterVolumes, rewriteEnv } from './runnable-cluster-refs';
import { dropEphemeralContainers } from './runnable-ephemeral';
import { sleepSecondsOf } from './to-model';
import { recordsIn } from './value-checks';

export const RUNNABLE_IMAGE = 'busybox:1.36';
/** Other busybox tags that stand in for a set-image action's new images: they still run the script. */
export const STAND_IN_IMAGES = ['busybox:1.36.1', 'busybox:1.37', 'busybox:1.35'];
/** pkg/apis/core/v1/defaults.go SetDefaults_Container: terminationMessagePath. */
const DEFAULT_MESSAGE_PATH = '/dev/termination-log';
/** emptyDir that counts a container's runs, for behaviours that differ per attempt. */
const STATE_VOLUME = 'podlab-state';
const STATE_DIR = '/podlab-state';
const OOM_MEMORY_LIMIT = '32Mi';
/** A command busybox does not have: runc cannot start it, as a behaviour's startError says. */
const CANNOT_START = 'podlab-cannot-start';
const PROBE_KINDS: ProbeKind[] = ['startup', 'readiness', 'liveness'];
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
/** Pod fields that name objects a test cluster is unlikely to have; left in, the pod would not start. */
const CLUSTER_REFERENCES = [
  'serviceAccountName',
  'serviceAccount',
  'imagePullSecrets',
  'nodeName',
  'nodeSelector',
  'affinity',
  'priorityClassName',
  'runtimeClassName',
  'schedulerName',
  'resourceClaims',
];

export interface RunnableOptions {
  /** Keep the podlab.dev annotations (default), so the export opens in Podlab as the same scenario. */
  keepAnnotations?: boolean;
}

export type RunnableExport = { ok: true; yaml: string; notes: string[] } | { ok: false; issues: ScenarioIssue[] };

type Json = Record<string, unknown>;

/** Builds the runnable manifest for a scenario text; invalid scenarios give their issues. */
export function exportRunnable(source: string, options: RunnableOptions = {}): RunnableExport {
  const parsed = parseScenario(source);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const notes: string[] = [];
  const pod = structuredClone(parsed.manifest) as Json;
  const { model } = parsed;
  const spec = (pod.spec ?? {}) as Json;
  let needsState = false;
  if (model.kubelet) {
    notes.push(`The settings of podlab.dev/kubelet are the node's, not the pod's: set them in the KubeletConfiguration of the node (${kubeletWords(model.kubelet)}).`);
  }

  for (const list of ['initContainers', 'containers'] as const) {
    const containers = spec[list];
    if (!Array.isArray(containers)) continue;
    spec[list] = (containers as Json[]).map((container) => {
      const containerModel = findModel(model, String(container.name));
      if (!containerModel) return container;
      needsState = actOut(container, containerModel, model.actions, model.missingObjects ?? [], notes) || needsState;
      return readableOrder(container);
    });
  }
  if (needsState) addStateVolume(spec);
  dropEphemeralContainers(pod, notes);
  replaceClusterVolumes(spec, blockedVolumes(model), notes);
  for (const field of CLUSTER_REFERENCES) {
    if (field in spec) {
      delete spec[field];
      notes.push(`Removed spec.${field}: it refers to something your cluster may not have.`);
    }
  }
  if ('priority' in spec) {
    delete spec.priority;
    notes.push('Removed spec.priority: the API server sets it from the priorityClassName (0 without one) and refuses a pod that gives another value.');
  }
  if (options.keepAnnotations === false) stripPodlabAnnotations(pod);

  const doc = new Document(pod);
  doc.commentBefore = header(model, notes, spec);
  return { ok: true, yaml: doc.toString({ lineWidth: 0 }), notes };
}

/** What the scenario's kubelet configuration asks of the node, as KubeletConfiguration fields. */
function kubeletWords({ featureGates = {}, maxContainerRestartPeriod, shutdownGracePeriod, shutdownGracePeriodCriticalPods, shutdownGracePeriodByPodPriority }: KubeletConfig): string {
  const gates = Object.entries(featureGates).map(([gate, on]) => `featureGates.${gate}: ${on}`);
  const periods: [string, number | undefined][] = [
    ['crashLoopBackOff.maxContainerRestartPeriod', maxContainerRestartPeriod],
    ['shutdownGracePeriod', shutdownGracePeriod],
    ['shutdownGracePeriodCriticalPods', shutdownGracePeriodCriticalPods],
  ];
  const groups = shutdownGracePeriodByPodPriority ? [`shutdownGracePeriodByPodPriority: ${groupsWords(shutdownGracePeriodByPodPriority)}`] : [];
  return [...gates, ...periods.flatMap(([field, seconds]) => (seconds === undefined ? [] : [`${field}: ${seconds}s`])), ...groups].join(', ');
}

/** The kubelet's graceful node shutdown settings, for the shutdown-node line. */
function shutdownWords({ shutdownGracePeriod = 0, shutdownGracePeriodCriticalPods, shutdownGracePeriodByPodPriority }: KubeletConfig): string {
  if (shutdownGracePeriodByPodPriority) return `shutdownGracePeriodByPodPriority ${groupsWords(shutdownGracePeriodByPodPriority)}`;
  return `shutdownGracePeriod ${shutdownGracePeriod}s${shutdownGracePeriodCriticalPods ? ` and shutdownGracePeriodCriticalPods ${shutdownGracePeriodCriticalPods}s` : ''}`;
}

/** The groups as the KubeletConfiguration writes them, in flow style. */
const groupsWords = (groups: ShutdownGroup[]): string =>
  `[${groups.map((g) => `{priority: ${g.priority}, shutdownGracePeriodSeconds: ${g.shutdownGracePeriodSeconds}}`).join(', ')}]`;

/** name, image, restartPolicy and command first, where a reader looks for them. */
function readableOrder(container: Json): Json {
  const { name, image, restartPolicy, command, ...rest } = container;
  return restartPolicy === undefined ? { name, image, command, ...rest } : { name, image, restartPolicy, command, ...rest };
}

function findModel(model: PodModel, name: string): ContainerModel | undefined {
  return [...model.initContainers, ...model.containers, ...(model.ephemeralContainers ?? [])].find((c) => c.name === name);
}

/** Rewrites one container to act out its behaviour. Returns whether it needs the state volume. */
function actOut(container: Json, model: ContainerModel, actions: PodAction[], missing: readonly string[], notes: string[]): boolean {
  const b = model.behavior;
  const name = model.name;
  if (b.pullFailures > 0) {
    notes.push(`${name}: keeps its image ${model.image}, whose pull fails in Podlab; it fails on the cluster only if the image is really unreachable.`);
  } else {
    container.image = RUNNABLE_IMAGE;
  }
  if (b.pull > 0) notes.push(`${name}: the ${b.pull} s image pull is not acted out (busybox is small and usually cached).`);

  const declared = PROBE_KINDS.filter((kind) => container[`${kind}Probe`] !== undefined);
  const files = healthFiles(model, actions);
  const killCode = actions.find((a): a is Extract<PodAction, { do: 'kill' }> => a.do === 'kill' && a.container === name);
  const cannotStart = startsNever(b);
  const perAttempt = b.attempts.length > 0 && !cannotStart;
  // SetDefaults_Container: the file is /dev/termination-log unless the spec names another.
  const path = container.terminationMessagePath;
  const messagePath = typeof path === 'string' && path !== '' ? path : DEFAULT_MESSAGE_PATH;
  container.command = cannotStart ? [CANNOT_START] : ['sh', '-c', script(model, declared, files, killCode ? (killCode.oom ? 137 : killCode.exitCode) : null, messagePath)];
  delete container.args;
  if (cannotStart) {
    notes.push(`${name}: runs ${CANNOT_START}, which busybox does not have, so the runtime cannot start it (StartError); it says so in its own words, not in "${b.startError}".`);
  } else if (b.startError !== '' || b.attempts.some((a) => a.startError)) {
    notes.push(`${name}: its start errors are not acted out, as they are only some of its runs: a command the image lacks fails every start.`);
  }

  for (const kind of PROBE_KINDS) {
    const value = container[`${kind}Probe`];
    if (value && typeof value === 'object') {
      const timings = Object.fromEntries(Object.entries(value).filter(([key]) => !PROBE_HANDLERS.includes(key)));
      container[`${kind}Probe`] = { exec: { command: ['test', '-f', files[kind]] }, ...timings };
    }
  }
  rewriteHooks(container, model, b);
  rewriteEnv(container, name, new Set(missing), notes);

  if (b.oom || b.attempts.some((a) => a.oom)) {
    const resources = (container.resources ??= {}) as Json;
    const limits = (resources.limits ??= {}) as Json;
    if (limits.memory === undefined) {
      limits.memory = OOM_MEMORY_LIMIT;
      notes.push(`${name}: added limits.memory ${OOM_MEMORY_LIMIT} so that \`tail /dev/zero\` is OOM-killed.`);
    }
  }
  if (perAttempt) {
    const mounts = (container.volumeMounts ??= []) as Json[];
    mounts.push({ name: STATE_VOLUME, mountPath: STATE_DIR });
    notes.push(`${name}: counts its runs in the ${STATE_VOLUME} emptyDir to act out a different behaviour per attempt.`);
  }
  return perAttempt;
}

/** Whether no run of the container can start: the behaviour's and every attempt's have a start error. */
function startsNever(b: Behavior): boolean {
  return b.startError !== '' && b.attempts.every((a) => a.startError !== '');
}

/** The sh script for one container: one straight run, or a `case` over the attempt number. */
function script(model: ContainerModel, declared: ProbeKind[], files: HealthFiles, killCode: number | null, messagePath: string): string {
  const { name, behavior: b } = model;
  const traps = killCode === null ? [] : [`trap 'exit ${killCode}' USR1`];
  if (b.attempts.length === 0) return [...traps, ...runLines(b, declared, files, messagePath)].join('\n') + '\n';
  const lines = [
    ...traps,
    `n=$(cat ${STATE_DIR}/${name} 2>/dev/null || echo 0)`,
    `echo $((n + 1)) > ${STATE_DIR}/${name}`,
    'case "$n" in',
  ];
  b.attempts.forEach((_override, i) => {
    lines.push(`  ${i})`, ...runLines(behaviorFor(model, i), declared, files, messagePath).map((l) => `    ${l}`), '    ;;');
  });
  lines.push('  *)', ...runLines(b, declared, files, messagePath).map((l) => `    ${l}`), '    ;;', 'esac');
  return lines.join('\n') + '\n';
}

function runLines(b: RunBehavior, declared: ProbeKind[], files: HealthFiles, messagePath: string): string[] {
  const lines: string[] = [];
  // PID 1 ignores SIGTERM unless it installs a handler, so every container traps it.
  if (b.stop === 'ignore') lines.push(`trap '' TERM`);
  else if (b.stop === 0) lines.push(`trap 'exit ${b.stopExitCode}' TERM`);
  else lines.push(`trap 'sleep ${b.stop}; exit ${b.stopExitCode}' TERM`);
  // Written first, so that the log and the file hold them however the run ends (Podlab's model).
  if (b.logs !== '') lines.push(`printf '%s' ${shellQuote(b.logs)}`);
  if (b.message !== '') lines.push(`printf '%s' ${shellQuote(b.message)} > ${shellQuote(messagePath)}`);
  lines.push(...healthLines(b, files, declared));
  // `sleep & wait` rather than `sleep`: a trap runs only when the foreground command returns.
  if (b.run === null) {
    lines.push('while true; do sleep 3600 & wait $!; done');
  } else if (b.oom) {
    if (b.run > 0) lines.push(`sleep ${b.run} & wait $!`);
    lines.push('exec tail /dev/zero');
  } else {
    if (b.run > 0) lines.push(`sleep ${b.run} & wait $!`);
    lines.push(`exit ${b.exitCode}`);
  }
  return lines;
}

/** A word sh reads back as exactly `text`: single quotes, each `'` written as `'\''`. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

function rewriteHooks(container: Json, model: ContainerModel, b: Behavior): void {
  const lifecycle = container.lifecycle as Json | undefined;
  if (!lifecycle) return;
  const hook = (key: 'postStart' | 'preStop', seconds: number, fails: boolean) => {
    const handler = lifecycle[key] as Json | undefined;
    // A sleep hook is the kubelet's own wait: it runs as written on any image.
    if (!handler || !model.hooks[key] || sleepSecondsOf(handler) !== undefined) return;
    for (const kind of HOOK_HANDLERS) delete handler[kind];
    const parts = [seconds > 0 ? `sleep ${seconds}` : 'true', ...(fails ? ['exit 1'] : [])];
    handler.exec = { command: ['sh', '-c', parts.join('; ')] };
  };
  hook('postStart', b.postStart, b.postStartFails);
  hook('preStop', b.preStop, b.preStopFails);
}

function addStateVolume(spec: Json): void {
  const volumes = (spec.volumes ??= []) as Json[];
  volumes.push({ name: STATE_VOLUME, emptyDir: {} });
}

/** The first container that mounts the volume, and where. */
function mountOf(spec: Json, volume: string): { container: string; path: string } | undefined {
  for (const container of [...recordsIn(spec.initContainers), ...recordsIn(spec.containers)]) {
    const mount = recordsIn(container.volumeMounts).find((m) => m.name === volume && typeof m.mountPath === 'string');
    if (mount) return { container: String(container.name), path: mount.mountPath as string };
  }
  return undefined;
}

function stripPodlabAnnotations(pod: Json): void {
  const metadata = pod.metadata as Json | undefined;
  const annotations = metadata?.annotations as Json | undefined;
  if (!metadata || !annotations) return;
  for (const key of Object.keys(annotations)) if (key.startsWith('podlab.dev/')) delete annotations[key];
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
}

function header(model: PodModel, notes: string[], spec: Json): string {
  const lines = [
    ` Runnable on a real cluster: made by \`podlab export --runnable\` from the Podlab scenario ${model.name}.`,
    ` Each container runs ${RUNNABLE_IMAGE} and acts out its behaviour with sh: sleeps, exit codes,`,
    ` a health file ${HEALTH_FILE} that the probes test (${HEALTH_FILE}-<probe> where one probe has`,
    ` a window of its own), a SIGTERM trap, hooks that sleep (and fail where the behaviour says);`,
    ` it prints its logs and writes its termination message (terminationMessagePath) as it starts.`,
    ` Watch it: kubectl apply -f <this file> && kubectl get pod ${model.name} --watch`,
  ];
  const standIn = standInImages(model);
  const actions = model.actions.map((a) => actionLine(model, a, standIn, spec));
  if (actions.length > 0) lines.push(' Podlab actions, to do by hand (seconds after the pod is created):', ...actions);
  if (notes.length > 0) lines.push(' Notes:', ...notes.map((n) => `   - ${n}`));
  return lines.join('\n');
}

/**
 * The image to set on the cluster for each new image of each container: the container's own
 * exported image when the action goes back to the original, else a busybox tag of its own.
 */
function standInImages(model: PodModel): (container: string, image: string) => string {
  const seen = new Map<string, string[]>();
  return (container, image) => {
    const original = findModel(model, container);
    // The export keeps an image whose pull fails in Podlab, and runs busybox otherwise.
    if (image === original?.image) return original.behavior.pullFailures > 0 ? image : RUNNABLE_IMAGE;
    const images = seen.get(container) ?? [];
    seen.set(container, images);
    if (!images.includes(image)) images.push(image);
    return STAND_IN_IMAGES[images.indexOf(image) % STAND_IN_IMAGES.length]!;
  };
}

function actionLine(model: PodModel, action: PodAction, standIn: (container: string, image: string) => string, spec: Json): string {
  const ns = model.namespace === 'default' ? '' : ` -n ${model.namespace}`;
  switch (action.do) {
    case 'set-image': {
      // A real spec update cannot be written into a manifest: the user runs it at that moment.
      const image = standIn(action.container, action.image);
      return `   at ${action.at} s: kubectl set image pod/${model.name}${ns} ${action.container}=${image}   (in Podlab the image becomes ${action.image}; ${image} stands in for it, so the script still runs)`;
    }
    case 'debug': {
      // It runs once: its first run's behaviour, on one line of sh (a comment holds no more).
      const container = findModel(model, action.container)!;
      const first = behaviorFor(container, 0);
      const run = first.startError !== '' ? CANNOT_START : `sh -c ${shellQuote(runLines(first, [], healthFiles(container, model.actions), DEFAULT_MESSAGE_PATH).join('; '))}`;
      const target = container.targetContainerName ? ` --target=${container.targetContainerName}` : '';
      return `   at ${action.at} s: kubectl debug ${model.name}${ns} --image=${RUNNABLE_IMAGE} --container=${action.container}${target} -- ${run}`;
    }
    case 'delete':
      return `   at ${action.at} s: kubectl delete pod ${model.name}${ns}${action.gracePeriodSeconds === undefined ? '' : ` --grace-period=${action.gracePeriodSeconds}`} --wait=false`;
    case 'fail-probes': {
      const container = findModel(model, action.container);
      const files = container ? filesToRemove(healthFiles(container, model.actions), action.probe) : [HEALTH_FILE];
      return `   at ${action.at} s: kubectl exec ${model.name}${ns} -c ${action.container} -- rm -f ${files.join(' ')}`;
    }
    case 'reboot-node':
      // Nothing in a manifest, nor any kubectl command, can power-cycle the node the pod runs on.
      return `   at ${action.at} s: reboot the node the pod runs on, for ${action.down} s (Podlab only: no manifest or kubectl command can do it; on a node you own, \`sudo systemctl reboot\` there — the pod's init containers then run again)`;
    case 'kill':
      return `   at ${action.at} s: kubectl exec ${model.name}${ns} -c ${action.container} -- kill -USR1 1   (exits ${action.oom ? '137; a real OOM kill also says OOMKilled' : action.exitCode})`;
    case 'evict': {
      if (action.volume !== undefined) {
        // What the eviction manager measures is what is written into the volume, by any container that mounts it.
        const limit = model.emptyDirSizeLimits?.[action.volume] ?? '';
        const count = Math.floor((parseQuantity(limit) ?? 0) / 2 ** 20) + 1;
        const mount = mountOf(spec, action.volume);
        const past = `past the emptyDir ${action.volume}'s sizeLimit ${limit}: the kubelet evicts the pod at its next check, within 10 s`;
        return mount
          ? `   at ${action.at} s: kubectl exec ${model.name}${ns} -c ${mount.container} -- dd if=/dev/zero of=${mount.path.replace(/\/$/, '')}/podlab-fill bs=1M count=${count}   (${past})`
          : `   at ${action.at} s: write ${count} MiB into the emptyDir ${action.volume} (${past}; no container mounts it, so add a volumeMount first)`;
      }
      if (action.container !== undefined) {
        // Writing past the limit into the container's own filesystem is what the eviction manager checks.
        const limit = findModel(model, action.container)?.ephemeralStorageLimit ?? '';
        const count = Math.floor((parseQuantity(limit) ?? 0) / 2 ** 20) + 1;
        return `   at ${action.at} s: kubectl exec ${model.name}${ns} -c ${action.container} -- dd if=/dev/zero of=/tmp/podlab-fill bs=1M count=${count}   (past its ephemeral-storage limit ${limit}: the kubelet evicts the pod at its next check, within 10 s)`;
      }
      // Only a node that really runs low on a resource makes its kubelet evict a pod.
      return `   at ${action.at} s: the kubelet evicts the pod, its node low on ${action.resource} (Podlab only: no manifest or kubectl command can; \`kubectl drain\` evicts through the API instead, a graceful deletion)`;
    }
    case 'drain': {
      // The pods/eviction subresource that kubectl drain calls for each pod of the node, for this pod alone.
      const eviction = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: model.name, namespace: model.namespace }, ...(action.gracePeriodSeconds === undefined ? {} : { deleteOptions: { gracePeriodSeconds: action.gracePeriodSeconds } }) };
      return `   at ${action.at} s: echo '${JSON.stringify(eviction)}' | kubectl create --raw /api/v1/namespaces/${model.namespace}/pods/${model.name}/eviction -f -   (the eviction kubectl drain asks for each pod on the node, for this pod alone)`;
    }
    case 'shutdown-node':
      return `   at ${action.at} s: shut down the node the pod runs on, its kubelet set with ${shutdownWords(model.kubelet ?? {})} (on a node you own, \`sudo systemctl poweroff\` there; Podlab only otherwise)`;
    case 'create':
      return `   at ${action.at} s: ${createLine(spec, action.object, ns)}   (until then what reads or mounts it waits: CreateContainerConfigError, FailedMount)`;
    case 'set-deadline':
      return `   at ${action.at} s: kubectl patch pod ${model.name}${ns} -p '${JSON.stringify({ spec: { activeDeadlineSeconds: action.activeDeadlineSeconds } })}'`;
    case 'set-condition': {
      const patch = JSON.stringify({ status: { conditions: [{ type: action.condition, status: action.status }] } });
      return `   at ${action.at} s: kubectl patch pod ${model.name}${ns} --subresource=status -p '${patch}'`;
    }
  }
}

/** The `podlab.dev/actions` annotation: what the user does to the pod, and when. */
import type { EvictionResource, PodAction, ProbeKind } from '../engine/types';
import type { IssueList } from './issues';
import { imageProblem } from './image-reference';
import { isRecord, notA } from './value-checks';

const MAX_ACTIONS = 1000;
const PROBE_KINDS: ProbeKind[] = ['startup', 'readiness', 'liveness'];
const MAX_TIME = 86_400 * 7;
/** How long a rebooting node stays down when the action does not say: a typical VM's reboot. */
export const DEFAULT_NODE_DOWN = 30;
const MAX_DOWN = 86_400;
const KEYS: Record<PodAction['do'], string[]> = {
  delete: ['at', 'do', 'gracePeriodSeconds'],
  kill: ['at', 'do', 'container', 'exitCode', 'oom'],
  'fail-probes': ['at', 'do', 'container', 'probe'],
  'set-image': ['at', 'do', 'container', 'image'],
  'reboot-node': ['at', 'do', 'down'],
  'set-condition': ['at', 'do', 'condition', 'status'],
  'set-deadline': ['at', 'do', 'activeDeadlineSeconds'],
  evict: ['at', 'do', 'resource', 'container', 'volume'],
  drain: ['at', 'do', 'gracePeriodSeconds'],
  'shutdown-node': ['at', 'do', 'othersStopIn'],
  create: ['at', 'do', 'object'],
  debug: ['at', 'do', 'container'],
};
const EVICTION_RESOURCES: EvictionResource[] = ['memory', 'ephemeral-storage', 'pid'];
const KINDS = Object.keys(KEYS) as PodAction['do'][];

/** What the pod's spec says that its actions are checked against. */
export interface ActionContext {
  /** The init and regular containers. */
  containerNames: readonly string[];
  /** The ephemeral containers: those a debug action adds (and a kill may name). */
  ephemeralNames: readonly string[];
  /** The regular containers with an ephemeral-storage limit: those an evict action may name. */
  storageLimited: readonly string[];
  /** The emptyDir volumes with a sizeLimit: those an evict action may name. */
  sizeLimitedVolumes: readonly string[];
  /** The conditions a set-condition action may set (Podlab plays no other client's conditions). */
  readinessGates: readonly string[];
  /** The spec's own deadline, which a set-deadline action may only lower. */
  activeDeadlineSeconds?: number;
  /** How long the node's kubelet holds a shutdown for its pods (0: graceful node shutdown off), which a shutdown-node action needs. */
  shutdownPeriodRequested: number;
  /** The ConfigMaps and Secrets missing when the pod is created (podlab.dev/missing): those a create action may name. */
  missingObjects: readonly string[];
}

export function readActions(value: unknown, context: ActionContext, issues: IssueList): PodAction[] {
  const { containerNames, readinessGates, activeDeadlineSeconds } = context;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add([], `must be a list of actions such as {at: 30, do: delete}${notA(value)}`);
    return [];
  }
  if (value.length > MAX_ACTIONS) {
    issues.add([], `may hold at most ${MAX_ACTIONS} actions`);
    return [];
  }
  const actions: PodAction[] = [];
  value.forEach((raw, i) => {
    if (!isRecord(raw)) return issues.add([i], `must be a mapping such as {at: 30, do: delete}${notA(raw)}`);
    const before = issues.length;
    const kind = raw.do as PodAction['do'];
    if (!KINDS.includes(kind)) return issues.add([i, 'do'], `must be one of ${KINDS.join(', ')}${notA(raw.do)}`);
    for (const key of Object.keys(raw)) {
      if (!KEYS[kind].includes(key)) issues.add([i, key], `unknown field "${key}" for a ${kind} action; the fields are: ${KEYS[kind].join(', ')}`);
    }
    const at = raw.at;
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > MAX_TIME) {
      issues.add([i, 'at'], `must be a time in seconds from pod creation (0 to ${MAX_TIME})${notA(at)}`);
    }
    if (kind === 'set-condition') checkCondition(raw, i, readinessGates, issues);
    else if (kind === 'set-deadline') checkDeadline(raw.activeDeadlineSeconds, i, issues);
    else if (kind === 'evict') checkEviction(raw, i, context, issues);
    else if (kind === 'create') {
      if (typeof raw.object !== 'string' || !context.missingObjects.includes(raw.object)) {
        const missing = context.missingObjects.length > 0 ? context.missingObjects.join(', ') : 'none: list them in podlab.dev/missing';
        issues.add([i, 'object'], `must name what is missing: a ConfigMap or Secret, or a key of one (${missing})${notA(raw.object)}`);
      }
    }
    else if (kind === 'shutdown-node') {
      if (context.shutdownPeriodRequested === 0) {
        issues.add([i, 'do'], 'the node\'s kubelet has no shutdownGracePeriod or shutdownGracePeriodByPodPriority (0 by default: graceful node shutdown off), so the node would power off under the running pod: set one in podlab.dev/kubelet, or play a power cut with reboot-node');
      }
      const others = raw.othersStopIn;
      if (others !== undefined && (typeof others !== 'number' || !Number.isFinite(others) || others < 0)) {
        issues.add([i, 'othersStopIn'], `must be seconds, 0 or more: how long the node's pods of lower priority take to stop${notA(others)}`);
      }
    }
    else if (kind === 'debug') {
      if (typeof raw.container !== 'string' || !context.ephemeralNames.includes(raw.container)) {
        const names = context.ephemeralNames.length > 0 ? context.ephemeralNames.join(', ') : 'the pod has none: list it in spec.ephemeralContainers';
        issues.add([i, 'container'], `must name an ephemeral container, which kubectl debug adds (${names})${notA(raw.container)}`);
      }
    }
    else if (kind !== 'delete' && kind !== 'drain' && kind !== 'reboot-node') {
      // An ephemeral container can be killed (kubectl exec), but has no probes and a fixed image.
      const names = kind === 'kill' ? [...containerNames, ...context.ephemeralNames] : containerNames;
      if (typeof raw.container !== 'string' || !names.includes(raw.container)) {
        issues.add([i, 'container'], `must name a container of the pod (${names.join(', ')})${notA(raw.container)}`);
      }
    }
    if (raw.exitCode !== undefined && (typeof raw.exitCode !== 'number' || !Number.isInteger(raw.exitCode) || raw.exitCode < 0 || raw.exitCode > 255)) {
      issues.add([i, 'exitCode'], `must be a whole number from 0 to 255${notA(raw.exitCode)}`);
    }
    if (raw.oom !== undefined && typeof raw.oom !== 'boolean') issues.add([i, 'oom'], `must be true or false${notA(raw.oom)}`);
    const imageIssue = kind === 'set-image' ? imageProblem(raw.image) : undefined;
    if (imageIssue) issues.add([i, 'image'], imageIssue);
    if (raw.probe !== undefined && !PROBE_KINDS.includes(raw.probe as ProbeKind)) {
      issues.add([i, 'probe'], `must be one of ${PROBE_KINDS.join(', ')} (absent: every probe)${notA(raw.probe)}`);
    }
    const grace = raw.gracePeriodSeconds;
    if (grace !== undefined && (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 0)) {
      issues.add([i, 'gracePeriodSeconds'], `must be a whole number of seconds, 0 or more${notA(grace)}`);
    }
    const down = raw.down;
    if (down !== undefined && (typeof down !== 'number' || !Number.isFinite(down) || down < 0 || down > MAX_DOWN)) {
      issues.add([i, 'down'], `must be how many seconds the node stays down (0 to ${MAX_DOWN}; absent: ${DEFAULT_NODE_DOWN})${notA(down)}`);
    }
    if (issues.length > before) return;
    const t = at as number;
    if (kind === 'reboot-node') actions.push({ at: t, do: 'reboot-node', down: (down as number | undefined) ?? DEFAULT_NODE_DOWN });
    else if (kind === 'evict') {
      const container = raw.container as string | undefined;
      const volume = raw.volume as string | undefined;
      const resource = (raw.resource as EvictionResource | undefined) ?? (container || volume ? 'ephemeral-storage' : 'memory');
      actions.push({ at: t, do: 'evict', resource, ...(container ? { container } : {}), ...(volume ? { volume } : {}) });
    }
    else if (kind === 'set-deadline') actions.push({ at: t, do: 'set-deadline', activeDeadlineSeconds: raw.activeDeadlineSeconds as number });
    else if (kind === 'set-condition') actions.push({ at: t, do: 'set-condition', condition: raw.condition as string, status: conditionStatus(raw.status)! });
    else if (kind === 'shutdown-node') actions.push(raw.othersStopIn === undefined ? { at: t, do: 'shutdown-node' } : { at: t, do: 'shutdown-node', othersStopIn: raw.othersStopIn as number });
    else if (kind === 'create') actions.push({ at: t, do: 'create', object: raw.object as string });
    else if (kind === 'debug') actions.push({ at: t, do: 'debug', container: raw.container as string });
    else if (kind === 'delete' || kind === 'drain') actions.push(grace === undefined ? { at: t, do: kind } : { at: t, do: kind, gracePeriodSeconds: grace as number });
    else if (kind === 'set-image') actions.push({ at: t, do: 'set-image', container: raw.container as string, image: raw.image as string });
    else if (kind === 'kill') {
      actions.push({ at: t, do: 'kill', container: raw.container as string, exitCode: (raw.exitCode as number | undefined) ?? 137, oom: raw.oom === true });
    } else {
      const probe = raw.probe as ProbeKind | undefined;
      actions.push(probe === undefined ? { at: t, do: 'fail-probes', container: raw.container as string } : { at: t, do: 'fail-probes', container: raw.container as string, probe });
    }
  });
  actions.sort((a, b) => a.at - b.at);
  checkAddedOnce(value, actions, issues);
  checkRebootsApart(value, actions, issues);
  checkDeadlinesLower(value, actions, activeDeadlineSeconds, issues);
  return actions;
}

/**
 * A node-pressure eviction names a resource; a local-storage one (eviction_manager.go
 * localStorageEviction), a container past its ephemeral-storage limit or an emptyDir past its sizeLimit.
 */
function checkEviction(raw: Record<string, unknown>, i: number, { storageLimited, sizeLimitedVolumes }: ActionContext, issues: IssueList): void {
  if (raw.resource !== undefined && !EVICTION_RESOURCES.includes(raw.resource as EvictionResource)) {
    issues.add([i, 'resource'], `must be what the node runs low on: ${EVICTION_RESOURCES.join(', ')} (absent: memory)${notA(raw.resource)}`);
  }
  if (raw.container !== undefined && raw.volume !== undefined) {
    issues.add([i, 'volume'], 'an eviction is for one reason: a container past its limit, or a volume past its sizeLimit, not both');
    return;
  }
  const [key, allowed, what] =
    raw.volume !== undefined
      ? (['volume', sizeLimitedVolumes, 'an emptyDir volume with a sizeLimit, the one volume limit the kubelet evicts for'] as const)
      : (['container', storageLimited, 'a container with a resources.limits.ephemeral-storage, the one limit the kubelet evicts for'] as const);
  const value = raw[key];
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    issues.add([i, key], `must name ${what} (${allowed.length > 0 ? allowed.join(', ') : 'the pod has none'})${notA(value)}`);
  } else if (raw.resource !== undefined && raw.resource !== 'ephemeral-storage') {
    issues.add([i, 'resource'], `must be ephemeral-storage (or absent) for ${key === 'volume' ? 'a volume written past its sizeLimit' : 'a container that writes past its limit'}`);
  }
}

function checkDeadline(value: unknown, i: number, issues: IssueList): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 2 ** 31 - 1) {
    issues.add([i, 'activeDeadlineSeconds'], `must be a whole number of seconds from 1 to ${2 ** 31 - 1}${notA(value)}`);
  }
}

/**
 * validation.go ValidatePodUpdate: activeDeadlineSeconds may be set, or lowered, never raised
 * (nor unset); each update is checked against the value before it.
 */
function checkDeadlinesLower(raw: unknown[], actions: PodAction[], initial: number | undefined, issues: IssueList): void {
  let previous = initial;
  for (const action of actions) {
    if (action.do !== 'set-deadline') continue;
    if (previous !== undefined && action.activeDeadlineSeconds > previous) {
      const index = raw.findIndex((r) => isRecord(r) && r.do === 'set-deadline' && r.at === action.at && r.activeDeadlineSeconds === action.activeDeadlineSeconds);
      issues.add([index, 'activeDeadlineSeconds'], `Invalid value: ${action.activeDeadlineSeconds}: must be less than or equal to previous value (${previous}): the API server lets a running pod's deadline be set or lowered, never raised`);
      continue;
    }
    previous = action.activeDeadlineSeconds;
  }
}

function checkCondition(raw: Record<string, unknown>, i: number, readinessGates: readonly string[], issues: IssueList): void {
  if (readinessGates.length === 0) issues.add([i, 'do'], 'sets a readiness gate\'s condition, but the pod has no spec.readinessGates');
  else if (typeof raw.condition !== 'string' || !readinessGates.includes(raw.condition)) {
    issues.add([i, 'condition'], `must name one of the pod's readiness gates (${readinessGates.join(', ')})${notA(raw.condition)}`);
  }
  if (conditionStatus(raw.status) === undefined) issues.add([i, 'status'], `must be True or False${notA(raw.status)}`);
}

/** "True" or "False"; a YAML boolean (`status: True` unquoted) is taken as the word it looks like. */
function conditionStatus(value: unknown): 'True' | 'False' | undefined {
  if (value === 'True' || value === true) return 'True';
  if (value === 'False' || value === false) return 'False';
  return undefined;
}

/** kubectl debug adds a container once: the API server refuses to add one whose name is taken. */
function checkAddedOnce(raw: unknown[], actions: PodAction[], issues: IssueList): void {
  const added = new Set<string>();
  for (const action of actions) {
    if (action.do !== 'debug') continue;
    if (added.has(action.container)) {
      const index = raw.findLastIndex((r) => isRecord(r) && r.do === 'debug' && r.container === action.container && r.at === action.at);
      issues.add([index, 'container'], `Duplicate value: "${action.container}": an ephemeral container is added once, by one debug action`);
    }
    added.add(action.container);
  }
}

/** A node cannot reboot again while it is still down from an earlier reboot. */
function checkRebootsApart(raw: unknown[], actions: PodAction[], issues: IssueList): void {
  let upAt: { t: number; from: number } | undefined;
  for (const action of actions) {
    if (action.do !== 'reboot-node') continue;
    if (upAt && action.at < upAt.t) {
      const index = raw.findIndex((r) => isRecord(r) && r.do === 'reboot-node' && r.at === action.at);
      issues.add([index, 'at'], `the node is still down then: the reboot at ${upAt.from} s brings it back at ${upAt.t} s`);
      continue;
    }
    upAt = { t: action.at + action.down, from: action.at };
  }
}

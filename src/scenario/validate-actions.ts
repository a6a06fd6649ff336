/** The `podlab.dev/actions` annotation: what the user does to the pod, and when. */
import type { PodAction, ProbeKind } from '../engine/types';
import type { IssueList } from './issues';
import { imageProblem } from './image-reference';
import { isRecord, typeName } from './value-checks';

const MAX_ACTIONS = 1000;
const PROBE_KINDS: ProbeKind[] = ['startup', 'readiness', 'liveness'];
const MAX_TIME = 86_400 * 7;
const KEYS: Record<PodAction['do'], string[]> = {
  delete: ['at', 'do', 'gracePeriodSeconds'],
  kill: ['at', 'do', 'container', 'exitCode', 'oom'],
  'set-image': ['at', 'do', 'container', 'image'],
  'fail-probes': ['at', 'do', 'container', 'probe'],
};

export function readActions(value: unknown, containerNames: readonly string[], issues: IssueList): PodAction[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add([], `must be a list of actions such as {at: 30, do: delete}, not ${typeName(value)}`);
    return [];
  }
  if (value.length > MAX_ACTIONS) {
    issues.add([], `may hold at most ${MAX_ACTIONS} actions`);
    return [];
  }
  const actions: PodAction[] = [];
  value.forEach((raw, i) => {
    if (!isRecord(raw)) return issues.add([i], `must be a mapping such as {at: 30, do: delete}, not ${typeName(raw)}`);
    const before = issues.length;
    const kind = raw.do;
    if (kind !== 'delete' && kind !== 'kill' && kind !== 'fail-probes' && kind !== 'set-image') {
      return issues.add([i, 'do'], `must be one of delete, kill, fail-probes, set-image, not ${typeName(kind)}`);
    }
    for (const key of Object.keys(raw)) {
      if (!KEYS[kind].includes(key)) issues.add([i, key], `unknown field "${key}" for a ${kind} action; the fields are: ${KEYS[kind].join(', ')}`);
    }
    const at = raw.at;
    if (typeof at !== 'number' || !Number.isFinite(at) || at < 0 || at > MAX_TIME) {
      issues.add([i, 'at'], `must be a time in seconds from pod creation (0 to ${MAX_TIME}), not ${typeName(at)}`);
    }
    if (kind !== 'delete' && (typeof raw.container !== 'string' || !containerNames.includes(raw.container))) {
      issues.add([i, 'container'], `must name a container of the pod (${containerNames.join(', ')}), not ${typeName(raw.container)}`);
    }
    if (raw.exitCode !== undefined && (typeof raw.exitCode !== 'number' || !Number.isInteger(raw.exitCode) || raw.exitCode < 0 || raw.exitCode > 255)) {
      issues.add([i, 'exitCode'], `must be a whole number from 0 to 255, not ${typeName(raw.exitCode)}`);
    }
    if (raw.oom !== undefined && typeof raw.oom !== 'boolean') issues.add([i, 'oom'], `must be true or false, not ${typeName(raw.oom)}`);
    const imageIssue = kind === 'set-image' ? imageProblem(raw.image) : undefined;
    if (imageIssue) issues.add([i, 'image'], imageIssue);
    if (raw.probe !== undefined && !PROBE_KINDS.includes(raw.probe as ProbeKind)) {
      issues.add([i, 'probe'], `must be one of ${PROBE_KINDS.join(', ')} (absent: every probe), not ${typeName(raw.probe)}`);
    }
    const grace = raw.gracePeriodSeconds;
    if (grace !== undefined && (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 0)) {
      issues.add([i, 'gracePeriodSeconds'], `must be a whole number of seconds, 0 or more, not ${typeName(grace)}`);
    }
    if (issues.length > before) return;
    const t = at as number;
    if (kind === 'delete') actions.push(grace === undefined ? { at: t, do: 'delete' } : { at: t, do: 'delete', gracePeriodSeconds: grace as number });
    else if (kind === 'set-image') actions.push({ at: t, do: 'set-image', container: raw.container as string, image: raw.image as string });
    else if (kind === 'kill') {
      actions.push({ at: t, do: 'kill', container: raw.container as string, exitCode: (raw.exitCode as number | undefined) ?? 137, oom: raw.oom === true });
    } else {
      const probe = raw.probe as ProbeKind | undefined;
      actions.push(probe === undefined ? { at: t, do: 'fail-probes', container: raw.container as string } : { at: t, do: 'fail-probes', container: raw.container as string, probe });
    }
  });
  return actions.sort((a, b) => a.at - b.at);
}

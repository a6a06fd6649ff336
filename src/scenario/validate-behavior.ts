/**
 * The `podlab.dev/behavior` annotation: container name → what its process does.
 * Returns the behaviours with defaults applied; problems go to `issues` with paths inside the annotation.
 */
import { DEFAULT_BEHAVIOR } from '../engine/default-behavior';
import type { Behavior, ProbeAnswers, ProbeKind, RunBehavior } from '../engine/types';
import type { IssueList, PathSegment } from './issues';
import { isRecord, notA } from './value-checks';

/** One day: a longer duration is almost surely a typo, and would make runs needlessly long. */
const MAX_SECONDS = 86_400 * 7;
const MAX_ATTEMPTS = 100;
/** Twice what the kubelet ever reads of the file (4096 bytes), so its truncation shows. */
const MAX_TEXT = 8192;

type Field = keyof RunBehavior;
const SECONDS: Field[] = ['startup', 'postStart', 'preStop', 'pull'];
const NULLABLE_SECONDS: Field[] = ['run', 'unhealthyAfter'];
const EXIT_CODES: Field[] = ['exitCode', 'stopExitCode'];
const FLAGS: Field[] = ['oom', 'postStartFails', 'preStopFails'];
/** What the process writes: the termination-message file, and its log. */
const TEXTS: Field[] = ['message', 'logs'];
const FIELDS = [...NULLABLE_SECONDS, ...EXIT_CODES, ...FLAGS, ...SECONDS, 'stop', 'pullFailures', ...TEXTS, 'startError', 'probes', 'attempts'];
/** runc's reasons are one line, and a short one. */
const MAX_START_ERROR = 500;
const PROBE_KINDS: ProbeKind[] = ['startup', 'readiness', 'liveness'];
const ANSWER_FIELDS: (keyof ProbeAnswers)[] = ['startup', 'unhealthyAfter', 'redirect'];

function checkSeconds(issues: IssueList, path: PathSegment[], value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.add(path, `must be a number of seconds${notA(value)}`);
    return false;
  }
  if (value < 0 || value > MAX_SECONDS) {
    issues.add(path, `must be between 0 and ${MAX_SECONDS} seconds`);
    return false;
  }
  return true;
}

function readRunFields(raw: Record<string, unknown>, path: PathSegment[], issues: IssueList, allowAttempts: boolean): Partial<RunBehavior> {
  const out: Partial<Record<Field, unknown>> = {};
  for (const [key, value] of Object.entries(raw)) {
    const p = [...path, key];
    if (!FIELDS.includes(key) || (key === 'attempts' && !allowAttempts)) {
      const valid = FIELDS.filter((f) => allowAttempts || f !== 'attempts');
      issues.add(p, `unknown behaviour field "${key}"; the fields are: ${valid.join(', ')}`);
      continue;
    }
    const field = key as Field | 'attempts';
    if (field === 'attempts') continue;
    if (NULLABLE_SECONDS.includes(field)) {
      if (value === null || checkSeconds(issues, p, value)) out[field] = value;
    } else if (SECONDS.includes(field)) {
      if (checkSeconds(issues, p, value)) out[field] = value;
    } else if (EXIT_CODES.includes(field)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 255) {
        issues.add(p, `must be an exit code, a whole number from 0 to 255${notA(value)}`);
      } else out[field] = value;
    } else if (TEXTS.includes(field)) {
      if (typeof value !== 'string') issues.add(p, `must be a string (what the process ${field === 'logs' ? 'prints' : 'writes to its termination-message file'})${notA(value)}`);
      else if (value.length > MAX_TEXT) issues.add(p, `must be at most ${MAX_TEXT} characters (is ${value.length})`);
      else out[field] = value;
    } else if (FLAGS.includes(field)) {
      if (typeof value !== 'boolean') issues.add(p, `must be true or false${notA(value)}`);
      else out[field] = value;
    } else if (field === 'stop') {
      if (value === 'ignore' || checkSeconds(issues, p, value)) out.stop = value;
      else if (typeof value === 'string') issues.add(p, 'must be a number of seconds or "ignore"');
    } else if (field === 'startError') {
      if (typeof value !== 'string') {
        issues.add(p, `must be a string: why the runtime cannot start the process, such as exec: "app": executable file not found in $PATH${notA(value)}`);
      } else if (value.includes('\n')) issues.add(p, 'must be one line, as the runtime gives its reason');
      else if (value.length > MAX_START_ERROR) issues.add(p, `must be at most ${MAX_START_ERROR} characters (is ${value.length})`);
      else out.startError = value;
    } else if (field === 'probes') {
      out.probes = readProbeAnswers(value, p, issues);
    } else if (field === 'pullFailures') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1000) {
        issues.add(p, `must be a whole number from 0 to 1000${notA(value)}`);
      } else out.pullFailures = value;
    }
  }
  return out as Partial<RunBehavior>;
}

/**
 * `probes: {readiness: {unhealthyAfter: 60}, …}`: each probe's own answers over the container's,
 * its window and where an HTTP probe is redirected.
 */
function readProbeAnswers(value: unknown, path: PathSegment[], issues: IssueList): RunBehavior['probes'] {
  const out: RunBehavior['probes'] = {};
  if (!isRecord(value)) {
    issues.add(path, `must be a mapping from probe (${PROBE_KINDS.join(', ')}) to {${ANSWER_FIELDS.join(', ')}}${notA(value)}`);
    return out;
  }
  for (const [kind, raw] of Object.entries(value)) {
    const p = [...path, kind];
    if (!PROBE_KINDS.includes(kind as ProbeKind)) {
      issues.add(p, `unknown probe "${kind}"; the probes are: ${PROBE_KINDS.join(', ')}`);
      continue;
    }
    if (!isRecord(raw)) {
      issues.add(p, `must be a mapping with startup and/or unhealthyAfter (seconds), or redirect (a URL)${notA(raw)}`);
      continue;
    }
    const answers: ProbeAnswers = {};
    for (const [key, field] of Object.entries(raw)) {
      if (key === 'startup' && checkSeconds(issues, [...p, key], field)) answers.startup = field;
      else if (key === 'unhealthyAfter' && (field === null || checkSeconds(issues, [...p, key], field))) answers.unhealthyAfter = field;
      else if (key === 'redirect' && checkRedirect(issues, [...p, key], field)) answers.redirect = field;
      else if (!ANSWER_FIELDS.includes(key as keyof ProbeAnswers)) {
        issues.add([...p, key], `unknown field "${key}" of a probe's answers; the fields are: ${ANSWER_FIELDS.join(', ')}`);
      }
    }
    out[kind as ProbeKind] = answers;
  }
  return out;
}

/** A redirect the kubelet does not follow: one to another host (pkg/probe/http RedirectChecker). */
function checkRedirect(issues: IssueList, path: PathSegment[], value: unknown): value is string {
  if (typeof value !== 'string' || !/^([a-z][a-z0-9+.-]*:)?\/\/[^/?#]/i.test(value)) {
    issues.add(
      path,
      `must be a URL on another host, such as http://example.com/login${notA(value)}: the kubelet follows a redirect on the same host, so such a probe gets that path's answer (give it a window instead)`,
    );
    return false;
  }
  return true;
}

export function readBehaviors(
  value: unknown,
  containerNames: readonly string[],
  issues: IssueList,
): Map<string, Behavior> {
  const result = new Map<string, Behavior>();
  if (value === undefined || value === null) return result;
  if (!isRecord(value)) {
    issues.add([], `must be a mapping from container name to behaviour${notA(value)}`);
    return result;
  }
  for (const [name, raw] of Object.entries(value)) {
    if (!containerNames.includes(name)) {
      issues.add([name], `no container named "${name}" in the pod (containers: ${containerNames.join(', ') || 'none'})`);
      continue;
    }
    if (raw === null) continue;
    if (!isRecord(raw)) {
      issues.add([name], `must be a mapping of behaviour fields${notA(raw)}`);
      continue;
    }
    const base = readRunFields(raw, [name], issues, true);
    const attempts: Partial<RunBehavior>[] = [];
    if (raw.attempts !== undefined) {
      if (!Array.isArray(raw.attempts)) issues.add([name, 'attempts'], `must be a list of behaviours${notA(raw.attempts)}`);
      else if (raw.attempts.length > MAX_ATTEMPTS) issues.add([name, 'attempts'], `may hold at most ${MAX_ATTEMPTS} entries`);
      else {
        raw.attempts.forEach((attempt, i) => {
          if (attempt === null) return attempts.push({});
          if (!isRecord(attempt)) return issues.add([name, 'attempts', i], `must be a mapping of behaviour fields${notA(attempt)}`);
          attempts.push(readRunFields(attempt, [name, 'attempts', i], issues, false));
        });
      }
    }
    result.set(name, { ...DEFAULT_BEHAVIOR, ...base, attempts });
  }
  return result;
}

/**
 * Reads what a Job (or a CronJob's job template) says about its pods: the restart policy, the
 * limits, the deadline and the pod failure policy, checked as the API server checks them
 * (pkg/apis/batch/validation/validation.go validateJobSpec). What Kubernetes would refuse is
 * told as a warning at its line and left out of the verdict.
 */
import type { YAMLMap } from 'yaml';
import { formatPath, type PathSegment } from './issues';
import type { JobTerms } from './job-outcome';
import { readPodFailurePolicy } from './pod-failure-policy';
import type { ImportNotice } from './workload-import';
import { isRecord } from './value-checks';

/** backoffLimit's default when backoffLimitPerIndex is set (pkg/apis/batch/v1/defaults.go): MaxInt32. */
const NO_BACKOFF_LIMIT = 2 ** 31 - 1;

export function jobTerms(
  object: YAMLMap,
  kind: 'Job' | 'CronJob',
  name: string,
  template: YAMLMap,
  index: number,
  lineOf: (node: unknown) => number | undefined,
  notices: ImportNotice[],
): JobTerms {
  const specPath = kind === 'Job' ? ['spec'] : ['spec', 'jobTemplate', 'spec'];
  const jobSpec = object.getIn(specPath);
  const spec = (jobSpec && typeof jobSpec === 'object' && 'toJSON' in jobSpec ? (jobSpec as YAMLMap).toJSON() : {}) as Record<string, unknown>;
  /** The line of the field at `path` under the Job's spec, or of its nearest parent that is there. */
  const lineAt = (path: readonly PathSegment[]): number | undefined => {
    for (let end = path.length; end >= 0; end--) {
      const line = lineOf(object.getIn([...specPath, ...path.slice(0, end)], true));
      if (line !== undefined) return line;
    }
    return lineOf(object);
  };
  const refused = (path: readonly PathSegment[], message: string, consequence: string) =>
    notices.push({ level: 'warning', message: `${formatPath([...specPath, ...path])}: ${message} (Kubernetes rejects this ${kind}; ${consequence}).`, document: index, line: lineAt(path) });

  const declared = template.getIn(['spec', 'restartPolicy']);
  let restartPolicy: 'Never' | 'OnFailure' = 'Never';
  if (declared === 'Never' || declared === 'OnFailure') {
    restartPolicy = declared;
  } else {
    notices.push({
      level: 'warning',
      message: `A Job's pod template must set restartPolicy Never or OnFailure (Kubernetes rejects ${declared === undefined ? 'it unset' : `"${String(declared)}"`}); Podlab uses Never, as a Job does after a failed pod.`,
      document: index,
      line: lineOf(template.getIn(['spec', 'restartPolicy'], true)) ?? lineOf(template),
    });
  }
  const number = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
  const indexed = spec.completionMode === 'Indexed';
  let backoffLimitPerIndex = number(spec.backoffLimitPerIndex);
  let maxFailedIndexes = number(spec.maxFailedIndexes);
  for (const [field, value] of [['backoffLimitPerIndex', backoffLimitPerIndex], ['maxFailedIndexes', maxFailedIndexes]] as const) {
    if (value !== undefined && !indexed) refused([field], `Invalid value: ${value}: requires indexed completion mode`, `Podlab leaves ${field} out`);
  }
  if (!indexed) backoffLimitPerIndex = maxFailedIndexes = undefined;

  const terms: JobTerms = {
    kind,
    name,
    restartPolicy,
    backoffLimit: number(spec.backoffLimit) ?? (backoffLimitPerIndex === undefined ? 6 : NO_BACKOFF_LIMIT),
    completions: number(spec.completions) ?? 1,
  };
  if (typeof spec.activeDeadlineSeconds === 'number') terms.activeDeadlineSeconds = spec.activeDeadlineSeconds;
  if (backoffLimitPerIndex !== undefined) terms.backoffLimitPerIndex = backoffLimitPerIndex;
  if (maxFailedIndexes !== undefined) terms.maxFailedIndexes = maxFailedIndexes;
  if (spec.suspend === true) terms.suspended = true;
  if (spec.podFailurePolicy !== undefined) readPolicy(spec, template, terms, refused);

  const rules = terms.podFailurePolicy?.length;
  const told = [
    `restartPolicy ${restartPolicy}`,
    backoffLimitPerIndex === undefined ? `backoffLimit ${terms.backoffLimit}` : `backoffLimitPerIndex ${backoffLimitPerIndex}`,
    terms.activeDeadlineSeconds === undefined ? '' : `activeDeadlineSeconds ${terms.activeDeadlineSeconds}`,
    rules === undefined ? '' : `a podFailurePolicy of ${rules} ${rules === 1 ? 'rule' : 'rules'}`,
  ].filter(Boolean);
  notices.push({ level: 'info', message: `The pod follows the Job's rules: ${told.join(', ')}. Play it to see whether the Job completes.`, document: index });
  return terms;
}

/** Puts the pod failure policy's rules in `terms`, unless Kubernetes would refuse them. */
function readPolicy(
  spec: Record<string, unknown>,
  template: YAMLMap,
  terms: JobTerms,
  refused: (path: readonly PathSegment[], message: string, consequence: string) => void,
): void {
  const consequence = 'Podlab judges it without its podFailurePolicy';
  const podSpec = template.toJSON()?.spec;
  const names = (field: string) => (isRecord(podSpec) && Array.isArray(podSpec[field]) ? podSpec[field] : []).flatMap((c: unknown) => (isRecord(c) && typeof c.name === 'string' ? [c.name] : []));
  const read = readPodFailurePolicy(spec.podFailurePolicy, ['podFailurePolicy'], {
    containerNames: new Set([...names('containers'), ...names('initContainers')]),
    backoffLimitPerIndex: spec.backoffLimitPerIndex !== undefined,
  });
  if ('issues' in read) {
    for (const issue of read.issues.items) refused(issue.path, issue.message, consequence);
    return;
  }
  if (terms.restartPolicy !== 'Never') {
    refused(['template', 'spec', 'restartPolicy'], `Invalid value: "${terms.restartPolicy}": only "Never" is supported when podFailurePolicy is specified`, consequence);
    return;
  }
  terms.podFailurePolicy = read.rules;
}

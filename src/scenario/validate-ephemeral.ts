/** spec.ephemeralContainers, as the API server checks those `kubectl debug` adds to a pod. */
import type { IssueList, PathSegment } from './issues';
import { isRecord, notA, type Json } from './value-checks';

/**
 * Fields of a Container that an EphemeralContainer may not set: it "should not be relied upon for
 * fundamental pod services" (validation.go allowedEphemeralContainerFields).
 */
const NOT_EPHEMERAL = ['ports', 'resources', 'lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe', 'restartPolicy', 'restartPolicyRules', 'resizePolicy'];

/** Go's zero value, as validateFieldAllowList's reflect IsZero sees it in the decoded field. */
function isZero(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.values(value).every(isZero);
}

/**
 * validation.go validateEphemeralContainers: names unique across every container, a
 * targetContainerName that names an init or regular container, none of NOT_EPHEMERAL, no subPath;
 * `validateAllowed` checks the rest of each as any container's fields.
 */
export function validateEphemeralContainers(
  list: unknown,
  others: Set<string>,
  issues: IssueList,
  validateAllowed: (allowed: Json, path: PathSegment[]) => void,
): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) return issues.add(['spec', 'ephemeralContainers'], `must be a list of ephemeral containers${notA(list)}`);
  const names = new Set(others);
  list.forEach((container, i) => {
    const path: PathSegment[] = ['spec', 'ephemeralContainers', i];
    if (!isRecord(container)) return issues.add(path, `must be an ephemeral container (a mapping)${notA(container)}`);
    if (typeof container.name === 'string') {
      if (names.has(container.name)) issues.add([...path, 'name'], `Duplicate value: "${container.name}"`);
      names.add(container.name);
    }
    const allowed: Json = {};
    for (const [key, value] of Object.entries(container)) {
      // Only a value that is set counts: `kubectl get pod -o yaml` shows an empty `resources: {}`.
      if (NOT_EPHEMERAL.includes(key) && !isZero(value)) issues.add([...path, key], 'Forbidden: cannot be set for an Ephemeral Container');
      else if (!NOT_EPHEMERAL.includes(key)) allowed[key] = value;
    }
    const target = container.targetContainerName;
    if (target !== undefined && (typeof target !== 'string' || !others.has(target))) {
      issues.add([...path, 'targetContainerName'], `Not found: ${JSON.stringify(target)}: it must name an init or regular container of the pod`);
    }
    validateAllowed(allowed, path);
    if (Array.isArray(container.volumeMounts)) {
      container.volumeMounts.forEach((m, j) => {
        for (const key of ['subPath', 'subPathExpr']) {
          if (isRecord(m) && m[key] !== undefined) issues.add([...path, 'volumeMounts', j, key], 'Forbidden: cannot be set for an Ephemeral Container');
        }
      });
    }
  });
}

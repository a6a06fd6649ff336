/**
 * The `podlab.dev/missing` annotation: the ConfigMaps and Secrets the pod uses that do not exist
 * when it is created, as `configmap/NAME` or `secret/NAME`: read by a container's env or envFrom
 * (its config fails), or mounted as a volume (the pod's volumes fail to mount).
 */
import type { IssueList } from './issues';
import type { ObjectUses } from './to-model';
import { notA } from './value-checks';

const OBJECT = /^(configmap|secret)\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

export function readMissingObjects(value: unknown, uses: ObjectUses, issues: IssueList): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add([], `must be a list such as [configmap/app-config, secret/db-password]${notA(value)}`);
    return [];
  }
  const missing: string[] = [];
  value.forEach((object, i) => {
    if (typeof object !== 'string' || !OBJECT.test(object)) {
      issues.add([i], `must be configmap/NAME or secret/NAME, NAME a lowercase DNS name${notA(object)}`);
    } else if (missing.includes(object)) {
      issues.add([i], `${object} is listed twice`);
    } else if (uses.read.includes(object) || uses.mounted.includes(object)) {
      missing.push(object);
    } else {
      const used = [...new Set([...uses.read, ...uses.mounted])];
      issues.add([i], `the pod does not use ${object}: no env valueFrom or envFrom reads it, and no mounted volume (not optional) holds it${used.length > 0 ? `; it uses: ${used.join(', ')}` : ''}`);
    }
  });
  return missing;
}

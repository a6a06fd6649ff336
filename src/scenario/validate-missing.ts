/**
 * The `podlab.dev/missing` annotation: the ConfigMaps and Secrets the pod's containers read that
 * do not exist when it is created, as `configmap/NAME` or `secret/NAME`. Podlab plays them where
 * the kubelet reads them to make a container's config (env and envFrom), not as volumes.
 */
import type { IssueList } from './issues';
import { notA } from './value-checks';

/** What the pod reads of each object: through a container's environment, or as a volume. */
export interface ObjectUses {
  read: readonly string[];
  volumes: readonly string[];
}

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
    } else if (uses.read.includes(object)) {
      missing.push(object);
    } else if (uses.volumes.includes(object)) {
      issues.add([i], `${object} is only a volume of the pod: Podlab plays a missing ConfigMap or Secret that a container's env or envFrom reads, not a volume (its pod would wait in ContainerCreating, FailedMount)`);
    } else {
      issues.add([i], `no container of the pod reads ${object} (env valueFrom or envFrom)${uses.read.length > 0 ? `; they read: ${uses.read.join(', ')}` : ''}`);
    }
  });
  return missing;
}

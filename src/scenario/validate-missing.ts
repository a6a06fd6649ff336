/**
 * The `podlab.dev/missing` annotation: what the pod uses that does not exist when it is created.
 * `configmap/NAME` or `secret/NAME`: an object read by a container's env or envFrom (its config
 * fails) or mounted as a volume (the pod's volumes fail to mount). `configmap/NAME/KEY`: a key the
 * object lacks, read by an env variable or named by a volume's items.
 */
import type { IssueList } from './issues';
import type { ObjectUses } from './to-model';
import { notA } from './value-checks';

const ENTRY = /^(configmap|secret)\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?(\/[-._a-zA-Z0-9]+)?$/;

export function readMissingObjects(value: unknown, uses: ObjectUses, issues: IssueList): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.add([], `must be a list such as [configmap/app-config, secret/db/password]${notA(value)}`);
    return [];
  }
  const missing: string[] = [];
  value.forEach((entry, i) => {
    if (typeof entry !== 'string' || !ENTRY.test(entry)) {
      issues.add([i], `must be configmap/NAME or secret/NAME (NAME a lowercase DNS name), or one of their keys, configmap/NAME/KEY${notA(entry)}`);
    } else if (missing.includes(entry)) {
      issues.add([i], `${entry} is listed twice`);
    } else if (entry.split('/').length > 2 ? uses.keys.includes(entry) : uses.read.includes(entry) || uses.mounted.includes(entry)) {
      missing.push(entry);
    } else {
      issues.add([i], unusedWords(entry, uses));
    }
  });
  // A key of a missing object goes with it: listing both is a slip.
  for (const entry of missing) {
    const object = objectOf(entry);
    if (object !== entry && missing.includes(object)) issues.add([value.indexOf(entry)], `${object} is missing altogether: leave its key ${entry.split('/')[2]} out`);
  }
  return missing;
}

/** The object an entry names: itself, or, for a key (`configmap/NAME/KEY`), the object it belongs to. */
export const objectOf = (entry: string): string => entry.split('/').slice(0, 2).join('/');

function unusedWords(entry: string, uses: ObjectUses): string {
  if (entry.split('/').length > 2) {
    return `the pod reads no key ${entry}: no env valueFrom key reference nor volume item names it${uses.keys.length > 0 ? `; it reads: ${uses.keys.join(', ')}` : ''}`;
  }
  const used = [...new Set([...uses.read, ...uses.mounted])];
  return `the pod does not use ${entry}: no env valueFrom or envFrom reads it, and no mounted volume (not optional) holds it${used.length > 0 ? `; it uses: ${used.join(', ')}` : ''}`;
}

/** Small predicates over untrusted parsed YAML values. */
import type { IssueList, PathSegment } from './issues';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The mappings in a list (a spec's containers, say), past anything else; none when it is no list. */
export function recordsIn(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The mapping at a path of keys (`c.resources.limits`), or an empty one where there is none. */
export function mappingAt(value: unknown, ...keys: string[]): Json {
  let at = value;
  for (const key of keys) at = isRecord(at) ? at[key] : undefined;
  return isRecord(at) ? at : {};
}

/** How a message ends that says what a value should have been: "…, not a list", or "…; it is missing". */
export function notA(value: unknown): string {
  return value === undefined ? '; it is missing' : `, not ${typeName(value)}`;
}

export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** An optional integer field within [min, max]; reports wrong types and ranges. */
export function checkInt(
  issues: IssueList,
  path: PathSegment[],
  value: unknown,
  min: number,
  max: number = 2 ** 31 - 1,
): value is number | undefined {
  if (value === undefined) return true;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.add(path, `must be a whole number${notA(value)}`);
    return false;
  }
  if (value < min) issues.add(path, `must be greater than or equal to ${min}`);
  else if (value > max) issues.add(path, `must be less than or equal to ${max}`);
  else return true;
  return false;
}

export function checkEnum(issues: IssueList, path: PathSegment[], value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    issues.add(path, `Unsupported value: ${JSON.stringify(value)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
}

export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function checkDnsLabel(issues: IssueList, path: PathSegment[], value: unknown): void {
  if (value === undefined || value === '') return issues.add(path, 'Required value');
  if (typeof value !== 'string') return issues.add(path, `must be a string${notA(value)}`);
  if (value.length > 63) return issues.add(path, `must be no more than 63 characters (is ${value.length})`);
  if (!DNS1123_LABEL.test(value)) {
    issues.add(
      path,
      `Invalid value: ${JSON.stringify(value)}: a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name')`,
    );
  }
}

export function checkDnsSubdomain(issues: IssueList, path: PathSegment[], value: unknown): void {
  if (value === undefined || value === '') return issues.add(path, 'Required value');
  if (typeof value !== 'string') return issues.add(path, `must be a string${notA(value)}`);
  if (value.length > 253 || !DNS1123_SUBDOMAIN.test(value)) {
    issues.add(
      path,
      `Invalid value: ${JSON.stringify(value)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')`,
    );
  }
}

/** IANA_SVC_NAME: ≤15 chars, lowercase alphanumerics and '-', at least one letter, no '--', no leading/trailing '-'. */
export function isIanaSvcName(value: string): boolean {
  return (
    value.length > 0 &&
    value.length <= 15 &&
    /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(value) &&
    /[a-z]/.test(value) &&
    !value.includes('--')
  );
}

const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** validation.IsQualifiedName: an optional DNS subdomain prefix and '/', then a name of up to 63 characters. */
export function isQualifiedName(value: unknown): boolean {
  return typeof value === 'string' && QUALIFIED_NAME.test(value) && value.split('/').at(-1)!.length <= 63;
}

/**
 * A Job's `spec.podFailurePolicy`: read and checked as the API server checks it
 * (pkg/apis/batch/validation/validation.go validatePodFailurePolicy), and matched against a failed
 * pod as the Job controller matches it (pkg/controller/job/pod_failure_policy.go
 * matchPodFailurePolicy).
 */
import { IssueList, type PathSegment } from './issues';
import { isQualifiedName, isRecord, notA } from './value-checks';

export type PodFailurePolicyAction = 'Count' | 'FailIndex' | 'FailJob' | 'Ignore';

export interface PodFailurePolicyRule {
  action: PodFailurePolicyAction;
  onExitCodes?: { containerName?: string; operator: 'In' | 'NotIn'; values: number[] };
  onPodConditions?: { type: string; status: 'True' | 'False' | 'Unknown' }[];
}

/** What the Job's spec says that bears on the policy. */
export interface PolicyContext {
  /** The names of the template's containers and init containers. */
  containerNames: ReadonlySet<string>;
  backoffLimitPerIndex: boolean;
}

const ACTIONS: readonly PodFailurePolicyAction[] = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const OPERATORS = ['In', 'NotIn'] as const;
const CONDITION_STATUSES = ['False', 'True', 'Unknown'] as const;
const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const MAX_CONDITION_PATTERNS = 20;

const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/**
 * The policy's rules, or the API server's complaints about it (paths from `path`, the policy's
 * own place in the Job). A policy with any complaint is not returned: Kubernetes refuses the Job.
 */
export function readPodFailurePolicy(value: unknown, path: PathSegment[], context: PolicyContext): { rules: PodFailurePolicyRule[] } | { issues: IssueList } {
  const issues = new IssueList();
  const rulesPath = [...path, 'rules'];
  const rules = isRecord(value) ? value.rules : undefined;
  if (!isRecord(value)) issues.add(path, `must be a mapping${notA(value)}`);
  else if (!Array.isArray(rules)) issues.add(rulesPath, rules === undefined ? 'Required value' : `must be a list${notA(rules)}`);
  else {
    if (rules.length > MAX_RULES) issues.add(rulesPath, `Too many: ${rules.length}: must have at most ${MAX_RULES} items`);
    rules.forEach((rule, i) => checkRule(rule, [...rulesPath, i], context, issues));
  }
  return issues.length > 0 ? { issues } : { rules: (rules as PodFailurePolicyRule[]).map(withDefaults) };
}

function withDefaults(rule: PodFailurePolicyRule): PodFailurePolicyRule {
  if (!rule.onPodConditions) return rule;
  return { ...rule, onPodConditions: rule.onPodConditions.map((pattern) => ({ ...pattern, status: pattern.status || 'True' })) };
}

function checkRule(rule: unknown, path: PathSegment[], context: PolicyContext, issues: IssueList): void {
  if (!isRecord(rule)) return issues.add(path, `must be a mapping${notA(rule)}`);
  const { action, onExitCodes, onPodConditions } = rule;
  if (action === undefined || action === '') issues.add([...path, 'action'], `Required value: valid values: [${list(ACTIONS)}]`);
  else if (action === 'FailIndex') {
    if (!context.backoffLimitPerIndex) issues.add([...path, 'action'], 'Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set');
  } else if (typeof action !== 'string' || !ACTIONS.includes(action as PodFailurePolicyAction)) {
    issues.add([...path, 'action'], `Unsupported value: ${JSON.stringify(action)}: supported values: ${list(ACTIONS)}`);
  }
  const hasConditions = Array.isArray(onPodConditions) ? onPodConditions.length > 0 : onPodConditions !== undefined;
  if (onExitCodes !== undefined) checkExitCodes(onExitCodes, [...path, 'onExitCodes'], context, issues);
  if (hasConditions) checkConditions(onPodConditions, [...path, 'onPodConditions'], issues);
  if (onExitCodes !== undefined && hasConditions) issues.add(path, 'Invalid value: specifying both OnExitCodes and OnPodConditions is not supported');
  if (onExitCodes === undefined && !hasConditions) issues.add(path, 'Invalid value: specifying one of OnExitCodes and OnPodConditions is required');
}

function checkExitCodes(requirement: unknown, path: PathSegment[], context: PolicyContext, issues: IssueList): void {
  if (!isRecord(requirement)) return issues.add(path, `must be a mapping${notA(requirement)}`);
  const { operator, containerName, values } = requirement;
  if (operator === undefined || operator === '') issues.add([...path, 'operator'], `Required value: valid values: [${list(OPERATORS)}]`);
  else if (!OPERATORS.includes(operator as (typeof OPERATORS)[number])) {
    issues.add([...path, 'operator'], `Unsupported value: ${JSON.stringify(operator)}: supported values: ${list(OPERATORS)}`);
  }
  if (containerName !== undefined && !(typeof containerName === 'string' && context.containerNames.has(containerName))) {
    issues.add([...path, 'containerName'], `Invalid value: ${JSON.stringify(containerName)}: must be one of the container or initContainer names in the pod template`);
  }
  const valuesPath = [...path, 'values'];
  if (values !== undefined && !Array.isArray(values)) return issues.add(valuesPath, `must be a list${notA(values)}`);
  const codes = (values ?? []) as unknown[];
  if (codes.length === 0) issues.add(valuesPath, 'Invalid value: []: at least one value is required');
  else if (codes.length > MAX_EXIT_CODES) issues.add(valuesPath, `Too many: ${codes.length}: must have at most ${MAX_EXIT_CODES} items`);
  const seen = new Set<number>();
  let ordered = true;
  codes.forEach((code, j) => {
    if (typeof code !== 'number' || !Number.isInteger(code) || code < -(2 ** 31) || code >= 2 ** 31) {
      return issues.add([...valuesPath, j], `must be a 32-bit whole number${notA(code)}`);
    }
    if (operator === 'In' && code === 0) issues.add([...valuesPath, j], 'Invalid value: 0: must not be 0 for the In operator');
    if (seen.has(code)) issues.add([...valuesPath, j], `Duplicate value: ${code}`);
    seen.add(code);
    const previous = codes[j - 1];
    if (typeof previous === 'number' && previous > code) ordered = false;
  });
  if (!ordered) issues.add(valuesPath, `Invalid value: [${codes.join(', ')}]: must be ordered`);
}

function checkConditions(patterns: unknown, path: PathSegment[], issues: IssueList): void {
  if (!Array.isArray(patterns)) return issues.add(path, `must be a list${notA(patterns)}`);
  if (patterns.length > MAX_CONDITION_PATTERNS) issues.add(path, `Too many: ${patterns.length}: must have at most ${MAX_CONDITION_PATTERNS} items`);
  patterns.forEach((pattern, j) => {
    if (!isRecord(pattern)) return issues.add([...path, j], `must be a mapping${notA(pattern)}`);
    const { type, status } = pattern;
    if (type === undefined || type === '') issues.add([...path, j, 'type'], 'Invalid value: "": name part must be non-empty');
    else if (!isQualifiedName(type)) {
      issues.add([...path, j, 'type'], `Invalid value: ${JSON.stringify(type)}: must be a qualified name (e.g. 'DisruptionTarget' or 'example.com/MyCondition')`);
    }
    // An empty status is defaulted to True (pkg/apis/batch/v1/defaults.go) before validation.
    if (status !== undefined && status !== '' && !CONDITION_STATUSES.includes(status as (typeof CONDITION_STATUSES)[number])) {
      issues.add([...path, j, 'status'], `Unsupported value: ${JSON.stringify(status)}: supported values: ${list(CONDITION_STATUSES)}`);
    }
  });
}

interface StatusOfContainer {
  name: string;
  state: { terminated?: { exitCode: number } };
}

/** What the Job controller reads of a failed pod. */
export interface FailedPod {
  namespace: string;
  name: string;
  /** In the API's order: regular containers sorted by name. */
  containerStatuses: readonly StatusOfContainer[];
  initContainerStatuses: readonly StatusOfContainer[];
  conditions: readonly { type: string; status: string }[];
}

export interface PolicyMatch {
  action: PodFailurePolicyAction;
  /** The rule's index in the policy. */
  index: number;
  /** Whether the failure counts towards backoffLimit (and backoffLimitPerIndex): all but Ignore. */
  counts: boolean;
  /** What matched: a container's exit code, or a condition of the pod (a disruption, say). */
  on: 'exitCodes' | 'podConditions';
  /** Why it matched, as the Job controller's FailJob message says it. */
  message: string;
}

/** The first rule the failed pod matches, or null (the default handling: the failure counts). */
export function matchPodFailurePolicy(rules: readonly PodFailurePolicyRule[], pod: FailedPod): PolicyMatch | null {
  for (const [index, rule] of rules.entries()) {
    // An action the controller does not know skips the rule (validation refuses it before).
    if (!ACTIONS.includes(rule.action)) continue;
    let message: string | null = null;
    const on = rule.onExitCodes ? 'exitCodes' : 'podConditions';
    if (rule.onExitCodes) {
      const container = matchOnExitCodes(pod, rule.onExitCodes);
      if (container) {
        message = `Container ${container.name} for pod ${pod.namespace}/${pod.name} failed with exit code ${container.state.terminated!.exitCode} matching ${rule.action} rule at index ${index}`;
      }
    } else if (rule.onPodConditions) {
      const condition = pod.conditions.find((c) => rule.onPodConditions!.some((p) => p.type === c.type && p.status === c.status));
      if (condition) message = `Pod ${pod.namespace}/${pod.name} has condition ${condition.type} matching ${rule.action} rule at index ${index}`;
    }
    if (message !== null) return { action: rule.action, index, counts: rule.action !== 'Ignore', on, message };
  }
  return null;
}

/** The first terminated container, regular ones first, with a non-zero exit code the requirement takes. */
function matchOnExitCodes(pod: FailedPod, requirement: NonNullable<PodFailurePolicyRule['onExitCodes']>): StatusOfContainer | undefined {
  const matches = (status: StatusOfContainer) => {
    const exitCode = status.state.terminated?.exitCode;
    if (exitCode === undefined || exitCode === 0) return false;
    if (requirement.containerName !== undefined && requirement.containerName !== status.name) return false;
    if (requirement.operator === 'In') return requirement.values.includes(exitCode);
    return requirement.operator === 'NotIn' && !requirement.values.includes(exitCode);
  };
  return pod.containerStatuses.find(matches) ?? pod.initContainerStatuses.find(matches);
}

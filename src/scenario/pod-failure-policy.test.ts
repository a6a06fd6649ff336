import { describe, expect, it } from 'vitest';
import { formatPath } from './issues';
import { matchPodFailurePolicy, readPodFailurePolicy, type FailedPod, type PodFailurePolicyRule } from './pod-failure-policy';

// The cases of Kubernetes' own TestMatchPodFailurePolicy (pkg/controller/job/pod_failure_policy_test.go).
describe('matchPodFailurePolicy', () => {
  const exited = (name: string, exitCode?: number) => ({ name, state: exitCode === undefined ? {} : { terminated: { exitCode } } });
  const pod = (containers: ReturnType<typeof exited>[], init: ReturnType<typeof exited>[] = [], conditions: FailedPod['conditions'] = []): FailedPod => ({
    namespace: 'default',
    name: 'mypod',
    containerStatuses: containers,
    initContainerStatuses: init,
    conditions,
  });
  const onExit = (action: string, operator: string, values: number[], containerName?: string) =>
    ({ action, onExitCodes: { operator, values, ...(containerName ? { containerName } : {}) } }) as PodFailurePolicyRule;
  const onCondition = (action: string, status: string) => ({ action, onPodConditions: [{ type: 'DisruptionTarget', status }] }) as PodFailurePolicyRule;
  const disrupted = (status: string) => pod([], [], [{ type: 'DisruptionTarget', status }]);

  it('skips a rule with an unknown action or operator', () => {
    expect(matchPodFailurePolicy([onExit('UnknownAction', 'In', [1, 2]), onExit('FailJob', 'In', [2, 3])], pod([exited('main-container', 2)]))).toEqual({
      action: 'FailJob',
      index: 1,
      counts: true,
      on: 'exitCodes',
      message: 'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1',
    });
    expect(matchPodFailurePolicy([onCondition('UnkonwnAction', 'True'), onCondition('Ignore', 'True')], disrupted('True'))).toMatchObject({ action: 'Ignore', index: 1, counts: false });
    expect(matchPodFailurePolicy([onExit('Ignore', 'UnknownOperator', [1, 2]), onExit('FailJob', 'In', [2, 3])], pod([exited('main-container', 2)]))).toMatchObject({ action: 'FailJob', index: 1 });
  });

  it('matches Ignore, FailJob, FailIndex and Count rules on exit codes, negative ones too', () => {
    expect(matchPodFailurePolicy([onExit('Ignore', 'In', [1, 2, 3])], pod([exited('', 2)]))).toMatchObject({ action: 'Ignore', counts: false });
    expect(matchPodFailurePolicy([onExit('Ignore', 'In', [-1073741676, -1073741510])], pod([exited('', -1073741510)]))).toMatchObject({ action: 'Ignore' });
    expect(matchPodFailurePolicy([onExit('FailJob', 'In', [1, 2, 3])], pod([exited('main-container', 2)]))?.message).toBe(
      'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 0',
    );
    expect(matchPodFailurePolicy([onExit('FailIndex', 'In', [1, 2, 3])], pod([exited('', 2)]))).toMatchObject({ action: 'FailIndex', counts: true });
    expect(matchPodFailurePolicy([onExit('Count', 'In', [1, 2, 3])], pod([exited('foo'), exited('bar', 2)]))).toMatchObject({ action: 'Count', counts: true });
    expect(matchPodFailurePolicy([onExit('Count', 'In', [1, 2, 3]), onExit('FailJob', 'In', [4, 5, 6])], pod([exited('main-container', 6)]))).toMatchObject({ action: 'FailJob', index: 1 });
  });

  it('never matches a container that exited 0', () => {
    const failed = pod([exited('main-container', 111), exited('suppport-container', 0)], [exited('init-container', 0)]);
    expect(matchPodFailurePolicy([onExit('FailJob', 'NotIn', [111])], failed)).toBeNull();
    expect(matchPodFailurePolicy([onExit('FailJob', 'NotIn', [0])], pod([exited('main-container', 1), exited('suppport-container', 0)]))?.message).toBe(
      'Container main-container for pod default/mypod failed with exit code 1 matching FailJob rule at index 0',
    );
  });

  it('reads regular containers first, then init containers, and keeps to a named container', () => {
    const failed = pod([exited('app', 3)], [exited('proxy', 137)]);
    expect(matchPodFailurePolicy([onExit('FailJob', 'NotIn', [3])], failed)?.message).toContain('Container proxy ');
    expect(matchPodFailurePolicy([onExit('FailJob', 'In', [3, 137])], failed)?.message).toContain('Container app ');
    expect(matchPodFailurePolicy([onExit('FailJob', 'In', [3, 137], 'proxy')], failed)?.message).toContain('exit code 137');
  });

  it('matches pod conditions by type and status', () => {
    expect(matchPodFailurePolicy([onCondition('FailIndex', 'True')], disrupted('True'))).toMatchObject({ action: 'FailIndex' });
    for (const status of ['True', 'False', 'Unknown']) expect(matchPodFailurePolicy([onCondition('Ignore', status)], disrupted(status))).toMatchObject({ action: 'Ignore' });
    expect(matchPodFailurePolicy([onCondition('Ignore', 'False')], disrupted('True'))).toBeNull();
    expect(matchPodFailurePolicy([onCondition('FailJob', 'True')], disrupted('True'))?.message).toBe('Pod default/mypod has condition DisruptionTarget matching FailJob rule at index 0');
  });

  it('counts the failure when there is no rule', () => {
    expect(matchPodFailurePolicy([], pod([exited('', 2)]))).toBeNull();
  });
});

// As the API server's validatePodFailurePolicy (pkg/apis/batch/validation/validation.go) says them.
describe('readPodFailurePolicy', () => {
  const context = { containerNames: new Set(['main', 'init']), backoffLimitPerIndex: false };
  const problems = (policy: unknown, backoffLimitPerIndex = false) => {
    const read = readPodFailurePolicy(policy, ['spec', 'podFailurePolicy'], { ...context, backoffLimitPerIndex });
    return 'issues' in read ? read.issues.items.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) : [];
  };

  it('takes the Kubernetes docs example, a pattern without status meaning True', () => {
    const failJob = { action: 'FailJob', onExitCodes: { containerName: 'main', operator: 'In', values: [42] } };
    const policy = { rules: [failJob, { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] };
    expect(readPodFailurePolicy(policy, [], context)).toEqual({ rules: [failJob, { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] });
  });

  it('names each problem at its field', () => {
    expect(problems({ rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [0, 3, 1, 3] } }] })).toEqual([
      'spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator',
      'spec.podFailurePolicy.rules[0].onExitCodes.values[3]: Duplicate value: 3',
      'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [0, 3, 1, 3]: must be ordered',
    ]);
    expect(problems({ rules: [{ action: 'Retry', onExitCodes: { operator: 'Equals', containerName: 'other', values: [] } }] })).toEqual([
      'spec.podFailurePolicy.rules[0].action: Unsupported value: "Retry": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
      'spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "Equals": supported values: "In", "NotIn"',
      'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "other": must be one of the container or initContainer names in the pod template',
      'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []: at least one value is required',
    ]);
    expect(problems({ rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'Yes' }] }] })).toEqual([
      'spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "Yes": supported values: "False", "True", "Unknown"',
    ]);
  });

  it('wants one requirement per rule, and FailIndex only with backoffLimitPerIndex', () => {
    expect(problems({ rules: [{ action: 'Count' }] })).toEqual(['spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required']);
    expect(problems({ rules: [{ action: 'Count', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'Ready', status: 'False' }] }] })).toEqual([
      'spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported',
    ]);
    const failIndex = { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } }] };
    expect(problems(failIndex)).toEqual(['spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set']);
    expect(problems(failIndex, true)).toEqual([]);
  });

  it('holds to the limits: 20 rules, 255 exit codes', () => {
    const rule = { action: 'Count', onExitCodes: { operator: 'NotIn', values: [1] } };
    expect(problems({ rules: Array.from({ length: 21 }, () => rule) })).toEqual(['spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items']);
    const values = Array.from({ length: 256 }, (_, i) => i + 1);
    expect(problems({ rules: [{ action: 'Count', onExitCodes: { operator: 'In', values } }] })).toEqual(['spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items']);
  });
});

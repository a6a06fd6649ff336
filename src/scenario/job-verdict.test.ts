import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine';
import { jobOutcome } from './job-outcome';
import { parseScenario } from './parse-scenario';
import { importWorkload } from './workload-import';

const POD_FAILURE_POLICY_JOB = readFileSync(new URL('./fixtures/job-pod-failure-policy.yaml', import.meta.url), 'utf8');

/** Imports a Job, plays its pod and judges the Job, with the import's notices. */
function judge(text: string) {
  const imported = importWorkload(text);
  if (!imported.ok || !imported.job) throw new Error(`no Job imported: ${JSON.stringify(imported.notices)}`);
  const scenario = parseScenario(imported.source);
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues));
  return { ...jobOutcome(simulate(scenario.model), imported.job), notices: imported.notices, job: imported.job };
}

/** A Job of one container `main` whose run is `behavior`, with `spec` lines added to the Job's spec. */
const job = (behavior: string, spec: string, restartPolicy = 'Never', annotations = '') => `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
${spec.replace(/^/gm, '  ')}
  template:
    metadata:
      annotations:
        podlab.dev/behavior: |
          main: ${behavior}${annotations}
    spec:
      restartPolicy: ${restartPolicy}
      containers:
        - {name: main, image: busybox:1.36}
`;

describe('a Job with a podFailurePolicy', () => {
  // kubernetes.io "Handling retriable and non-retriable pod failures with Pod failure policy".
  it('fails at once on the docs example: exit code 42 matches its FailJob rule', () => {
    const result = judge(POD_FAILURE_POLICY_JOB);
    expect(result.completes).toBe(false);
    expect(result.message).toBe(
      'The Job fails (PodFailurePolicy) as soon as its pod fails at 5 s: Container main for pod default/job-pod-failure-policy-example failed with exit code 42 matching FailJob rule at index 0. No more pods are created.',
    );
    expect(result.notices.map((n) => n.message)).toContain('The pod follows the Job\'s rules: restartPolicy Never, backoffLimit 6, a podFailurePolicy of 2 rules. Play it to see whether the Job completes.');
  });

  // test/e2e/apps/job.go [Conformance] "should allow to use the pod failure policy on exit code to fail the job early":
  // the Job's first pod exits 1, which its FailJob rule matches, and the Job fails.
  it('fails early on the upstream conformance Job, whose first pod exits 1', () => {
    const result = judge(job('{run: 1, exitCode: 1}', 'backoffLimit: 6\npodFailurePolicy:\n  rules: [{action: FailJob, onExitCodes: {operator: In, values: [1]}}]'));
    expect(result).toMatchObject({ completes: false, message: expect.stringContaining('The Job fails (PodFailurePolicy) as soon as its pod fails at 1 s: Container main') });
  });

  it('never completes when an Ignore rule matches every failure, until its deadline', () => {
    const rules = 'podFailurePolicy:\n  rules: [{action: Ignore, onExitCodes: {operator: In, values: [42]}}]';
    expect(judge(job('{run: 3, exitCode: 42}', rules)).message).toBe(
      'The Job never completes: its pod fails at 3 s, and the failure does not count towards backoffLimit (Container main for pod default/work failed with exit code 42 matching Ignore rule at index 0); the Job controller replaces the pod again and again, each failing the same way.',
    );
    expect(judge(job('{run: 3, exitCode: 42}', `${rules}\nactiveDeadlineSeconds: 600`)).message).toContain('until activeDeadlineSeconds (600 s) fails the Job with DeadlineExceeded');
    // Another exit code is not ignored: it counts towards backoffLimit.
    expect(judge(job('{run: 3, exitCode: 7}', rules)).message).toContain('create up to 6 more pods that fail the same way, then mark the Job failed (BackoffLimitExceeded)');
  });

  it('does not count a failure that comes with DisruptionTarget, here an eviction while the node is down', () => {
    const result = judge(
      job('{run: 900}', 'podFailurePolicy:\n  rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]', 'Never', '\n        podlab.dev/actions: |\n          - {at: 20, do: reboot-node, down: 400}'),
    );
    expect(result).toMatchObject({ completes: false, message: expect.stringContaining('The Job does not count this failure: its pod fails at 420 s (Pod default/work has condition DisruptionTarget matching Ignore rule at index 0)') });
  });

  it('does not count a pod the kubelet evicted for node pressure, whose DisruptionTarget comes with its Failed phase', () => {
    const result = judge(
      job('{run: 900}', 'podFailurePolicy:\n  rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]', 'Never', '\n        podlab.dev/actions: |\n          - {at: 20, do: evict, resource: memory}'),
    );
    expect(result).toMatchObject({ completes: false, message: expect.stringContaining('The Job does not count this failure: its pod fails at 20 s (Pod default/work has condition DisruptionTarget matching Ignore rule at index 0)') });
  });

  // test/e2e/apps/job.go "should allow to use a pod failure policy to ignore failure for an evicted
  // pod; matching on the DisruptionTarget condition": backoffLimit 0, the running pod evicted (EvictV1).
  it('does not count a pod evicted through the API, as kubectl drain does, with backoffLimit 0', () => {
    const result = judge(
      job('{run: 900}', 'backoffLimit: 0\npodFailurePolicy:\n  rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget, status: "True"}]}]', 'Never', '\n        podlab.dev/actions: |\n          - {at: 20, do: drain}'),
    );
    expect(result).toMatchObject({ completes: false, message: expect.stringContaining('The Job does not count this failure: its pod fails at 20 s (Pod default/work has condition DisruptionTarget matching Ignore rule at index 0)') });
  });

  it('fails each index at once with FailIndex, and the Job with FailedIndexes or MaxFailedIndexesExceeded', () => {
    const perIndex = 'completionMode: Indexed\ncompletions: 4\nbackoffLimitPerIndex: 2\npodFailurePolicy:\n  rules: [{action: FailIndex, onExitCodes: {operator: In, values: [3]}}]';
    const result = judge(job('{run: 2, exitCode: 3}', perIndex));
    expect(result.message).toBe(
      'The Job fails: its pod fails at 2 s (Container main for pod default/work failed with exit code 3 matching FailIndex rule at index 0); its index is marked failed at once, without a retry. Every index runs the same pod, so the Job fails with FailedIndexes, once every index has failed.',
    );
    expect(result.job.backoffLimit).toBe(2 ** 31 - 1);
    expect(judge(job('{run: 2, exitCode: 5}', `${perIndex}\nmaxFailedIndexes: 1`)).message).toContain(
      'its index is retried up to backoffLimitPerIndex (2) times, each pod failing the same way. Every index runs the same pod, so the Job fails with MaxFailedIndexesExceeded, once more than maxFailedIndexes (1) indexes have failed.',
    );
  });

  it('warns at the line of what Kubernetes would refuse, and judges the Job without the policy', () => {
    const refused = judge(job('{run: 3, exitCode: 42}', 'podFailurePolicy:\n  rules:\n    - action: Ignore\n      onExitCodes: {operator: In, values: [0, 42]}'));
    expect(refused.notices).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        line: 8,
        message: 'spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator (Kubernetes rejects this Job; Podlab judges it without its podFailurePolicy).',
      }),
    );
    expect(refused.job.podFailurePolicy).toBeUndefined();
    expect(refused.message).toContain('BackoffLimitExceeded');

    const onFailure = judge(job('{run: 3, exitCode: 42}', 'podFailurePolicy:\n  rules: [{action: FailJob, onExitCodes: {operator: In, values: [42]}}]', 'OnFailure'));
    expect(onFailure.notices).toContainEqual(
      expect.objectContaining({
        line: 13,
        message: 'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified (Kubernetes rejects this Job; Podlab judges it without its podFailurePolicy).',
      }),
    );

    const notIndexed = judge(job('{run: 3}', 'backoffLimitPerIndex: 1'));
    expect(notIndexed.notices).toContainEqual(expect.objectContaining({ line: 5, message: expect.stringContaining('spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode') }));
    expect(notIndexed.job.backoffLimitPerIndex).toBeUndefined();
  });
});

// test/e2e/apps/job.go "should not create pods when created in suspend state".
describe('a suspended Job', () => {
  it('creates no pod until resumed, and says what its pod would do then', () => {
    const result = judge(job('{run: 3}', 'suspend: true'));
    expect(result).toMatchObject({ completes: false });
    expect(result.message).toBe(
      'The Job is suspended (spec.suspend: true): the Job controller creates no pod until it is resumed. Once resumed: The Job completes: its pod succeeds at 3 s.',
    );
  });
});

describe('a Job with activeDeadlineSeconds', () => {
  it('fails with DeadlineExceeded when its pod is still running at the deadline', () => {
    expect(judge(job('{run: 900}', 'activeDeadlineSeconds: 60')).message).toBe(
      'The Job fails with DeadlineExceeded at 60 s (activeDeadlineSeconds): its pod is still Running then: main never exits.',
    );
  });

  it('fails with DeadlineExceeded when its pod fails after the deadline', () => {
    expect(judge(job('{run: 90, exitCode: 1}', 'activeDeadlineSeconds: 60')).message).toBe('The Job fails with DeadlineExceeded: its pod fails at 90 s, after activeDeadlineSeconds 60.');
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { app, eventsOf, init, pod, probe } from './testing/pod-builder';
import { containerAt, finalPhase, isTerminal, phaseAt, restartsAt, runFixture, waitUntil } from './testing/upstream-e2e';
import type { Trace } from './trace';

// Container restart rules (KEP-5307 ContainerRestartRules, beta and on by default since 1.35), held
// to Kubernetes' own tests: every fixture in fixtures/kubelet-e2e-restart-rules/ is the pod of one
// test in test/e2e/node/pods.go "Pod Extended (container restart policy)", and each `it` asserts
// what its helper asserts, with the 10-minute timeout upstream waits.

const TIMEOUT = 600;
const run = (fixture: string): Trace => runFixture('kubelet-e2e-restart-rules', fixture, TIMEOUT);

/** createAndValidateRestartableContainer: main-container's restartCount > 0 within the timeout. */
function expectRestarted(trace: Trace): void {
  waitUntil(trace, TIMEOUT, 'container restarted', (t) => restartsAt(trace, 'main-container', t) > 0);
  expect(phaseAt(trace, trace.end)).toBe('Running');
}

/** createAndValidateNonRestartableContainer: the pod stops running, with main-container's restartCount 0. */
function expectNotRestarted(trace: Trace): void {
  const at = waitUntil(trace, TIMEOUT, 'pod no longer running', (t) => isTerminal(phaseAt(trace, t)));
  expect(containerAt(trace, 'main-container', at)?.restartCount).toBe(0);
  expect(finalPhase(trace)?.phase).toBe('Failed');
}

describe('test/e2e/node/pods.go "Container Restart Rules"', () => {
  it('should restart container on rule match (exit 42, rule In [42], container and pod Never)', () => {
    expectRestarted(run('rule-match.yaml'));
  });

  it('should not restart container on rule mismatch, container restart policy Never (exit 1, rule In [42])', () => {
    expectNotRestarted(run('rule-mismatch.yaml'));
  });

  it('does not restart on container-level restart policy Never in an Always pod', () => {
    expectNotRestarted(run('container-never.yaml'));
  });

  it('should restart container on container-level restart policy Always in a Never pod', () => {
    expectRestarted(run('container-always.yaml'));
  });

  it('should restart container on pod-level restart policy Always when no container-level restart policy', () => {
    expectRestarted(run('pod-always.yaml'));
  });
});

describe('container-level restart policies in the kubelet', () => {
  it('keeps a Never pod Running while its rule restarts a container, and ends it Failed on an exit no rule matches', () => {
    const worker = app('worker', { run: 5, exitCode: 42, attempts: [{}, {}, { exitCode: 1 }] }, {
      restartPolicy: 'Never',
      restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }],
    });
    const trace = simulate(pod({ restartPolicy: 'Never', containers: [worker] }), { until: 600 });
    expect(eventsOf(trace, 'Exited', 'worker').map((e) => e.exitCode)).toEqual([42, 42, 1]);
    expect(restartsAt(trace, 'worker', trace.end)).toBe(2);
    expect(eventsOf(trace, 'BackOff', 'worker').length).toBeGreaterThan(0);
    expect(phaseAt(trace, 6)).toBe('Running');
    expect(finalPhase(trace)?.phase).toBe('Failed');
  });

  it('restarts on exit codes NotIn its list, and not on those in it', () => {
    const worker = app('worker', { run: 5, exitCode: 3, attempts: [{}, { exitCode: 0 }] }, {
      restartPolicy: 'Never',
      restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'NotIn', values: [0] } }],
    });
    const trace = simulate(pod({ restartPolicy: 'Never', containers: [worker] }), { until: 600 });
    expect(eventsOf(trace, 'Exited', 'worker').map((e) => e.exitCode)).toEqual([3, 0]);
    expect(finalPhase(trace)?.phase).toBe('Succeeded');
  });

  it('ends an Always pod Succeeded once its OnFailure container exits 0', () => {
    const once = app('once', { run: 5, exitCode: 0 }, { restartPolicy: 'OnFailure' });
    const trace = simulate(pod({ restartPolicy: 'Always', containers: [once] }), { until: 120 });
    expect(restartsAt(trace, 'once', trace.end)).toBe(0);
    expect(finalPhase(trace)?.phase).toBe('Succeeded');
  });

  it('does not restart a container of its own Never policy killed by its liveness probe, even in an Always pod', () => {
    const flaky = app('flaky', { run: null, unhealthyAfter: 0, stopExitCode: 0 }, { restartPolicy: 'Never', livenessProbe: probe() });
    const steady = app('steady', { run: null });
    const trace = simulate(pod({ restartPolicy: 'Always', containers: [flaky, steady] }), { until: 120 });
    const killing = eventsOf(trace, 'Killing', 'flaky')[0];
    expect(killing?.event?.message).toBe('Container flaky failed liveness probe');
    expect(restartsAt(trace, 'flaky', trace.end)).toBe(0);
    expect(containerAt(trace, 'flaky', trace.end)?.state.terminated).toBeDefined();
    expect(phaseAt(trace, trace.end)).toBe('Running');
  });

  it('restarts a failed init container of its own OnFailure policy in a Never pod', () => {
    const fetch = init('fetch', { run: 1, exitCode: 1, attempts: [{}, { exitCode: 0 }] }, { restartPolicy: 'OnFailure' });
    const trace = simulate(pod({ restartPolicy: 'Never', initContainers: [fetch], containers: [app('app', { run: null })] }), { until: 120 });
    expect(restartsAt(trace, 'fetch', trace.end)).toBe(1);
    expect(phaseAt(trace, 1)).toBe('Pending');
    expect(phaseAt(trace, trace.end)).toBe('Running');
  });

  it('fails a pod at once when an init container of its own Never policy fails, even in an Always pod', () => {
    const fetch = init('fetch', { run: 1, exitCode: 1 }, { restartPolicy: 'Never' });
    const trace = simulate(pod({ restartPolicy: 'Always', initContainers: [fetch], containers: [app('app', { run: null })] }), { until: 120 });
    expect(restartsAt(trace, 'fetch', trace.end)).toBe(0);
    expect(finalPhase(trace)?.phase).toBe('Failed');
  });
});

import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import { conditionOf, eventsOf, expectAlways, isReady, runFixture, waitUntil, type PodStatus } from './testing/upstream-e2e';
import type { Trace } from './trace';

// Graceful node shutdown, as test/e2e_node/node_shutdown_linux_test.go asserts it: every fixture in
// fixtures/kubelet-e2e-shutdown/ is one pod of an upstream test, which runs them together on one
// node (map in fixtures/kubelet-e2e-shutdown/README.md).

const run = (fixture: string): Trace => runFixture('kubelet-e2e-shutdown', `${fixture}.yaml`, 120);
// podStatusUpdateTimeout
const POD_STATUS_UPDATE = 30;

/** isPodShutdown: Failed, reason Terminated, the shutdown message, ContainersReady False. */
function isPodShutdown(status: PodStatus): boolean {
  return (
    status.phase === 'Failed' &&
    status.reason === 'Terminated' &&
    status.message === 'Pod was terminated in response to imminent node shutdown.' &&
    conditionOf(status, 'ContainersReady')?.status === 'False'
  );
}

/** When emitSignalPrepareForShutdown(true) was sent. */
const signalAt = (trace: Trace) => eventsOf(trace, 'NodeShutdown')[0]!.t;

/** The watch for issue 108594: a pod never reports Failed while its Ready condition is True. */
function neverFailedAndReady(trace: Trace): void {
  expectAlways(trace, 0, trace.end, 'not Failed and Ready', (t) => {
    const status = podStatusAt(trace, t);
    return !(status.phase === 'Failed' && isReady(status));
  });
}

describe('test/e2e_node/node_shutdown_linux_test.go "GracefulNodeShutdown"', () => {
  // "graceful node shutdown when PodDisruptionConditions are enabled" / "should add the DisruptionTarget
  // pod failure condition to the evicted pods" (shutdownGracePeriod 30 s, the pod's own grace 5 s)
  it('shuts the pod down and marks it DisruptionTarget', () => {
    const trace = run('pod-to-evict');
    const signal = signalAt(trace);
    expect(isReady(podStatusAt(trace, signal)) && podStatusAt(trace, signal).phase === 'Running').toBe(true);
    waitUntil(trace, POD_STATUS_UPDATE + 30, 'pod shut down, with DisruptionTarget', (t) => {
      const status = podStatusAt(trace, t);
      return isPodShutdown(status) && conditionOf(status, 'DisruptionTarget') !== undefined;
    }, signal);
  });

  // "when gracefully shutting down" / "should be able to gracefully shutdown pods with various grace
  // periods" (shutdownGracePeriod 20 s, shutdownGracePeriodCriticalPods 10 s; four pods on one node)
  it('shuts the other pods down first, the critical ones after, each within its window', () => {
    const others = ['period-120', 'period-5'].map(run);
    const critical = ['period-critical-120', 'period-critical-5'].map(run);
    const all = [...others, ...critical];
    const signal = signalAt(all[0]!);
    for (const trace of all) {
      expect(signalAt(trace)).toBe(signal);
      expect(isReady(podStatusAt(trace, signal))).toBe(true);
      neverFailedAndReady(trace);
    }
    // Eventually(30 s): every non-critical pod shut down, and at that same poll no critical one.
    const othersDown = Math.max(...others.map((trace) => waitUntil(trace, POD_STATUS_UPDATE, 'non-critical pod shut down', (t) => isPodShutdown(podStatusAt(trace, t)), signal)));
    for (const trace of critical) expect(isPodShutdown(podStatusAt(trace, othersDown)), trace.pod.name).toBe(false);
    // Eventually(30 s + 20 s - 10 s): every pod shut down.
    for (const trace of all) waitUntil(trace, POD_STATUS_UPDATE + 10, `${trace.pod.name} shut down`, (t) => isPodShutdown(podStatusAt(trace, t)), signal);
    // Eventually "ready to start condition set to false": upstream accepts any False condition; the one it means is.
    for (const trace of all) expect(podStatusAt(trace, trace.end).conditions.some((c) => c.type === 'PodReadyToStartContainers' && c.status === 'False')).toBe(true);
  });

  // "when gracefully shutting down with Pod priority" / "should be able to gracefully shutdown pods
  // with various grace periods": five pods, one to each priority group, shut down group by group.
  it('shuts the pods down by priority, lowest first, each step within 30 s of the one before', () => {
    // Lowest priority first, as the test's downSteps add them.
    const pods = ['period-p-5', 'period-c-5', 'period-b-5', 'period-a-5', 'period-p-critical-5'].map(run);
    const signal = signalAt(pods[0]!);
    for (const trace of pods) {
      expect(signalAt(trace)).toBe(signal);
      expect(podStatusAt(trace, signal).phase).toBe('Running');
      neverFailedAndReady(trace);
    }
    const isShutDown = (status: PodStatus) => status.reason === 'Terminated';
    // Each step polls every second for up to 30 s: the first `step + 1` pods shut down, the others Running.
    let passed = signal;
    for (let step = 0; step < pods.length; step++) {
      const holds = (t: number) => pods.every((trace, i) => (i <= step ? isShutDown(podStatusAt(trace, t)) : podStatusAt(trace, t).phase === 'Running'));
      let t = passed;
      while (t <= passed + 30 && !holds(t)) t += 1;
      expect(t, `down step ${step + 1} within 30 s of t=${passed}`).toBeLessThanOrEqual(passed + 30);
      passed = t;
    }
  });
});


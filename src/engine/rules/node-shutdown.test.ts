import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, pod, sidecar } from '../testing/pod-builder';
import type { PodModel } from '../types';

const MESSAGE = 'Pod was terminated in response to imminent node shutdown.';
const NODE = { shutdownGracePeriod: 30, shutdownGracePeriodCriticalPods: 10 };

const shutDown = (spec: Partial<PodModel> = {}) =>
  simulate(
    pod({
      terminationGracePeriodSeconds: 60,
      initContainers: [sidecar('proxy', { stop: 1 })],
      containers: [app('web', { stop: 'ignore' })],
      kubelet: NODE,
      actions: [{ at: 20, do: 'shutdown-node' }],
      ...spec,
    }),
    { until: 200 },
  );

// pkg/kubelet/nodeshutdown/nodeshutdown_manager.go killPods.
describe('graceful node shutdown', () => {
  const trace = shutDown();

  it("stops the pod at once with shutdownGracePeriod minus the critical pods' share, not its own 60 s", () => {
    expect(eventsOf(trace, 'NodeShutdown')).toEqual([{ t: 20, type: 'NodeShutdown', critical: false, killAt: 20, grace: 20 }]);
    expect(eventsOf(trace, 'Killing').map((e) => [e.t, e.container, e.reason, e.gracePeriod])).toEqual([
      [20, 'proxy', 'NodeShutdown', 20],
      [20, 'web', 'NodeShutdown', 20],
    ]);
    expect(eventsOf(trace, 'Signal').map((e) => `${e.t} ${e.container} ${e.signal}`).sort()).toEqual(['20 web SIGTERM', '40 proxy SIGTERM', '40 web SIGKILL']);
  });

  it('ends it Failed, reason Terminated, with DisruptionTarget (TerminationByKubelet) sent with that phase, and never Failed while Ready', () => {
    const end = podStatusAt(trace, trace.end);
    expect(end).toMatchObject({ phase: 'Failed', reason: 'Terminated', message: MESSAGE });
    expect(end.conditions.at(-1)).toMatchObject({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message: MESSAGE, lastTransitionTime: trace.end });
    expect(podStatusAt(trace, 30).conditions.find((c) => c.type === 'DisruptionTarget')).toBeUndefined();
    for (let t = 0; t <= trace.end; t++) {
      const status = podStatusAt(trace, t);
      if (status.phase === 'Failed') expect(status.conditions.find((c) => c.type === 'Ready')?.status, `t=${t}`).toBe('False');
    }
    expect(eventsOf(trace, 'Started').filter((e) => e.t > 20)).toEqual([]);
    expect(kubectlRow(trace, trace.end).status).toBe('Error');
    expect(trace.deletedAt).toBeUndefined();
  });

  it("takes the pod's own grace period when it is shorter", () => {
    const quick = shutDown({ terminationGracePeriodSeconds: 5 });
    expect(eventsOf(quick, 'NodeShutdown')[0]).toMatchObject({ grace: 5 });
    expect(eventsOf(quick, 'Signal', 'web').map((e) => `${e.t} ${e.signal}`)).toEqual(['20 SIGTERM', '25 SIGKILL']);
  });

  it('stops a critical pod after the others have had their window, with the critical pods\' share', () => {
    const critical = shutDown({ priority: 2_000_001_000 });
    expect(eventsOf(critical, 'NodeShutdown')[0]).toMatchObject({ t: 20, critical: true, killAt: 40, grace: 10 });
    expect(eventsOf(critical, 'Killing').map((e) => e.t)).toEqual([40, 40]);
    expect(podStatusAt(critical, 39).phase).toBe('Running');
    expect(podStatusAt(critical, critical.end)).toMatchObject({ phase: 'Failed', reason: 'Terminated' });
  });

  it('leaves a pod that has already finished alone', () => {
    const done = shutDown({ restartPolicy: 'Never', initContainers: [], containers: [app('job', { run: 5 })] });
    expect(eventsOf(done, 'Killing').filter((e) => e.reason === 'NodeShutdown')).toEqual([]);
    expect(podStatusAt(done, done.end).phase).toBe('Succeeded');
  });
});

// nodeshutdown_manager_linux.go processShutdownEvent and groupByPriority, with the groups of
// node_shutdown_linux_test.go "when gracefully shutting down with Pod priority" (30 s each).
describe('graceful node shutdown by pod priority', () => {
  const GROUPS = [2_000_000_000, 100_000, 10_000, 1_000, 0].map((priority) => ({ priority, shutdownGracePeriodSeconds: 30 }));
  const byPriority = (priority: number | undefined, groups = GROUPS) =>
    shutDown({ terminationGracePeriodSeconds: 5, kubelet: { shutdownGracePeriodByPodPriority: groups }, ...(priority === undefined ? {} : { priority }) });

  it('stops a pod after every group below its own, each taking its whole period (the other pods are not played)', () => {
    const killAt = (priority: number | undefined) => eventsOf(byPriority(priority), 'NodeShutdown')[0]!.killAt;
    expect([undefined, 1_000, 10_000, 100_000, 2_000_001_000].map(killAt)).toEqual([20, 50, 80, 110, 140]);
    expect(eventsOf(byPriority(10_000), 'NodeShutdown')[0]).toEqual({
      t: 20, type: 'NodeShutdown', critical: false, killAt: 80, grace: 5,
      group: { priority: 10_000, shutdownGracePeriodSeconds: 30, podPriority: 10_000 },
    });
  });

  it('puts a pod between two groups in the lower, one above every group in the highest, one below every group in the lowest', () => {
    const group = (priority: number) => eventsOf(byPriority(priority), 'NodeShutdown')[0]!.group!.priority;
    expect([999, 1_000, 99_999, 2_100_000_000, -5].map(group)).toEqual([0, 1_000, 10_000, 2_000_000_000, 0]);
    const fromTen = [{ priority: 10, shutdownGracePeriodSeconds: 7 }, { priority: 20, shutdownGracePeriodSeconds: 9 }];
    expect(eventsOf(byPriority(undefined, fromTen), 'NodeShutdown')[0]).toMatchObject({ killAt: 20, grace: 5, group: { priority: 10, podPriority: 0 } });
  });

  it("takes the group's period when it is shorter than the pod's own, and at least 1 s for the pod", () => {
    const groups = [{ priority: 0, shutdownGracePeriodSeconds: 3 }, { priority: 100, shutdownGracePeriodSeconds: 0 }];
    expect(eventsOf(byPriority(0, groups), 'NodeShutdown')[0]).toMatchObject({ killAt: 20, grace: 3 });
    expect(eventsOf(byPriority(100, groups), 'NodeShutdown')[0]).toMatchObject({ killAt: 23, grace: 1 });
    // killContainer's floor (minimumGracePeriodInSeconds) then gives the container 2 s.
    expect(eventsOf(byPriority(100, groups), 'Signal', 'web').map((e) => `${e.t} ${e.signal}`)).toEqual(['23 SIGTERM', '25 SIGKILL']);
  });

  it('takes the lower groups as long as their pods take to stop, when the action says so, at most their periods', () => {
    const told = (othersStopIn: number, groups = GROUPS) =>
      shutDown({ terminationGracePeriodSeconds: 5, priority: 10_000, kubelet: { shutdownGracePeriodByPodPriority: groups }, actions: [{ at: 20, do: 'shutdown-node', othersStopIn }] });
    expect(eventsOf(told(5), 'NodeShutdown')[0]).toMatchObject({ killAt: 30, othersStopIn: 5 });
    expect(eventsOf(told(0), 'NodeShutdown')[0]).toMatchObject({ killAt: 20 });
    const short = [{ priority: 0, shutdownGracePeriodSeconds: 3 }, { priority: 1_000, shutdownGracePeriodSeconds: 30 }, { priority: 10_000, shutdownGracePeriodSeconds: 30 }];
    expect(eventsOf(told(5, short), 'NodeShutdown')[0]).toMatchObject({ killAt: 28 });
  });

  it('is off when every group has 0 s: the node does not wait for its pods', () => {
    const off = byPriority(0, [{ priority: 0, shutdownGracePeriodSeconds: 0 }]);
    expect(eventsOf(off, 'NodeShutdown')).toEqual([]);
  });
});


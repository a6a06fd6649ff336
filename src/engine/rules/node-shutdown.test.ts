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
    const critical = shutDown({ critical: true });
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

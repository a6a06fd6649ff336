import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, pod, sidecar } from '../testing/pod-builder';

// pkg/kubelet/eviction/eviction_manager.go evictPod, past a hard threshold (grace override 0),
// and pod_workers.go calculateEffectiveGracePeriod (at least 1 s).
describe('the kubelet evicting a pod for node pressure', () => {
  const evicted = simulate(
    pod({
      initContainers: [sidecar('proxy', { preStop: 5, stop: 'ignore' }, { preStop: true })],
      containers: [app('web', { preStop: 5, stop: 'ignore' }, { preStop: true })],
      actions: [{ at: 20, do: 'evict', resource: 'memory' }],
    }),
    { until: 120 },
  );

  it('records a Warning Evicted event at once', () => {
    expect(eventsOf(evicted, 'Evicted')[0]).toMatchObject({
      t: 20,
      event: { type: 'Warning', reason: 'Evicted', message: 'The node was low on resource: memory. ', from: 'kubelet' },
    });
  });

  // status_manager.go mergePodStatus: DisruptionTarget goes out only with the terminal phase.
  it('sends DisruptionTarget (TerminationByKubelet) with the Failed phase, last, not while containers stop', () => {
    const target = (t: number) => podStatusAt(evicted, t).conditions.find((c) => c.type === 'DisruptionTarget');
    expect(target(22)).toBeUndefined();
    expect(podStatusAt(evicted, 23).conditions.at(-1)).toMatchObject({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'TerminationByKubelet',
      message: 'The node was low on resource: memory. ',
      lastTransitionTime: 23,
    });
  });

  it('stops every container with a grace period of 1 s: preStop cut at 1 s, SIGKILL 2 s after SIGTERM', () => {
    expect(eventsOf(evicted, 'Killing').map((e) => [e.t, e.container, e.reason, e.gracePeriod])).toEqual([
      [20, 'proxy', 'Evicted', 1],
      [20, 'web', 'Evicted', 1],
    ]);
    expect(eventsOf(evicted, 'Signal').map((e) => `${e.t} ${e.container} ${e.signal}`).sort()).toEqual(['21 proxy SIGTERM', '21 web SIGTERM', '23 proxy SIGKILL', '23 web SIGKILL']);
  });

  it('ends the pod Failed with reason Evicted once its containers have stopped, in the API, never restarted', () => {
    expect(podStatusAt(evicted, 22).phase).toBe('Running');
    expect(podStatusAt(evicted, 23)).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory. ' });
    // kubectl's printPod lets a terminated container's reason (Error, for 137) override the pod's.
    expect(kubectlRow(evicted, 60)).toMatchObject({ ready: '0/2', status: 'Error', restarts: '0' });
    expect(eventsOf(evicted, 'Started').filter((e) => e.t > 20)).toEqual([]);
    expect(evicted.deletedAt).toBeUndefined();
  });

  it('does nothing to a pod that has already finished, or while the node is down', () => {
    const done = simulate(pod({ restartPolicy: 'Never', containers: [app('job', { run: 5 })], actions: [{ at: 10, do: 'evict', resource: 'memory' }] }));
    expect(eventsOf(done, 'Evicted')).toEqual([]);
    const down = simulate(pod({ containers: [app('web')], actions: [{ at: 10, do: 'reboot-node', down: 30 }, { at: 20, do: 'evict', resource: 'pid' }] }), { until: 120 });
    expect(eventsOf(down, 'Evicted')).toEqual([]);
  });
});

// eviction_manager.go localStorageEviction: a container past its ephemeral-storage limit.
describe('the kubelet evicting a pod whose container writes past its ephemeral-storage limit', () => {
  const evicted = simulate(
    pod({
      restartPolicy: 'OnFailure',
      containers: [app('writer', {}, { ephemeralStorageLimit: '5Mi' }), app('web')],
      actions: [{ at: 20, do: 'evict', resource: 'ephemeral-storage', container: 'writer' }],
    }),
    { until: 120 },
  );

  it('names the container and its limit, and sets no DisruptionTarget', () => {
    expect(eventsOf(evicted, 'Evicted')[0]?.event?.message).toBe('Container writer exceeded its local ephemeral storage limit "5Mi". ');
    expect(podStatusAt(evicted, 60).conditions.map((c) => c.type)).not.toContain('DisruptionTarget');
  });

  it('stops the whole pod, not only that container, and leaves it Failed (Evicted) for good', () => {
    expect(eventsOf(evicted, 'Killing').map((e) => e.container).sort()).toEqual(['web', 'writer']);
    expect(podStatusAt(evicted, 60)).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(eventsOf(evicted, 'Started').filter((e) => e.t > 20)).toEqual([]);
  });
});

// eviction_manager.go emptyDirLimitEviction: an emptyDir volume written past its sizeLimit.
describe('the kubelet evicting a pod whose emptyDir volume grows past its sizeLimit', () => {
  const evicted = simulate(
    pod({
      initContainers: [sidecar('shipper', { stop: 'ignore' })],
      containers: [app('web')],
      emptyDirSizeLimits: { cache: '500Mi' },
      actions: [{ at: 20, do: 'evict', resource: 'ephemeral-storage', volume: 'cache' }],
    }),
    { until: 120 },
  );

  it('names the volume and its sizeLimit, and sets no DisruptionTarget', () => {
    expect(eventsOf(evicted, 'Evicted')[0]).toMatchObject({
      t: 20,
      volumeOverLimit: 'cache',
      event: { type: 'Warning', reason: 'Evicted', message: 'Usage of EmptyDir volume "cache" exceeds the limit "500Mi". ' },
    });
    expect(podStatusAt(evicted, 60).conditions.map((c) => c.type)).not.toContain('DisruptionTarget');
  });

  it('stops every container with the 1 s grace period and leaves the pod Failed (Evicted) for good', () => {
    expect(eventsOf(evicted, 'Killing').map((e) => [e.container, e.gracePeriod])).toEqual([
      ['shipper', 1],
      ['web', 1],
    ]);
    expect(eventsOf(evicted, 'Signal', 'shipper').map((e) => `${e.t} ${e.signal}`)).toEqual(['20 SIGTERM', '22 SIGKILL']);
    expect(podStatusAt(evicted, 60)).toMatchObject({ phase: 'Failed', reason: 'Evicted', message: 'Usage of EmptyDir volume "cache" exceeds the limit "500Mi". ' });
  });
});

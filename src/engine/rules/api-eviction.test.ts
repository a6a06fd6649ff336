import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, init, pod, sidecar } from '../testing/pod-builder';

const EVICTED = { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };

// pkg/registry/core/pod/storage/eviction.go: every path that evicts goes through
// addConditionAndDeletePod, a status update with DisruptionTarget, then the pod's deletion.
describe('an eviction through the API, as kubectl drain asks for it', () => {
  const drained = simulate(
    pod({
      initContainers: [sidecar('proxy', { stop: 1 })],
      containers: [app('web', { preStop: 5, stop: 2 }, { preStop: true })],
      actions: [{ at: 20, do: 'drain' }],
    }),
    { until: 120 },
  );

  it('marks the pod DisruptionTarget (EvictionByEvictionAPI) first, then deletes it', () => {
    const types = drained.events.filter((e) => e.t === 20).map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['PodCondition', 'DeletionRequested']);
    expect(eventsOf(drained, 'PodCondition').find((e) => e.condition === 'DisruptionTarget')).toMatchObject({ t: 20, status: 'True', reason: 'EvictionByEvictionAPI' });
    expect(eventsOf(drained, 'DeletionRequested')).toEqual([{ t: 20, type: 'DeletionRequested', gracePeriod: 30, by: 'eviction-api' }]);
  });

  // pkg/api/v1/pod/util.go UpdatePodCondition appends it; status_manager.go mergePodStatus keeps
  // the conditions the kubelet does not own, and puts them first in the next status it sends.
  it('keeps the condition while the pod stops: last as the API server adds it, first once the kubelet sends a status', () => {
    expect(podStatusAt(drained, 20).conditions.at(-1)).toEqual({ ...EVICTED, lastTransitionTime: 20 });
    const firstKubeletStatus = drained.conditions.find((c) => c.t > 20)!.t;
    for (const t of [firstKubeletStatus, 27]) expect(podStatusAt(drained, t).conditions[0]).toEqual({ ...EVICTED, lastTransitionTime: 20 });
  });

  it('stops the pod as a deletion does: its grace period, preStop first, the sidecar after the app', () => {
    expect(eventsOf(drained, 'Killing').map((e) => [e.t, e.container, e.gracePeriod])).toEqual([
      [20, 'proxy', 30],
      [20, 'web', 30],
    ]);
    expect(eventsOf(drained, 'Signal').map((e) => `${e.t} ${e.container} ${e.signal}`)).toEqual(['25 web SIGTERM', '27 proxy SIGTERM']);
    expect(podStatusAt(drained, 28).phase).toBe('Failed');
    expect(drained.deletedAt).toBe(28);
  });

  it('uses the grace period the eviction gives (kubectl drain --grace-period)', () => {
    const quick = simulate(pod({ containers: [app('web', { stop: 'ignore' })], actions: [{ at: 10, do: 'drain', gracePeriodSeconds: 3 }] }), { until: 60 });
    expect(eventsOf(quick, 'DeletionRequested')[0]).toMatchObject({ gracePeriod: 3, by: 'eviction-api' });
    expect(eventsOf(quick, 'Signal').map((e) => `${e.t} ${e.signal}`)).toEqual(['10 SIGTERM', '13 SIGKILL']);
  });

  // canIgnorePDB: a pending, terminal or terminating pod is evicted without asking any budget.
  it('evicts a pod still initializing, and removes a finished one at once, both marked', () => {
    const pending = simulate(pod({ initContainers: [init('migrate', { run: 60 })], containers: [app('web')], actions: [{ at: 10, do: 'drain' }] }), { until: 120 });
    expect(podStatusAt(pending, 10).conditions.find((c) => c.type === 'DisruptionTarget')).toMatchObject(EVICTED);
    expect(eventsOf(pending, 'Started', 'web')).toEqual([]);
    const finished = simulate(pod({ restartPolicy: 'Never', containers: [app('job', { run: 5 })], actions: [{ at: 10, do: 'drain' }] }), { until: 60 });
    expect(eventsOf(finished, 'DeletionRequested')[0]).toMatchObject({ t: 10, gracePeriod: 0 });
    expect(finished.deletedAt).toBe(10);
    expect(podStatusAt(finished, 10).conditions.find((c) => c.type === 'DisruptionTarget')).toMatchObject(EVICTED);
  });

  it('does nothing to a pod already gone from the API (404)', () => {
    const gone = simulate(pod({ containers: [app('web')], actions: [{ at: 10, do: 'delete', gracePeriodSeconds: 0 }, { at: 20, do: 'drain' }] }), { until: 60 });
    expect(eventsOf(gone, 'DeletionRequested')).toHaveLength(1);
    expect(eventsOf(gone, 'PodCondition').filter((e) => e.condition === 'DisruptionTarget')).toEqual([]);
  });
});

// pod_workers.go: the pod worker kills once, for the first request; a later one may only shorten
// the grace period (calculateEffectiveGracePeriod).
describe('a deletion in the same instant as a stop of the kubelet\'s own', () => {
  it('leaves the kill to an eviction that came first: reason Evicted, grace 1', () => {
    const trace = simulate(pod({ containers: [app('web', { stop: 'ignore' })], actions: [{ at: 10, do: 'evict', resource: 'memory' }, { at: 10, do: 'drain' }] }), { until: 60 });
    expect(eventsOf(trace, 'Killing').map((e) => [e.t, e.reason, e.gracePeriod])).toEqual([[10, 'Evicted', 1]]);
    expect(podStatusAt(trace, 20)).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
  });

  it('leaves the kill to a node shutdown that came first, with the shorter of the two grace periods', () => {
    const trace = simulate(
      pod({ kubelet: { shutdownGracePeriod: 20 }, containers: [app('web', { stop: 'ignore' })], actions: [{ at: 10, do: 'shutdown-node' }, { at: 10, do: 'delete', gracePeriodSeconds: 5 }] }),
      { until: 60 },
    );
    expect(eventsOf(trace, 'Killing').map((e) => [e.t, e.reason, e.gracePeriod])).toEqual([[10, 'NodeShutdown', 5]]);
    expect(eventsOf(trace, 'Signal', 'web').map((e) => [e.t, e.signal])).toEqual([[10, 'SIGTERM'], [15, 'SIGKILL']]);
  });

  it('gives a deletion alone its own grace period, longer than the spec\'s too', () => {
    const trace = simulate(pod({ terminationGracePeriodSeconds: 30, containers: [app('web', { stop: 'ignore' })], actions: [{ at: 10, do: 'delete', gracePeriodSeconds: 60 }] }), { until: 120 });
    expect(eventsOf(trace, 'Killing').map((e) => [e.reason, e.gracePeriod])).toEqual([['PodDeleted', 60]]);
  });
});

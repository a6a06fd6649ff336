/** The library's pods that the kubelet stops before they end: an eviction, a deadline. */
import { describe, expect, it } from 'vitest';
import { containerStatusAt, kubectlRow, podStatusAt } from '../engine';
import { events, first, play } from './testing/library-kit';

describe('node-pressure-eviction: the kubelet evicts the pod when the node runs out of memory', () => {
  const trace = play('node-pressure-eviction.yaml', 120);

  it('records a Warning Evicted event at 40 s and stops both containers at once', () => {
    expect(first(trace, 'Evicted')).toMatchObject({ t: 40, resource: 'memory', event: { type: 'Warning', reason: 'Evicted' } });
    expect(events(trace, 'Killing').map((e) => [e.t, e.container, e.gracePeriod])).toEqual([
      [40, 'log-shipper', 1],
      [40, 'reports', 1],
    ]);
  });

  it("cuts the 15 s preStop after 1 s and kills the report server 2 s after SIGTERM, not after its 60 s grace period", () => {
    expect(first(trace, 'HookFinished', 'reports').t).toBe(41);
    expect(events(trace, 'Signal', 'reports').map((e) => `${e.t} ${e.signal}`)).toEqual(['41 SIGTERM', '43 SIGKILL']);
    expect(events(trace, 'Signal', 'log-shipper').map((e) => `${e.t} ${e.signal}`)).toEqual(['41 SIGTERM']);
    expect(containerStatusAt(trace, 'reports', 43)?.state.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });

  it('ends Failed with reason Evicted and DisruptionTarget once both have stopped, and nothing starts again', () => {
    expect(podStatusAt(trace, 42).phase).toBe('Running');
    expect(podStatusAt(trace, 43)).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    expect(podStatusAt(trace, 43).conditions.at(-1)).toMatchObject({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet' });
    expect(trace.events.filter((e) => e.type === 'Started' && e.t > 40)).toEqual([]);
    expect(trace.end).toBe(43);
  });

  it("shows Error in kubectl's STATUS, the report server's exit 137, not Evicted", () => {
    expect(kubectlRow(trace, 39)).toMatchObject({ ready: '2/2', status: 'Running' });
    expect(kubectlRow(trace, 43)).toMatchObject({ ready: '0/2', status: 'Error', restarts: '0' });
  });
});


describe('kubectl-drain: kubectl drain evicts the pod gracefully, through the API', () => {
  const trace = play('kubectl-drain.yaml', 200);

  it('marks the pod DisruptionTarget (EvictionByEvictionAPI) at 40 s and deletes it with its 60 s grace period', () => {
    expect(podStatusAt(trace, 40).conditions.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI', lastTransitionTime: 40 });
    expect(first(trace, 'DeletionRequested')).toMatchObject({ t: 40, gracePeriod: 60, by: 'eviction-api' });
    expect(kubectlRow(trace, 40).status).toBe('Terminating');
  });

  it('lets the 15 s preStop run to its end and the report server take the 20 s it needs; the log shipper stops after it', () => {
    expect(first(trace, 'HookFinished', 'reports').t).toBe(55);
    expect(events(trace, 'Signal', 'reports').map((e) => `${e.t} ${e.signal}`)).toEqual(['55 SIGTERM']);
    expect(first(trace, 'Exited', 'reports').t).toBe(75);
    expect(events(trace, 'Signal', 'log-shipper').map((e) => `${e.t} ${e.signal}`)).toEqual(['75 SIGTERM']);
    expect(trace.deletedAt).toBe(76);
  });
});
describe('spot-node-shutdown: a spot node shuts down, and its window cuts the pod\'s grace period', () => {
  const trace = play('spot-node-shutdown.yaml', 200);

  it('stops the pod at 40 s with the 20 s window, not its own 60 s: preStop, SIGTERM, SIGKILL at 60 s', () => {
    expect(events(trace, 'Killing').map((e) => [e.t, e.container, e.gracePeriod])).toEqual([
      [40, 'log-shipper', 20],
      [40, 'checkout', 20],
    ]);
    expect(first(trace, 'HookFinished', 'checkout').t).toBe(45);
    expect(events(trace, 'Signal', 'checkout').map((e) => `${e.t} ${e.signal}`)).toEqual(['45 SIGTERM', '60 SIGKILL']);
    expect(events(trace, 'Signal', 'log-shipper').map((e) => `${e.t} ${e.signal}`)).toEqual(['60 SIGTERM']);
  });

  it('ends Failed with reason Terminated and DisruptionTarget, in the API', () => {
    const end = podStatusAt(trace, trace.end);
    expect(end).toMatchObject({ phase: 'Failed', reason: 'Terminated', message: 'Pod was terminated in response to imminent node shutdown.' });
    expect(end.conditions.at(-1)).toMatchObject({ type: 'DisruptionTarget', reason: 'TerminationByKubelet' });
    expect(trace.deletedAt).toBeUndefined();
  });
});

describe('active-deadline: activeDeadlineSeconds stops a pod that runs too long', () => {
  const trace = play('active-deadline.yaml', 120);

  it('records DeadlineExceeded at 45 s and turns Ready False at once, while both containers still run', () => {
    expect(first(trace, 'DeadlineExceeded')).toMatchObject({ t: 45, event: { type: 'Normal', reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' } });
    const ready = podStatusAt(trace, 45).conditions.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'False', reason: 'PodFailed' });
    expect(kubectlRow(trace, 46)).toMatchObject({ ready: '2/2', status: 'Running' });
  });

  it('stops the re-index with its 20 s grace period, then the proxy, and ends Failed with reason DeadlineExceeded', () => {
    expect(events(trace, 'Killing').map((e) => [e.t, e.container, e.reason, e.gracePeriod])).toEqual([
      [45, 'proxy', 'DeadlineExceeded', 20],
      [45, 'reindex', 'DeadlineExceeded', 20],
    ]);
    expect(first(trace, 'Exited', 'reindex')).toMatchObject({ t: 48, exitCode: 143 });
    expect(first(trace, 'Signal', 'proxy').t).toBe(48);
    expect(podStatusAt(trace, trace.end)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
    expect(trace.events.filter((e) => e.type === 'Started' && e.t > 45)).toEqual([]);
  });
});

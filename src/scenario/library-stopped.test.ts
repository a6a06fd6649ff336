/** The library's node-pressure-eviction scenario plays out what its explanation promises. */
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

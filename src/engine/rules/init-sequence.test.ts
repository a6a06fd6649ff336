import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, init, pod, probe, sidecar, timesOf } from '../testing/pod-builder';

describe('init containers (computeInitContainerActions)', () => {
  it('runs ordinary init containers one after another, then the app', () => {
    const trace = simulate(pod({ initContainers: [init('a', { run: 2 }), init('b', { run: 3 })], containers: [app('main')] }));
    expect(timesOf(trace, 'Started', 'a')).toEqual([0]);
    expect(timesOf(trace, 'Started', 'b')).toEqual([2]);
    expect(timesOf(trace, 'Started', 'main')).toEqual([5]);
    expect(kubectlRow(trace, 1).status).toBe('Init:0/2');
    expect(kubectlRow(trace, 3).status).toBe('Init:1/2');
    expect(kubectlRow(trace, 6).status).toBe('Running');
    expect(podStatusAt(trace, 1).phase).toBe('Pending');
  });

  it('starts the next init container only once a sidecar has passed its startup probe', () => {
    const trace = simulate(
      pod({
        initContainers: [sidecar('proxy', { startup: 12 }, { startupProbe: probe({ periodSeconds: 5, failureThreshold: 10 }) }), init('setup', { run: 1 })],
        containers: [app('main')],
      }),
    );
    // Probe ticks at 0, 5, 10, 15: healthy from 12, so the first success is at 15.
    expect(timesOf(trace, 'ContainerStarted', 'proxy')).toEqual([15]);
    expect(timesOf(trace, 'Started', 'setup')).toEqual([15]);
    expect(timesOf(trace, 'Started', 'main')).toEqual([16]);
  });

  it('a postStart hook of a sidecar holds back the next init container', () => {
    const trace = simulate(pod({ initContainers: [sidecar('logs', { postStart: 4 }, { postStart: true })], containers: [app('main')] }));
    expect(timesOf(trace, 'HookFinished', 'logs')).toEqual([4]);
    expect(timesOf(trace, 'Started', 'main')).toEqual([4]);
  });

  it('fails the pod when an ordinary init container fails under restartPolicy Never, stopping sidecars', () => {
    const trace = simulate(
      pod({
        restartPolicy: 'Never',
        initContainers: [sidecar('proxy'), init('migrate', { run: 2, exitCode: 3 })],
        containers: [app('main')],
      }),
    );
    expect(timesOf(trace, 'Started', 'migrate')).toEqual([0]);
    expect(eventsOf(trace, 'Killing', 'proxy')[0]).toMatchObject({ t: 2, reason: 'InitContainerFailed' });
    expect(timesOf(trace, 'Started', 'main')).toEqual([]);
    expect(podStatusAt(trace, trace.end).phase).toBe('Failed');
    expect(kubectlRow(trace, 2).status).toBe('Init:Error');
    expect(trace.finished).toBe(true);
  });

  it('restarts a failed init container with crash-loop backoff under Always', () => {
    const trace = simulate(pod({ initContainers: [init('wait', { run: 1, exitCode: 1, attempts: [{}, {}, { exitCode: 0 }] })], containers: [app('main')] }), {
      until: 100,
    });
    // Exits at 1 (restart at once), 2 (backoff 10 → 12), 13 exits 0.
    expect(timesOf(trace, 'Started', 'wait')).toEqual([0, 1, 12]);
    expect(eventsOf(trace, 'BackOff', 'wait').map((e) => e.delay)).toEqual([10]);
    expect(kubectlRow(trace, 5).status).toBe('Init:CrashLoopBackOff');
    expect(timesOf(trace, 'Started', 'main')).toEqual([13]);
    // kubectl drops ordinary init restarts from RESTARTS once the pod has initialized.
    expect(kubectlRow(trace, 20).restarts).toBe('0');
  });

  it('never re-runs completed init containers when the app restarts', () => {
    const trace = simulate(pod({ initContainers: [init('setup', { run: 1 })], containers: [app('main', { run: 5, exitCode: 1 })] }), { until: 60 });
    expect(timesOf(trace, 'Started', 'setup')).toEqual([0]);
    expect(timesOf(trace, 'Started', 'main').length).toBeGreaterThan(2);
  });
});

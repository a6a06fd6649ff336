import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, pod, sidecar, timesOf } from '../testing/pod-builder';

const signals = (trace: ReturnType<typeof simulate>) =>
  eventsOf(trace, 'Signal').map((e) => `${e.t} ${e.container} ${e.signal}`);

describe('graceful deletion and termination order', () => {
  it('stops the app first, then sidecars in reverse order, and deletes the pod', () => {
    const trace = simulate(
      pod({
        initContainers: [sidecar('first', { stop: 1 }), sidecar('second', { stop: 1 })],
        containers: [app('main', { stop: 2 })],
        actions: [{ at: 10, do: 'delete' }],
      }),
    );
    expect(timesOf(trace, 'Killing')).toEqual([10, 10, 10]);
    expect(signals(trace)).toEqual(['10 main SIGTERM', '12 second SIGTERM', '13 first SIGTERM']);
    expect(kubectlRow(trace, 11).status).toBe('Terminating');
    expect(timesOf(trace, 'PodDeleted')).toEqual([14]);
    expect(kubectlRow(trace, 15).deleted).toBe(true);
  });

  // pod_workers.go calculateEffectiveGracePeriod gives at least 1 s; killContainer runs preStop
  // within it, then leaves its 2 s minimum between SIGTERM and SIGKILL.
  it('gives a deletion with grace 0 a grace of 1 s: the preStop hook is cut at 1 s, SIGKILL 2 s after SIGTERM', () => {
    const trace = simulate(
      pod({
        containers: [app('main', { preStop: 5, stop: 'ignore' }, { preStop: true })],
        actions: [{ at: 10, do: 'delete', gracePeriodSeconds: 0 }],
      }),
    );
    expect(eventsOf(trace, 'Killing')[0]).toMatchObject({ t: 10, gracePeriod: 1 });
    expect(signals(trace)).toEqual(['11 main SIGTERM', '13 main SIGKILL']);
  });

  it('runs every preStop hook at the deletion instant, sidecars included', () => {
    const trace = simulate(
      pod({
        initContainers: [sidecar('proxy', { preStop: 3, stop: 0 }, { preStop: true })],
        containers: [app('main', { preStop: 5, stop: 0 }, { preStop: true })],
        actions: [{ at: 20, do: 'delete' }],
      }),
    );
    expect(eventsOf(trace, 'HookStarted').map((e) => `${e.t} ${e.container}`)).toEqual(['20 proxy', '20 main']);
    expect(signals(trace)).toEqual(['25 main SIGTERM', '25 proxy SIGTERM']);
  });

  it('SIGKILLs a process that ignores SIGTERM when the grace period ends; preStop time counts against it', () => {
    const trace = simulate(
      pod({
        terminationGracePeriodSeconds: 10,
        containers: [app('main', { preStop: 4, stop: 'ignore' }, { preStop: true })],
        actions: [{ at: 5, do: 'delete' }],
      }),
    );
    expect(signals(trace)).toEqual(['9 main SIGTERM', '15 main SIGKILL']);
    expect(eventsOf(trace, 'Exited', 'main')[0]).toMatchObject({ t: 15, exitCode: 137, reason: 'Error' });
    expect(podStatusAt(trace, 15).phase).toBe('Failed');
  });

  it('a failing preStop hook is reported, and the kill goes on with the exit code of the process', () => {
    const trace = simulate(
      pod({ containers: [app('main', { preStop: 2, preStopFails: true, stop: 1, stopExitCode: 0 }, { preStop: true })], actions: [{ at: 5, do: 'delete' }] }),
    );
    const finished = eventsOf(trace, 'HookFinished', 'main')[0];
    expect(finished).toMatchObject({ t: 7, hook: 'preStop', failed: true });
    expect(finished?.event).toMatchObject({ type: 'Warning', reason: 'FailedPreStopHook', message: 'PreStopHook failed' });
    expect(signals(trace)).toEqual(['7 main SIGTERM']);
    expect(eventsOf(trace, 'Exited', 'main')[0]).toMatchObject({ t: 8, exitCode: 0, reason: 'Completed' });
  });

  it('a failing preStop hook cut short by the grace period has not returned: no FailedPreStopHook', () => {
    const trace = simulate(
      pod({
        terminationGracePeriodSeconds: 3,
        containers: [app('main', { preStop: 10, preStopFails: true, stop: 0 }, { preStop: true })],
        actions: [{ at: 5, do: 'delete' }],
      }),
    );
    expect(eventsOf(trace, 'HookFinished', 'main')[0]).toMatchObject({ t: 8, failed: false });
    expect(trace.events.some((e) => e.event?.reason === 'FailedPreStopHook')).toBe(false);
  });

  it('gives at least 2 s between SIGTERM and SIGKILL even when preStop used the whole grace period', () => {
    const trace = simulate(
      pod({
        terminationGracePeriodSeconds: 5,
        containers: [app('main', { preStop: 100, stop: 'ignore' }, { preStop: true })],
        actions: [{ at: 0, do: 'delete' }],
      }),
    );
    expect(signals(trace)).toEqual(['5 main SIGTERM', '7 main SIGKILL']);
  });

  it('a pod deleted with exit 0 on SIGTERM ends Succeeded', () => {
    const trace = simulate(pod({ containers: [app('main', { stop: 1, stopExitCode: 0 })], actions: [{ at: 3, do: 'delete' }] }));
    expect(podStatusAt(trace, trace.end).phase).toBe('Succeeded');
  });

  it('sends every waiting sidecar SIGTERM at once when the grace period runs out while waiting', () => {
    const trace = simulate(
      pod({
        terminationGracePeriodSeconds: 5,
        initContainers: [sidecar('a', { stop: 1 }), sidecar('b', { stop: 1 })],
        containers: [app('main', { stop: 'ignore' })],
        actions: [{ at: 0, do: 'delete' }],
      }),
    );
    // All at the same instant: the order among them is not defined.
    expect(signals(trace).sort()).toEqual(['0 main SIGTERM', '5 a SIGTERM', '5 b SIGTERM', '5 main SIGKILL']);
    expect(timesOf(trace, 'Exited', 'a')).toEqual([6]);
  });
});

describe('pod completion with sidecars', () => {
  it('a Job-style pod stops its sidecar after the app and Succeeds even if the sidecar exits non-zero', () => {
    const trace = simulate(
      pod({ restartPolicy: 'Never', initContainers: [sidecar('proxy', { stop: 1, stopExitCode: 1 })], containers: [app('job', { run: 5 })] }),
    );
    expect(eventsOf(trace, 'Killing', 'proxy')[0]).toMatchObject({ t: 5, reason: 'PodCompleted' });
    expect(podStatusAt(trace, 5.5).phase).toBe('Running');
    expect(kubectlRow(trace, 5.5).status).toBe('Completed');
    expect(podStatusAt(trace, trace.end).phase).toBe('Succeeded');
    expect(trace.end).toBe(6);
  });

  it('restarts a crashed sidecar even under restartPolicy Never', () => {
    const trace = simulate(
      pod({ restartPolicy: 'Never', initContainers: [sidecar('logs', { run: 3, exitCode: 1 })], containers: [app('job', { run: 30 })] }),
    );
    expect(timesOf(trace, 'Started', 'logs').slice(0, 3)).toEqual([0, 3, 16]);
    expect(podStatusAt(trace, trace.end).phase).toBe('Succeeded');
  });

  it('a Job with a classic sidecar never completes', () => {
    const trace = simulate(pod({ restartPolicy: 'Never', containers: [app('job', { run: 5 }), app('logs')] }));
    expect(trace.finished).toBe(false);
    expect(podStatusAt(trace, 600).phase).toBe('Running');
    expect(kubectlRow(trace, 100).status).toBe('NotReady');
  });
});

describe('forced deletion', () => {
  it('removes the pod from the API at once with grace 0, while the kubelet still stops it over 2 s', () => {
    const trace = simulate(pod({ containers: [app('main', { stop: 'ignore' })], actions: [{ at: 5, do: 'delete', gracePeriodSeconds: 0 }] }));
    expect(timesOf(trace, 'PodDeleted')).toEqual([5]);
    expect(signals(trace)).toEqual(['5 main SIGTERM', '7 main SIGKILL']);
    expect(kubectlRow(trace, 6).deleted).toBe(true);
  });
});

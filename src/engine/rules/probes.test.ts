import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { containerStatusAt } from '../status/status-at';
import { app, eventsOf, pod, probe, sidecar, timesOf } from '../testing/pod-builder';

describe('probes (prober/worker.go)', () => {
  it('restarts a container whose liveness probe fails failureThreshold times in a row', () => {
    const trace = simulate(
      pod({ containers: [app('web', { unhealthyAfter: 25 }, { livenessProbe: probe({ periodSeconds: 10, failureThreshold: 3 }) })] }),
      { until: 100 },
    );
    // Ticks at 30, 40, 50 fail; the third failure kills it.
    expect(timesOf(trace, 'ProbeFailed', 'web').slice(0, 3)).toEqual([30, 40, 50]);
    expect(eventsOf(trace, 'Killing', 'web')[0]).toMatchObject({ t: 50, reason: 'LivenessProbeFailed' });
    expect(eventsOf(trace, 'Killing', 'web')[0]!.event?.message).toBe('Container web failed liveness probe, will be restarted');
    expect(timesOf(trace, 'Started', 'web')[1]).toBe(50);
  });

  it('kills a container whose startup probe never succeeds', () => {
    const trace = simulate(
      pod({ containers: [app('slow', { startup: 1000 }, { startupProbe: probe({ periodSeconds: 5, failureThreshold: 2 }) })] }),
      { until: 30 },
    );
    expect(eventsOf(trace, 'Killing', 'slow')[0]).toMatchObject({ t: 5, reason: 'StartupProbeFailed' });
  });

  it('does not run liveness or readiness before the startup probe succeeds', () => {
    const trace = simulate(
      pod({
        containers: [
          app('svc', { startup: 12 }, { startupProbe: probe({ periodSeconds: 5, failureThreshold: 5 }), livenessProbe: probe({ periodSeconds: 1 }) }),
        ],
      }),
      { until: 30 },
    );
    expect(eventsOf(trace, 'ProbeFailed', 'svc').every((e) => e.probe === 'startup')).toBe(true);
    expect(timesOf(trace, 'ContainerStarted', 'svc')).toEqual([15]);
  });

  it('keeps a container unready while its readiness probe fails, without restarting it', () => {
    const trace = simulate(
      pod({ containers: [app('api', { unhealthyAfter: 20 }, { readinessProbe: probe({ periodSeconds: 5, failureThreshold: 2 }) })] }),
      { until: 60 },
    );
    expect(eventsOf(trace, 'Ready', 'api').map((e) => `${e.t} ${e.ready}`)).toEqual(['0 true', '25 false']);
    expect(timesOf(trace, 'Started', 'api')).toEqual([0]);
    expect(kubectlRow(trace, 30).ready).toBe('0/1');
  });

  it('a sidecar whose readiness fails holds the pod not Ready', () => {
    const trace = simulate(
      pod({ initContainers: [sidecar('mesh', { unhealthyAfter: 0 }, { readinessProbe: probe() })], containers: [app('main')] }),
      { until: 30 },
    );
    expect(kubectlRow(trace, 10).ready).toBe('1/2');
    expect(trace.conditions.at(-1)!.value.find((c) => c.type === 'Ready')?.status).toBe('False');
  });

  it('a fail-probes action starts the liveness failures at that moment', () => {
    const trace = simulate(
      pod({ containers: [app('web', {}, { livenessProbe: probe({ periodSeconds: 10, failureThreshold: 1 }) })], actions: [{ at: 33, do: 'fail-probes', container: 'web' }] }),
      { until: 45 },
    );
    expect(timesOf(trace, 'ProbeFailed', 'web')[0]).toBe(40);
  });

  it('a probe with a window of its own: the database is down, readiness fails, liveness passes', () => {
    const db = app(
      'api',
      { startup: 3, probes: { readiness: { unhealthyAfter: 20 }, liveness: { unhealthyAfter: null } }, unhealthyAfter: 5 },
      { readinessProbe: probe({ periodSeconds: 5, failureThreshold: 1 }), livenessProbe: probe({ periodSeconds: 5, failureThreshold: 1, initialDelaySeconds: 5 }) },
    );
    const trace = simulate(pod({ containers: [db] }), { until: 60 });
    // Both probes take `startup: 3` from the container; each has its own end, not the container's 5.
    expect(eventsOf(trace, 'Ready', 'api').map((e) => `${e.t} ${e.ready}`)).toEqual(['5 true', '20 false']);
    expect(eventsOf(trace, 'ProbeFailed', 'api').every((e) => e.probe === 'readiness')).toBe(true);
    expect(timesOf(trace, 'Started', 'api')).toEqual([0]);
  });

  it('an attempt override changes one probe window field by field', () => {
    const web = app(
      'web',
      { run: 20, exitCode: 1, probes: { readiness: { startup: 2, unhealthyAfter: 12 } }, attempts: [{}, { probes: { readiness: { unhealthyAfter: null } } }] },
      { readinessProbe: probe({ periodSeconds: 1, failureThreshold: 1 }) },
    );
    const trace = simulate(pod({ containers: [web] }), { until: 39 });
    // Run 1 (from 20 s) keeps the window's startup 2 and drops its end.
    expect(eventsOf(trace, 'Ready', 'web').map((e) => `${e.t} ${e.ready}`)).toEqual(['2 true', '12 false', '22 true']);
  });

  it('a fail-probes action that names a probe fails that probe alone', () => {
    const trace = simulate(
      pod({
        containers: [app('web', {}, { readinessProbe: probe({ periodSeconds: 10, failureThreshold: 1 }), livenessProbe: probe({ periodSeconds: 10, failureThreshold: 1 }) })],
        actions: [{ at: 33, do: 'fail-probes', container: 'web', probe: 'readiness' }],
      }),
      { until: 60 },
    );
    expect(eventsOf(trace, 'ProbeFailed', 'web').map((e) => `${e.t} ${e.probe}`)).toEqual(['40 readiness', '50 readiness', '60 readiness']);
    expect(timesOf(trace, 'Started', 'web')).toEqual([0]);
  });
});

describe('images (image_manager.go)', () => {
  it('shows ErrImagePull then ImagePullBackOff, retries with backoff, and keeps the pod Pending', () => {
    const trace = simulate(pod({ restartPolicy: 'Never', containers: [app('web', { pull: 2, pullFailures: 100 })] }), { until: 120 });
    expect(timesOf(trace, 'Pulling', 'web').slice(0, 4)).toEqual([0, 12, 34, 76]);
    expect(containerStatusAt(trace, 'web', 3.5)?.state.waiting?.reason).toBe('ErrImagePull');
    expect(containerStatusAt(trace, 'web', 5)?.state.waiting?.reason).toBe('ImagePullBackOff');
    expect(kubectlRow(trace, 5).status).toBe('ImagePullBackOff');
    expect(trace.phase.at(-1)!.value.phase).toBe('Pending');
    expect(timesOf(trace, 'Started', 'web')).toEqual([]);
  });

  it('pulls, then starts; a pull holds back the containers after it', () => {
    const trace = simulate(pod({ containers: [app('a', { pull: 8 }), app('b')] }));
    expect(timesOf(trace, 'Pulled', 'a')).toEqual([8]);
    expect(timesOf(trace, 'Started', 'b')).toEqual([8]);
    expect(kubectlRow(trace, 4).status).toBe('ContainerCreating');
  });

  it('never pulls under imagePullPolicy Never', () => {
    const trace = simulate(pod({ containers: [app('a', { pull: 1 }, { imagePullPolicy: 'Never' })] }), { until: 10 });
    expect(timesOf(trace, 'Pulling')).toEqual([]);
    expect(kubectlRow(trace, 5).status).toBe('ErrImageNeverPull');
  });

  it('fails every sync the same way under Never, the pod worker retrying after its 10 s back-off', () => {
    const trace = simulate(pod({ containers: [app('a', { pull: 1 }, { imagePullPolicy: 'Never' })] }), { until: 45 });
    // The sync at 0, the status sync that shows the reason at 1, then one every 10 s (ErrImageNeverPull is a sync error, not a back-off).
    expect(timesOf(trace, 'PullFailed')).toEqual([0, 1, 11, 21, 31, 41]);
    expect(kubectlRow(trace, 44).status).toBe('ErrImageNeverPull');
  });
});

describe('postStart hooks', () => {
  it('holds back the next container until the hook returns', () => {
    const trace = simulate(pod({ containers: [app('db', { postStart: 6 }, { postStart: true }), app('web')] }));
    expect(timesOf(trace, 'Started', 'web')).toEqual([6]);
    // The pod worker publishes no status while the hook runs.
    expect(containerStatusAt(trace, 'db', 3)?.state.waiting?.reason).toBe('ContainerCreating');
    expect(containerStatusAt(trace, 'db', 6)?.state.running).toBeDefined();
  });

  it('kills the container when the hook fails, then restarts it', () => {
    const trace = simulate(pod({ containers: [app('db', { postStart: 1, postStartFails: true }, { postStart: true })] }), { until: 30 });
    expect(eventsOf(trace, 'Killing', 'db')[0]).toMatchObject({ t: 1, reason: 'FailedPostStartHook' });
    expect(timesOf(trace, 'Started', 'db').length).toBeGreaterThan(1);
  });
});

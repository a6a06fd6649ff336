import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { containerStatusAt, podStatusAt } from '../status/status-at';
import { app, eventsOf, init, pod, probe, sidecar, timesOf } from '../testing/pod-builder';
import { startErrorCause, startErrorMessage } from './start-error';

const NOT_FOUND = 'exec: "migrate": executable file not found in $PATH';
const MESSAGE = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${NOT_FOUND}: unknown`;

// containerd internal/cri/server/container_start.go: exit code 128, reason StartError, the error as
// message, startedAt left zero. kuberuntime_container.go startContainer: Created, then Warning Failed
// "Error: …" and RunContainerError in the reason cache; kubelet_pods.go convertToAPIContainerStatuses
// shows it as the waiting reason of a container that is to start again.
describe('a container the runtime cannot start', () => {
  const trace = simulate(pod({ containers: [app('web', { startError: NOT_FOUND }), app('metrics')] }), { until: 60 });

  it('is created, then fails to start in the runtime\'s words, and never runs', () => {
    const first = trace.events.filter((e) => e.t === 0 && 'container' in e && e.container === 'web' && e.event).map((e) => `${e.event!.reason}: ${e.event!.message}`);
    expect(first).toEqual(['Pulled: Container image "example/web:1.0" already present on machine', 'Created: Created container: web', `Failed: Error: ${MESSAGE}`]);
    expect(eventsOf(trace, 'Started', 'web')).toEqual([]);
    expect(eventsOf(trace, 'Exited', 'web').map((e) => [e.t, e.exitCode, e.reason, e.restartCount])).toEqual([
      [0, 128, 'StartError', 0],
      [1, 128, 'StartError', 1],
      [11, 128, 'StartError', 2],
      [31, 128, 'StartError', 3],
    ]);
    expect(timesOf(trace, 'Started', 'metrics')).toEqual([0]);
  });

  it('shows StartError, then RunContainerError at the next sync, then CrashLoopBackOff', () => {
    expect(containerStatusAt(trace, 'web', 0.5)).toMatchObject({ ready: false, started: false, restartCount: 0, state: { terminated: { exitCode: 128, reason: 'StartError', message: MESSAGE, finishedAt: 0 } } });
    // A process that never ran has no start time (the API's zero time).
    expect(containerStatusAt(trace, 'web', 0.5)?.state.terminated).not.toHaveProperty('startedAt');
    expect(containerStatusAt(trace, 'web', 2)).toMatchObject({
      restartCount: 1,
      state: { waiting: { reason: 'RunContainerError', message: MESSAGE } },
      lastState: { terminated: { exitCode: 128, reason: 'StartError', finishedAt: 1 } },
    });
    expect(kubectlRow(trace, 0.5)).toMatchObject({ ready: '1/2', status: 'StartError', restarts: '0' });
    expect(kubectlRow(trace, 2)).toMatchObject({ status: 'RunContainerError', restarts: '1 (1s ago)' });
    expect(kubectlRow(trace, 5)).toMatchObject({ status: 'CrashLoopBackOff', restarts: '1 (4s ago)' });
    expect(eventsOf(trace, 'BackOff', 'web').map((e) => [e.t, e.delay])).toEqual([[2, 10], [12, 20], [32, 40]]);
    expect(podStatusAt(trace, 30).phase).toBe('Running');
  });

  it('stays terminated under restartPolicy Never, and the pod fails once the rest is done', () => {
    const never = simulate(pod({ restartPolicy: 'Never', containers: [app('web', { startError: NOT_FOUND }), app('job', { run: 5 })] }), { until: 30 });
    expect(eventsOf(never, 'Created', 'web').length).toBe(1);
    expect(containerStatusAt(never, 'web', 20)?.state.terminated).toMatchObject({ exitCode: 128, reason: 'StartError' });
    expect(kubectlRow(never, 2)).toMatchObject({ ready: '1/2', status: 'StartError', restarts: '0' });
    expect(podStatusAt(never, 20).phase).toBe('Failed');
  });

  it('starts on the first attempt that can, with its postStart hook and probes only then', () => {
    const later = simulate(
      pod({ containers: [app('web', { startError: NOT_FOUND, postStart: 2, attempts: [{}, {}, { startError: '' }] }, { postStart: true, readinessProbe: probe({ periodSeconds: 1 }) })] }),
      { until: 30 },
    );
    expect(eventsOf(later, 'Started', 'web').map((e) => [e.t, e.restartCount])).toEqual([[11, 2]]);
    expect(eventsOf(later, 'HookStarted', 'web').map((e) => e.t)).toEqual([11]);
    expect(containerStatusAt(later, 'web', 14)).toMatchObject({ ready: true, state: { running: { startedAt: 11 } }, lastState: { terminated: { reason: 'StartError' } } });
    expect(kubectlRow(later, 14)).toMatchObject({ ready: '1/1', status: 'Running', restarts: '2 (13s ago)' });
  });

  it('has only the runtime\'s message, even under FallbackToLogsOnError: its process wrote nothing', () => {
    const logs = simulate(pod({ restartPolicy: 'Never', containers: [app('web', { startError: NOT_FOUND, logs: 'panic', message: 'bye' }, { terminationMessagePolicy: 'FallbackToLogsOnError' })] }), { until: 5 });
    expect(containerStatusAt(logs, 'web', 1)?.state.terminated?.message).toBe(MESSAGE);
  });

  it('gives back runc\'s words from the message', () => {
    expect(startErrorCause(startErrorMessage(NOT_FOUND))).toBe(NOT_FOUND);
    expect(startErrorCause('some other runtime error')).toBe('some other runtime error');
  });
});

describe('start errors in the init sequence', () => {
  it('holds the sequence at a native sidecar that cannot start: Init:StartError, Init:RunContainerError, Init:CrashLoopBackOff', () => {
    const trace = simulate(pod({ initContainers: [sidecar('proxy', { startError: NOT_FOUND })], containers: [app('web')] }), { until: 60 });
    expect(kubectlRow(trace, 0.5)).toMatchObject({ ready: '0/2', status: 'Init:StartError' });
    expect(kubectlRow(trace, 2)).toMatchObject({ status: 'Init:RunContainerError', restarts: '1 (1s ago)' });
    expect(kubectlRow(trace, 20)).toMatchObject({ status: 'Init:CrashLoopBackOff', restarts: '2 (9s ago)' });
    expect(eventsOf(trace, 'Started')).toEqual([]);
    expect(podStatusAt(trace, 50).conditions.find((c) => c.type === 'Initialized')?.status).toBe('False');
  });

  it('fails the pod at an init container that cannot start under restartPolicy Never', () => {
    const trace = simulate(pod({ restartPolicy: 'Never', initContainers: [init('migrate', { startError: NOT_FOUND })], containers: [app('web')] }), { until: 30 });
    expect(kubectlRow(trace, 5)).toMatchObject({ ready: '0/1', status: 'Init:StartError', restarts: '0' });
    expect(podStatusAt(trace, 5).phase).toBe('Failed');
    expect(eventsOf(trace, 'Created').map((e) => e.container)).toEqual(['migrate']);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { containerStatusAt, podStatusAt } from '../status/status-at';
import { app, ephemeral, eventsOf, init, pod, sidecar, timesOf } from '../testing/pod-builder';

const debug = (at: number, container = 'debugger') => ({ at, do: 'debug' as const, container });

// kuberuntime_manager.go computePodActions: an ephemeral container in the spec without a status
// is started, even while the pod initializes, and never again once it has one; SyncPod starts
// them before the init containers. kubelet_pods.go: their statuses are ephemeralContainerStatuses.
describe('an ephemeral container that kubectl debug adds', () => {
  const trace = simulate(
    pod({ containers: [app('web', {}, { readinessProbe: undefined })], ephemeralContainers: [ephemeral('debugger', { run: 20, exitCode: 0 })], actions: [debug(30)] }),
    { until: 120 },
  );

  it('has no status before it is added, then starts at once and runs beside the app', () => {
    expect(podStatusAt(trace, 29)).not.toHaveProperty('ephemeralContainerStatuses');
    expect(containerStatusAt(trace, 'debugger', 29)).toBeUndefined();
    const created = trace.events.filter((e) => 'container' in e && e.container === 'debugger' && e.event).map((e) => `${e.t} ${e.event!.reason}: ${e.event!.message}`);
    expect(created).toEqual(['30 Pulled: Container image "example/debugger:1.0" already present on machine', '30 Created: Created container: debugger', '30 Started: Started container debugger']);
    // prober_manager.go UpdatePodStatus leaves ephemeral statuses alone: never ready, never started.
    expect(podStatusAt(trace, 35).ephemeralContainerStatuses).toMatchObject([{ name: 'debugger', state: { running: { startedAt: 30 } }, restartCount: 0, ready: false, started: false }]);
    expect(eventsOf(trace, 'ContainerStarted', 'debugger')).toEqual([]);
  });

  it('counts for nothing kubectl prints: READY, STATUS and RESTARTS are the app\'s', () => {
    expect(kubectlRow(trace, 35)).toMatchObject({ ready: '1/1', status: 'Running', restarts: '0' });
    expect(podStatusAt(trace, 35).containerStatuses.map((s) => s.name)).toEqual(['web']);
  });

  it('is never started again once it exits, whatever the restart policy', () => {
    expect(eventsOf(trace, 'Exited', 'debugger').map((e) => [e.t, e.exitCode])).toEqual([[50, 0]]);
    expect(timesOf(trace, 'Started', 'debugger')).toEqual([30]);
    expect(containerStatusAt(trace, 'debugger', 100)?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed', finishedAt: 50 });
  });
});

describe('ephemeral containers and the rest of the pod', () => {
  it('starts one while the init sequence is held at a failing init container', () => {
    const trace = simulate(
      pod({ initContainers: [init('migrate', { run: 1, exitCode: 1 })], containers: [app('web')], ephemeralContainers: [ephemeral('debugger')], actions: [debug(5)] }),
      { until: 30 },
    );
    expect(timesOf(trace, 'Started', 'debugger')).toEqual([5]);
    expect(kubectlRow(trace, 6).status).toMatch(/^Init:/);
    expect(eventsOf(trace, 'Started', 'web')).toEqual([]);
  });

  // termination_order.go newTerminationOrdering: the sidecars wait for spec.containers only.
  it('stops it with the app containers when the pod is deleted; the sidecars do not wait for it', () => {
    const trace = simulate(
      pod({
        initContainers: [sidecar('proxy', { stop: 1 })],
        containers: [app('web', { stop: 2 })],
        ephemeralContainers: [ephemeral('debugger', { stop: 'ignore' })],
        terminationGracePeriodSeconds: 10,
        actions: [debug(5), { at: 20, do: 'delete' }],
      }),
      { until: 60 },
    );
    expect(eventsOf(trace, 'Signal').map((e) => [e.t, e.container, e.signal])).toEqual([
      [20, 'web', 'SIGTERM'],
      [20, 'debugger', 'SIGTERM'],
      [22, 'proxy', 'SIGTERM'],
      [30, 'debugger', 'SIGKILL'],
    ]);
  });

  it('does not keep a finished pod alive: it is killed once the app containers are done', () => {
    const trace = simulate(
      pod({ restartPolicy: 'Never', containers: [app('job', { run: 10 })], ephemeralContainers: [ephemeral('debugger')], actions: [debug(2)] }),
      { until: 60 },
    );
    expect(eventsOf(trace, 'Killing', 'debugger').map((e) => [e.t, e.reason])).toEqual([[10, 'PodCompleted']]);
    expect(podStatusAt(trace, 60).phase).toBe('Succeeded');
    expect(trace.finished).toBe(true);
  });

  it('is not started in a pod already gone, nor twice for a second debug action', () => {
    const gone = simulate(pod({ containers: [app('web', { stop: 0 })], ephemeralContainers: [ephemeral('debugger')], actions: [{ at: 5, do: 'delete', gracePeriodSeconds: 0 }, debug(10)] }), { until: 30 });
    expect(eventsOf(gone, 'Started', 'debugger')).toEqual([]);
    const twice = simulate(pod({ containers: [app('web')], ephemeralContainers: [ephemeral('debugger', { run: 1 })], actions: [debug(5), debug(10)] }), { until: 30 });
    expect(timesOf(twice, 'Started', 'debugger')).toEqual([5]);
  });

  it('dies with the node and stays dead after it is back', () => {
    const trace = simulate(
      pod({ containers: [app('web')], ephemeralContainers: [ephemeral('debugger')], actions: [debug(5), { at: 20, do: 'reboot-node', down: 10 }] }),
      { until: 60 },
    );
    expect(timesOf(trace, 'Started', 'debugger')).toEqual([5]);
    expect(containerStatusAt(trace, 'debugger', 50)?.state.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown' });
    expect(timesOf(trace, 'Started', 'web')).toEqual([0, 30]);
  });
});

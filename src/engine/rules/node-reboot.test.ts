import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, init, pod, probe, sidecar, timesOf } from '../testing/pod-builder';
import type { PodAction } from '../types';
import type { Trace } from '../trace';

const reboot = (at: number, down: number): PodAction => ({ at, do: 'reboot-node', down });
const statusOf = (trace: Trace, name: string, t: number) =>
  [...podStatusAt(trace, t).initContainerStatuses, ...podStatusAt(trace, t).containerStatuses].find((s) => s.name === name)!;

/** init-1 (2 s), a native sidecar, init-2 (3 s), then app: Running from t = 5. */
const initialized = (actions: PodAction[], restartPolicy: 'Always' | 'OnFailure' | 'Never' = 'Always') =>
  pod({
    restartPolicy,
    initContainers: [init('init-1', { run: 2 }), sidecar('proxy'), init('init-2', { run: 3 })],
    containers: [app('app')],
    actions,
  });

describe('a node reboot', () => {
  it('freezes the status while the node is down: the API keeps what the kubelet last sent', () => {
    // An image update while the node is down changes the spec, not the status.
    const trace = simulate(initialized([reboot(20, 10), { at: 25, do: 'set-image', container: 'app', image: 'example/app:2.0' }]), { until: 60 });
    expect(eventsOf(trace, 'NodeDown')).toEqual([{ t: 20, type: 'NodeDown', until: 30 }]);
    expect(podStatusAt(trace, 29.9)).toEqual(podStatusAt(trace, 19));
    expect(podStatusAt(trace, 29.9).phase).toBe('Running');
    expect(trace.events.filter((e) => e.t > 20 && e.t < 30).map((e) => e.type)).toEqual(['ImageUpdated']);
  });

  it('shows the containers that died with the node as exited 255, Unknown, finished when containerd looked again', () => {
    const trace = simulate(initialized([reboot(20, 10)]), { until: 60 });
    expect(eventsOf(trace, 'Exited').filter((e) => e.t === 30)).toEqual([
      { t: 30, type: 'Exited', container: 'proxy', exitCode: 255, reason: 'Unknown', restartCount: 0 },
      { t: 30, type: 'Exited', container: 'app', exitCode: 255, reason: 'Unknown', restartCount: 0 },
    ]);
    expect(statusOf(trace, 'app', 30).state).toEqual({ terminated: { exitCode: 255, reason: 'Unknown', startedAt: 5, finishedAt: 30 } });
    // A completed init container keeps its own record: it exited 0 long before.
    expect(statusOf(trace, 'init-2', 30).state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('re-creates the sandbox and runs every init container again, in order, then the app; restart counts go on', () => {
    const trace = simulate(initialized([reboot(20, 10)]), { until: 60 });
    const changed = eventsOf(trace, 'SandboxChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ t: 30, attempt: 1, event: { type: 'Normal', reason: 'SandboxChanged', message: 'Pod sandbox changed, it will be killed and re-created.' } });
    expect(timesOf(trace, 'Started', 'init-1')).toEqual([0, 30]);
    expect(timesOf(trace, 'Started', 'proxy')).toEqual([2, 32]);
    expect(timesOf(trace, 'Started', 'init-2')).toEqual([2, 32]);
    expect(timesOf(trace, 'Started', 'app')).toEqual([5, 35]);
    for (const name of ['init-1', 'proxy', 'init-2', 'app']) expect(statusOf(trace, name, 40).restartCount).toBe(1);
    // The regular container keeps its last run; the init containers' old records were purged.
    expect(statusOf(trace, 'app', 40).lastState.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown' });
    expect(statusOf(trace, 'init-1', 40).lastState).toEqual({});
  });

  it('puts the pod back to Pending while it re-initializes, with PodReadyToStartContainers False until the new sandbox exists', () => {
    const trace = simulate(initialized([reboot(20, 10)]), { until: 60 });
    const phaseAt = (t: number) => podStatusAt(trace, t).phase;
    expect([19, 30, 31, 33, 34, 35, 40].map(phaseAt)).toEqual(['Running', 'Pending', 'Pending', 'Pending', 'Pending', 'Running', 'Running']);
    const sandbox = eventsOf(trace, 'PodCondition').filter((e) => e.condition === 'PodReadyToStartContainers');
    expect(sandbox.map((e) => [e.t, e.status])).toEqual([
      [0, 'True'],
      [30, 'False'],
      [30, 'True'],
    ]);
  });

  it('does not re-create the sandbox of a Never pod whose containers have run: the pod fails', () => {
    const trace = simulate(initialized([reboot(20, 10)], 'Never'), { until: 60 });
    expect(eventsOf(trace, 'SandboxChanged')).toEqual([]);
    expect(trace.events.filter((e) => e.type === 'Started' && e.t > 20)).toEqual([]);
    expect(podStatusAt(trace, 31).phase).toBe('Failed');
  });

  it('leaves a Never pod that was still initializing its sidecar without a sandbox: nothing runs and it stays Pending', () => {
    const trace = simulate(
      pod({
        restartPolicy: 'Never',
        initContainers: [sidecar('proxy', { startup: 100 }, { startupProbe: probe({ periodSeconds: 5, failureThreshold: 100 }) })],
        containers: [app('app')],
        actions: [reboot(20, 10)],
      }),
      { until: 90 },
    );
    expect(eventsOf(trace, 'SandboxChanged')).toEqual([]);
    expect(trace.events.filter((e) => e.type === 'Started' && e.t > 20)).toEqual([]);
    expect(podStatusAt(trace, 90).phase).toBe('Pending');
  });

  it('under OnFailure starts again only the regular containers that had not succeeded, after every init container', () => {
    const trace = simulate(
      pod({
        restartPolicy: 'OnFailure',
        initContainers: [init('init-1', { run: 2 })],
        containers: [app('done', { run: 5 }), app('server')],
        actions: [reboot(20, 10)],
      }),
      { until: 60 },
    );
    expect(timesOf(trace, 'Started', 'init-1')).toEqual([0, 30]);
    expect(timesOf(trace, 'Started', 'server')).toEqual([2, 32]);
    expect(timesOf(trace, 'Started', 'done')).toEqual([2]);
  });

  it('forgets the crash-loop back-off: the restarted kubelet starts a crash-looping container at once', () => {
    const trace = simulate(pod({ containers: [app('crasher', { run: 1, exitCode: 1 })], actions: [reboot(100, 10)] }), { until: 120 });
    const before = timesOf(trace, 'Started', 'crasher').filter((t) => t < 100);
    expect(before.length).toBeGreaterThan(3);
    expect(timesOf(trace, 'Started', 'crasher').filter((t) => t >= 100)[0]).toBe(110);
  });

  it('stops a kill under way where it was: no SIGKILL after the node went down, and a deleted pod is removed once the node is back', () => {
    const trace = simulate(
      pod({
        containers: [app('app', { stop: 'ignore' })],
        actions: [{ at: 10, do: 'delete' }, reboot(15, 10)],
      }),
      { until: 60 },
    );
    expect(eventsOf(trace, 'Signal').map((e) => [e.t, e.signal])).toEqual([[10, 'SIGTERM']]);
    expect(eventsOf(trace, 'SandboxChanged')).toEqual([]);
    expect(trace.deletedAt).toBe(25);
  });

  it('ignores a second reboot while the node is still down', () => {
    const trace = simulate(initialized([reboot(20, 10), reboot(25, 10)]), { until: 60 });
    expect(eventsOf(trace, 'NodeDown')).toHaveLength(1);
    expect(timesOf(trace, 'Started', 'init-1')).toEqual([0, 30]);
  });
});

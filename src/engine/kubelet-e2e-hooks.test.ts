import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import {
  containerAt,
  deletedAfter,
  eventsOf,
  exits,
  expectAlways,
  expectTerminated,
  finalStatus,
  goneWithin,
  harnessLog,
  isReady,
  phaseAt,
  POD_START,
  runFixture,
  runTogetherLhsFirst,
  waitUntil,
} from './testing/upstream-e2e';
import type { HookKind } from './types';
import type { Trace } from './trace';

// Conformance with the lifecycle hook e2e tests: every fixture in fixtures/kubelet-e2e-hooks/ is the pod of
// one upstream test, translated by the rules of fixtures/kubelet-e2e/README.md; every `it` asserts what that
// test asserts (map in fixtures/kubelet-e2e-hooks/README.md). Where upstream reads the handler pod's log
// ("GET /echo?msg=prestop" arrived), the test checks that the hook ran, and when: its HookStarted event, and
// the PostStart-<c>/PreStop-<c> lines of the harness log. The harness is testing/upstream-e2e.ts.

const run = (fixture: string): Trace => runFixture('kubelet-e2e-hooks', fixture);

// f.Timeouts.PodDelete (DeleteSync); f.Timeouts.PodStart (CreateSync, WaitForPodNameRunningInNamespace)
// is the harness's POD_START.
const POD_DELETE = 300;

const hookStart = (trace: Trace, container: string, hook: HookKind): number =>
  eventsOf(trace, 'HookStarted', container).find((e) => e.hook === hook)?.t ?? NaN;

/** PodClient.CreateSync: the pod is Ready within PodStart. Returns that moment. */
const createSync = (trace: Trace): number => waitUntil(trace, POD_START, 'pod Ready', (t) => isReady(podStatusAt(trace, t)));

/** WaitForPodNameRunningInNamespace: phase Running within PodStart. */
const waitRunning = (trace: Trace): number => waitUntil(trace, POD_START, 'pod Running', (t) => phaseAt(trace, t) === 'Running');

/** e2epod.WaitForContainerTerminated: the container's terminated state, within `timeout` from `from`. */
function waitTerminated(trace: Trace, name: string, timeout: number, from = 0) {
  const at = waitUntil(trace, timeout, `${name} terminated`, (t) => containerAt(trace, name, t)?.state.terminated !== undefined, from);
  const terminated = containerAt(trace, name, at)?.state.terminated;
  if (!terminated) throw new Error(`${name} not terminated at t=${at}`);
  return terminated;
}

describe('test/e2e/common/node/lifecycle_hook.go "Container Lifecycle Hook" and "Restartable Init Container Lifecycle Hook"', () => {
  // testPodWithHook: CreateSync; for a postStart, Eventually (2 min, 1 s polls) the handler pod logged
  // "GET /echo?msg=poststart"; DeleteSync(NewDeleteOptions(15), PodDelete); for a preStop, Eventually (30 s)
  // it logged "GET /echo?msg=prestop". An http(s) hook reaches the handler pod through the pod's own
  // container-redirect (`netexecConnect`), so container-redirect must be running while the hook runs.
  const POST_START_WAIT = 120;
  const PRE_STOP_WAIT = 30;
  for (const sidecar of [false, true]) {
    for (const handler of ['exec', 'http', 'https']) {
      for (const hook of ['postStart', 'preStop'] as const) {
        const lower = hook.toLowerCase();
        const fixture = `${sidecar ? 'sidecar-' : ''}${lower}-${handler}.yaml`;
        const name = `pod-with-${lower}-${handler}-hook`;
        const line = `${hook === 'postStart' ? 'PostStart' : 'PreStop'}-${name}`;
        it(`${sidecar ? 'restartable init container: ' : ''}should execute ${lower} ${handler} hook properly (${fixture})`, () => {
          const trace = run(fixture);
          const ready = createSync(trace);
          const log = harnessLog(trace);
          const hookAt = hookStart(trace, name, hook);
          if (hook === 'postStart') expect(hookAt).toBeLessThanOrEqual(ready + POST_START_WAIT);
          const deleteAt = deletedAfter(trace, hook === 'postStart' ? Math.max(ready, hookAt) : ready, 15);
          const gone = goneWithin(trace, deleteAt, POD_DELETE);
          if (hook === 'preStop') {
            // the request comes from the deletion, and arrives before the pod is gone (+ 30 s)
            expect(hookAt).toBeGreaterThanOrEqual(deleteAt);
            expect(hookAt).toBeLessThanOrEqual(gone + PRE_STOP_WAIT);
          }
          // The hook runs inside its container's life: after the container started, before it exited.
          expect(runTogetherLhsFirst(log, name, line)).toBeUndefined();
          expect(exits(log, line)).toBeUndefined();
          if (handler !== 'exec') expect(runTogetherLhsFirst(log, 'container-redirect', line)).toBeUndefined();
        });
      }
    }
  }
});

describe('test/e2e/common/node/lifecycle_hook.go "Lifecycle Sleep Hook" and "Lifecycle sleep action zero value"', () => {
  const name = 'pod-with-prestop-sleep-hook';
  const between = (seconds: number, low: number, high: number) => {
    // validDuration(duration, low, high)
    expect(seconds).toBeGreaterThanOrEqual(low);
    expect(seconds).toBeLessThanOrEqual(high);
  };

  it('reduce GracePeriodSeconds during runtime: a 50 s sleep is cut at the delete\'s 30 s', () => {
    const sleepSeconds = 50;
    const gracePeriod = 30;
    const trace = run('prestop-sleep-reduced-grace.yaml');
    const deleteAt = deletedAfter(trace, createSync(trace), gracePeriod);
    // deletionTS = delete time + 30; WaitForContainerTerminated(…, sleepSeconds*2)
    const deletionTS = deleteAt + gracePeriod;
    const { finishedAt } = waitTerminated(trace, name, sleepSeconds * 2, deleteAt);
    between(finishedAt - deletionTS + gracePeriod, gracePeriod, sleepSeconds);
  });

  it('ignore terminated container: a container that exits on its own does not wait for the sleep', () => {
    const sleepSeconds = 10;
    const gracePeriod = 30;
    const trace = run('prestop-sleep-terminated-container.yaml');
    const { startedAt, finishedAt } = waitTerminated(trace, name, gracePeriod);
    between(finishedAt - (startedAt ?? NaN), 0, sleepSeconds);
  });

  it('prestop hook using sleep action with zero duration: DeleteSync takes 0–30 s', () => {
    const trace = run('prestop-sleep-zero.yaml');
    const deleteAt = deletedAfter(trace, createSync(trace), 30);
    between(goneWithin(trace, deleteAt, POD_DELETE) - deleteAt, 0, 30);
  });
});

describe('test/e2e/node/container_readiness_during_termination.go "Container Readiness During Termination"', () => {
  it('should update container readiness when containers die during pod termination: 1/2 ready, and still for 10 s', () => {
    const trace = run('readiness-during-termination.yaml');
    const deleteAt = deletedAfter(trace, waitRunning(trace), 999_999);
    const readyCount = (t: number) => podStatusAt(trace, t).containerStatuses.filter((c) => c.ready).length;
    // Eventually(PodStartShort, Poll): the deletion timestamp set and one container ready.
    const half = waitUntil(trace, 120, '1/2 containers ready', (t) => readyCount(t) === 1, deleteAt);
    expectAlways(trace, half, half + 10, 'readiness at 1/2', (t) => readyCount(t) === 1);
    // The slow container is still in its preStop sleep, which the spec alone sets: no behaviour says so.
    expect(containerAt(trace, 'slow-terminating', half + 10)?.state.running).toBeDefined();
    expect(hookStart(trace, 'slow-terminating', 'preStop')).toBe(deleteAt);
  });
});

describe('test/e2e/node/pre_stop.go "PreStop"', () => {
  it('[Conformance] should call prestop when killing a pod', () => {
    const trace = run('prestop-called-on-kill.yaml');
    const deleteAt = deletedAfter(trace, waitRunning(trace), 30);
    // wait.Poll(5 s, 60 s) until the server pod's /read shows Received["prestop"] != 0
    const hookAt = hookStart(trace, 'tester', 'preStop');
    expect(hookAt).toBeGreaterThanOrEqual(deleteAt);
    const polls = Array.from({ length: 60 / 5 }, (_, i) => deleteAt + 5 * (i + 1));
    expect(polls.find((t) => hookAt <= t), 'prestop received by a poll within 60 s').toBeDefined();
    expect(runTogetherLhsFirst(harnessLog(trace), 'tester', 'PreStop-tester')).toBeUndefined();
  });

  it('graceful pod terminated should wait until preStop hook completes the process', () => {
    const trace = run('graceful-waits-for-prestop.yaml');
    const deleteAt = deletedAfter(trace, waitRunning(trace), 30);
    // time.Sleep(15 s), then wait.Poll(5 s, 60 s) until the kubelet's /pods lists the pod with phase Running
    const polls = Array.from({ length: 60 / 5 }, (_, i) => deleteAt + 15 + 5 * (i + 1));
    const listedRunning = (t: number) => t < (trace.deletedAt ?? Infinity) && phaseAt(trace, t) === 'Running';
    expect(polls.find(listedRunning), 'pod listed Running while its preStop runs').toBeDefined();
  });
});

describe('test/e2e_node/container_lifecycle_test.go "A pod with restartable init containers is terminating"', () => {
  // "The restartable init containers exit with non-zero exit code by prestop hook" / "should mark pod as
  // succeeded if any of the restartable init containers have terminated with non-zero exit code by prestop hook"
  it('marks the pod Succeeded, every container 0/Completed, when a sidecar preStop hook exits 1', () => {
    const trace = run('sidecar-prestop-fails-succeeded.yaml');
    // WaitForPodRunningInNamespace, then Delete(GracePeriodSeconds: 30)
    const deleteAt = deletedAfter(trace, waitRunning(trace), 30);
    // not upstream: the hook did fail, so the statuses below are those of a failed preStop
    const failed = eventsOf(trace, 'HookFinished').filter((e) => e.failed);
    expect(failed.map((e) => `${e.container} ${e.event?.type} ${e.event?.reason}`)).toEqual(['restartable-init-2 Warning FailedPreStopHook']);
    // WaitForPodSuccessInNamespace (PodStart)
    waitUntil(trace, POD_START, 'pod Succeeded', (t) => phaseAt(trace, t) === 'Succeeded', deleteAt);
    const status = finalStatus(trace);
    expectTerminated(status.containerStatuses, { 'regular-1': [0, 'Completed'] });
    expectTerminated(status.initContainerStatuses, {
      'restartable-init-1': [0, 'Completed'],
      'restartable-init-2': [0, 'Completed'],
      'restartable-init-3': [0, 'Completed'],
    });
  });
});

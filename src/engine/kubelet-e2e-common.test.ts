import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import {
  conditionOf,
  containerAt,
  eventsOf,
  expectAlways,
  expectLivenessRestarts,
  expectReadyAfterInitialDelay,
  expectUnreadyWhileTerminating,
  isReady,
  isTerminal,
  phaseAt,
  restartsAt,
  runFixture,
  waitUntil,
  type PodStatus,
} from './testing/upstream-e2e';
import type { Trace } from './trace';

// Conformance with Kubernetes' own e2e tests: every fixture in fixtures/kubelet-e2e/ is the pod of one
// upstream test, and every `it` asserts what that test asserts (map in fixtures/kubelet-e2e/README.md).
// Upstream polls a real node and allows seconds of slack; the engine is deterministic, so the checks
// keep upstream's orderings and bounds and only pin exact numbers where the kubelet rule fixes them.
// This file: init_container.go, container_probe.go, lifecycle_hook.go and container_restart_test.go.

const run = (fixture: string, until?: number): Trace => runFixture('kubelet-e2e', fixture, until);

describe('test/e2e/common/node/init_container.go "InitContainer" [NodeConformance]', () => {
  function expectInitContainersDone(status: PodStatus): void {
    expect(conditionOf(status, 'Initialized')?.status).toBe('True');
    expect(status.initContainerStatuses).toHaveLength(2);
    for (const init of status.initContainerStatuses) {
      expect(init.ready, `${init.name} ready`).toBe(true);
      expect(init.state.terminated?.exitCode, `${init.name} exit code`).toBe(0);
    }
  }

  // init_container.go: [Conformance] "should invoke init containers on a RestartNever pod"
  it('invokes init containers on a RestartNever pod', () => {
    const trace = run('init-restart-never-pod.yaml');
    const done = waitUntil(trace, 300, 'pod completed', (t) => isTerminal(phaseAt(trace, t)));
    const status = podStatusAt(trace, done);
    expect(status.phase).toBe('Succeeded');
    expectInitContainersDone(status);
  });

  // init_container.go: [Conformance] "should invoke init containers on a RestartAlways pod"
  it('invokes init containers on a RestartAlways pod', () => {
    const trace = run('init-restart-always-pod.yaml', 60);
    const running = waitUntil(trace, 60, 'pod Running', (t) => phaseAt(trace, t) === 'Running');
    expectInitContainersDone(podStatusAt(trace, running));
  });

  // init_container.go: [Conformance] "should not start app containers if init containers fail on a RestartAlways pod"
  it('does not start app containers while init containers fail on a RestartAlways pod', () => {
    const trace = run('init-fails-always-pod.yaml', 300);
    // First watch condition: every observed status until init1 shows a lastState.terminated.
    const failedOnce = waitUntil(trace, 300, 'init1 lastState.terminated', (t) => {
      return podStatusAt(trace, t).initContainerStatuses[0]?.lastState.terminated !== undefined;
    });
    expectAlways(trace, 0, failedOnce, 'run1 and init2 waiting in PodInitializing, init1 not succeeded', (t) => {
      const status = podStatusAt(trace, t);
      const appsWaiting = status.containerStatuses.every((c) => c.state.waiting?.reason === 'PodInitializing');
      if (status.initContainerStatuses.length !== 2) return appsWaiting;
      const [init1, init2] = status.initContainerStatuses;
      return (
        appsWaiting && init2?.state.waiting?.reason === 'PodInitializing' && init1?.state.terminated?.exitCode !== 0
      );
    });
    // Second watch condition: init1 restarted at least 3 times.
    // One watch, one timeout (PodStartTimeout) for both of its conditions.
    const end = waitUntil(
      trace,
      300 - failedOnce,
      'init1 restartCount >= 3',
      (t) => (podStatusAt(trace, t).initContainerStatuses[0]?.restartCount ?? 0) >= 3,
      failedOnce,
    );
    const status = podStatusAt(trace, end);
    expect(status.phase).toBe('Pending');
    const initialized = conditionOf(status, 'Initialized');
    expect(initialized?.status).toBe('False');
    expect(initialized?.reason).toBe('ContainersNotInitialized');
    expect(initialized?.message).toBe('containers with incomplete status: [init1 init2]');
    expect(status.initContainerStatuses).toHaveLength(2);
  });

  // init_container.go: [Conformance] "should not start app containers and fail the pod if init
  // containers fail on a RestartNever pod"
  it('does not start app containers and fails the pod if an init container fails on a RestartNever pod', () => {
    const trace = run('init-fails-never-pod.yaml');
    const init2Failed = waitUntil(trace, 300, 'init2 terminated', (t) => {
      return podStatusAt(trace, t).initContainerStatuses[1]?.state.terminated !== undefined;
    });
    expectAlways(trace, 0, init2Failed, 'run1 waiting in PodInitializing, init1 not failed', (t) => {
      const status = podStatusAt(trace, t);
      const appsWaiting = status.containerStatuses.every((c) => c.state.waiting?.reason === 'PodInitializing');
      const init1 = status.initContainerStatuses[0];
      const init1Ok =
        init1 === undefined ||
        (init1.state.terminated === undefined
          ? init1.state.waiting === undefined || init1.state.waiting.reason === 'PodInitializing'
          : init1.state.terminated.exitCode === 0);
      return appsWaiting && init1Ok;
    });
    expect(podStatusAt(trace, init2Failed).initContainerStatuses[1]?.state.terminated?.exitCode).not.toBe(0);
    const done = waitUntil(trace, 300, 'pod completed', (t) => isTerminal(phaseAt(trace, t)), init2Failed);
    const status = podStatusAt(trace, done);
    expect(status.phase).toBe('Failed');
    const initialized = conditionOf(status, 'Initialized');
    expect(initialized?.status).toBe('False');
    expect(initialized?.reason).toBe('ContainersNotInitialized');
    expect(initialized?.message).toBe('containers with incomplete status: [init2]');
    expect(status.initContainerStatuses).toHaveLength(2);
    expect(status.containerStatuses[0]?.state.waiting).toBeDefined();
  });
});

describe('test/e2e/common/node/container_probe.go "Probing container"', () => {
  // 4 min defaultObservationTimeout
  const OBSERVATION = 240;

  // container_probe.go: [Conformance] "should be restarted with a exec \"cat /tmp/health\" liveness probe"
  it('restarts a container whose exec liveness probe starts failing', () => {
    const trace = run('liveness-exec-restart.yaml', 2 * OBSERVATION);
    expectLivenessRestarts(trace, 'busybox', 1, OBSERVATION);
  });

  // container_probe.go: "should be restarted startup probe fails"
  it('restarts a container whose startup probe keeps failing', () => {
    const trace = run('startup-probe-restart.yaml', 2 * OBSERVATION);
    expectLivenessRestarts(trace, 'busybox', 1, OBSERVATION);
  });

  // container_probe.go: "should *not* be restarted by liveness probe because startup probe delays it"
  it('does not run a failing liveness probe before the startup probe succeeds', () => {
    const trace = run('startup-probe-delays-liveness.yaml', 2 * OBSERVATION);
    expectLivenessRestarts(trace, 'busybox', 0, OBSERVATION);
  });

  // container_probe.go: "should be ready immediately after startupProbe succeeds"
  it('becomes ready within 25 s of the startup probe succeeding', () => {
    const trace = run('ready-after-startup.yaml', 300);
    const started = waitUntil(trace, 300, 'container started', (t) => {
      return containerAt(trace, 'busybox', t)?.started === true;
    });
    const ready = waitUntil(trace, 300, 'pod Ready', (t) => isReady(podStatusAt(trace, t)));
    expect(phaseAt(trace, ready)).toBe('Running');
    expect(ready - started).toBeGreaterThanOrEqual(0);
    expect(ready - started).toBeLessThanOrEqual(25);
  });

  // container_probe.go: [Conformance] "with readiness probe should not be ready before initial delay and never restart"
  it('is not ready before the readiness initial delay and never restarts', () => {
    expectReadyAfterInitialDelay(run('readiness-initial-delay.yaml', 300), 'test-webserver', 15);
  });

  // container_probe.go: "should override timeoutGracePeriodSeconds when LivenessProbe field is set"
  it("kills with the liveness probe's terminationGracePeriodSeconds instead of the pod's", () => {
    const trace = run('liveness-probe-grace-override.yaml', 40 + OBSERVATION + 10);
    expectLivenessRestarts(trace, 'busybox', 1, 40 + OBSERVATION);
    // upstream comment: "10s delay + 10s period + 5s grace period = 25s < 30s << pod-level timeout 500"
    const restarted = eventsOf(trace, 'Started', 'busybox').find((e) => e.restartCount === 1);
    expect(restarted?.t ?? Infinity).toBeLessThan(30);
  });

  // container_probe.go: "should mark readiness on pods to false and disable liveness probes while pod
  // is in progress of terminating"
  it('marks the pod not ready and stops liveness probing while it terminates', () => {
    const trace = run('readiness-false-liveness-off-terminating.yaml');
    expect(trace.deletion?.t).toBe(20);
    expectUnreadyWhileTerminating(trace);
    const livenessFailures = trace.events.filter((e) => e.event?.message.includes('failed liveness probe'));
    expect(livenessFailures).toEqual([]);
  });
});

describe('test/e2e/common/node/lifecycle_hook.go "Lifecycle Sleep Hook"', () => {
  // lifecycle_hook.go: "valid prestop hook using sleep action"
  it('sleeps for the preStop sleep action before the container stops', () => {
    const trace = run('prestop-sleep-hook.yaml');
    const deleteAt = 10;
    waitUntil(trace, deleteAt, 'pod Running', (t) => phaseAt(trace, t) === 'Running');
    const finishedAt = eventsOf(trace, 'Exited', 'pod-with-prestop-sleep-hook')[0]?.t ?? NaN;
    // sleep_duration = finishAt - deletion time must lie in [sleepSeconds 50, gracePeriod 100]
    expect(finishedAt - deleteAt).toBeGreaterThanOrEqual(50);
    expect(finishedAt - deleteAt).toBeLessThanOrEqual(100);
  });
});

describe('test/e2e_node/container_restart_test.go "Container Restart"', () => {
  // doTest(ctx, f, 3, containerName, maxRestarts) for each kubelet configuration, with the ladder of
  // start times its comment gives (the Reduced test's comment is the Alternate one, copied: its
  // ladder is newCrashLoopBackOff's, 1 s doubling to the node max, on by default since 1.35: 300 s).
  const cases: [string, string, number, number[]][] = [
    ['Container restart backs off.', 'crashloop-backoff.yaml', 7, [0, 0, 10, 30, 70, 150, 310]],
    ['Alternate restart backs off. (maxContainerRestartPeriod 30s)', 'crashloop-backoff-alternate.yaml', 13, [0, 0, 10, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300]],
    ['Reduced default restart backs off. (ReduceDefaultCrashLoopBackOffDecay)', 'crashloop-backoff-reduced.yaml', 13, [0, 0, 1, 3, 7, 15, 31, 63, 127, 255]],
    ['Lower node config container restart takes precedence (maxContainerRestartPeriod 1s)', 'crashloop-backoff-lower-node-config.yaml', 298, [0, 0, 1, 2, 3, 4, 5, 6, 7]],
  ];
  for (const [name, fixture, maxRestarts, ladder] of cases) {
    it(`${name}: at most ${maxRestarts} restarts once 3, starts at ${ladder.slice(2, 6).join(', ')}… s`, () => {
      const trace = run(fixture, 400);
      // WaitForPodContainerToFail(…, 0, "CrashLoopBackOff", 1 min), which upstream expects to fail: it
      // errors as soon as the pod is not Pending, and a container crash-looping under Always has made
      // it Running before any CrashLoopBackOff; only CrashLoopBackOff seen while Pending would pass it.
      const leftPending = waitUntil(trace, 60, 'the pod no longer Pending', (t) => {
        if (phaseAt(trace, t) !== 'Pending') return true;
        expect(containerAt(trace, 'restarts', t)?.state.waiting?.reason, `t=${t}`).not.toBe('CrashLoopBackOff');
        return false;
      });
      // time.Sleep(30 s), then waitForContainerRestartedNTimes(…, 5 min, 3), then extractObservedBackoff.
      const atLeastThree = waitUntil(trace, 300, 'restartCount >= 3', (t) => restartsAt(trace, 'restarts', t) >= 3, leftPending + 30);
      expect(restartsAt(trace, 'restarts', atLeastThree)).toBeLessThanOrEqual(maxRestarts);
      const starts = eventsOf(trace, 'Started', 'restarts').map((e) => e.t);
      expect(starts.slice(0, ladder.length).map((t) => t - starts[0]!)).toEqual(ladder);
    });
  }
});

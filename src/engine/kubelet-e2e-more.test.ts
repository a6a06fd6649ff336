import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import {
  containerAt,
  doesntStart,
  eventsOf,
  exits,
  exitsBefore,
  expectLivenessRestarts,
  expectNeverReadyNorRestarted,
  expectReadyAfterInitialDelay,
  expectUnreadyWhileTerminating,
  finalPhase,
  harnessLog,
  hasNotRestarted,
  hasRestarted,
  isReady,
  isTerminal,
  phaseAt,
  restartsAt,
  runFixture,
  runTogether,
  starts,
  startsBefore,
  POD_START,
  waitContainerRestartCount,
  waitInitContainerToFail,
  waitPendingAndInitRestarted,
  waitRunning,
  waitUntil,
} from './testing/upstream-e2e';
import type { Trace } from './trace';

// More conformance with Kubernetes' own e2e tests: every fixture in fixtures/kubelet-e2e-more/ is the pod
// of one upstream test that fixtures/kubelet-e2e/ does not cover yet, translated by the rules of
// fixtures/kubelet-e2e/README.md; every `it` asserts what that test asserts (map in
// fixtures/kubelet-e2e-more/README.md). The harness (log checks, polled waits) is testing/upstream-e2e.ts.

const run = (fixture: string, until?: number): Trace => runFixture('kubelet-e2e-more', fixture, until);

/** WaitTimeoutForPodNoLongerRunningInNamespace, then `Expect(Phase).To(Equal(PodSucceeded))`. */
function expectSucceeded(trace: Trace): void {
  waitUntil(trace, POD_START, 'pod no longer running', (t) => isTerminal(phaseAt(trace, t)));
  expect(finalPhase(trace)?.phase).toBe('Succeeded');
}

/** WaitForPodFailedReason(…, reason "", 1 min): Failed with an empty status.reason, never Succeeded. */
function expectFailedWithin(trace: Trace, timeout: number): number {
  const at = waitUntil(trace, timeout, 'pod failed', (t) => isTerminal(phaseAt(trace, t)));
  expect(phaseAt(trace, at)).toBe('Failed');
  expect(finalPhase(trace)?.reason ?? '').toBe('');
  return at;
}

describe('test/e2e_node/container_lifecycle_test.go "Containers Lifecycle", regular containers', () => {
  // "running a Pod with a failed regular container" / "should restart failing container when pod restartPolicy is Always"
  it('restarts a failing regular container of an Always pod', () => {
    const trace = run('regular-restarts-always.yaml', 130);
    const at = waitContainerRestartCount(trace, 0, 3, 120);
    const log = harnessLog(trace, at);
    expect(starts(log, 'regular-1')).toBeUndefined();
    expect(startsBefore(log, 'regular-1', 'regular-1')).toBeUndefined();
    expect(exitsBefore(log, 'regular-1', 'regular-1')).toBeUndefined();
  });

  // "a pod cannot terminate gracefully" / "should respect termination grace period seconds"
  it('removes a pod whose process ignores SIGTERM within grace 30 + buffer 30 s', () => {
    const trace = run('grace-period-no-prestop.yaml');
    const deleteAt = 5;
    waitUntil(trace, deleteAt, 'pod Running', (t) => phaseAt(trace, t) === 'Running');
    expect(trace.deletion?.t).toBe(deleteAt);
    // WaitForPodNotFoundInNamespace(gracePeriod + bufferSeconds)
    expect(trace.deletedAt).toBeDefined();
    expect((trace.deletedAt ?? Infinity) - deleteAt).toBeLessThanOrEqual(30 + 30);
  });

  // "A regular container fails a liveness probe" /
  // "should call the container's preStop hook and terminate it if its liveness probe fails"
  it('calls the preStop hook and terminates the container when its liveness probe fails', () => {
    const trace = run('liveness-fails-prestop.yaml');
    waitUntil(trace, POD_START, 'pod no longer running', (t) => isTerminal(phaseAt(trace, t)));
    const log = harnessLog(trace);
    expect(runTogether(log, 'regular-1', 'PreStop-regular-1')).toBeUndefined();
    expect(starts(log, 'PreStop-regular-1')).toBeUndefined();
    expect(exits(log, 'regular-1')).toBeUndefined();
  });
});

describe('test/e2e_node/container_lifecycle_test.go "Containers Lifecycle", restartable init containers', () => {
  // "using a restartable init container in a Pod with restartPolicy=Never|OnFailure" /
  // "a restartable init container fails to start because of a bad image": "should mark a Pod as failed
  // and produce log", "should not start a restartable init container", "should not start a regular container"
  for (const policy of ['never', 'onfailure']) {
    it(`keeps a ${policy} pod Pending in ImagePullBackOff when the sidecar image cannot be pulled`, () => {
      const trace = run(`sidecar-bad-image-${policy}.yaml`, POD_START);
      const at = waitInitContainerToFail(trace, 0, 'ImagePullBackOff');
      const log = harnessLog(trace, at);
      expect(doesntStart(log, 'restartable-init-1')).toBeUndefined();
      expect(doesntStart(log, 'regular-1')).toBeUndefined();
    });
  }

  // "…restartPolicy=Never|OnFailure" / "a restartable init container starts and exits with exit code 0
  // continuously" (and, for OnFailure, "…exit code 1 continuously"): "should complete a Pod successfully
  // and produce log", "should restart a restartable init container before the regular container
  // started", "…after the regular container started", "should run a regular container to completion"
  for (const fixture of [
    'sidecar-exits-0-continuously-never.yaml',
    'sidecar-exits-0-continuously-onfailure.yaml',
    'sidecar-exits-1-continuously-onfailure.yaml',
  ]) {
    it(`${fixture}: restarts the sidecar before and after the regular container started and Succeeds`, () => {
      const trace = run(fixture);
      expectSucceeded(trace);
      const log = harnessLog(trace);
      expect(startsBefore(log, 'restartable-init-1', 'regular-1')).toBeUndefined();
      expect(startsBefore(log, 'regular-1', 'restartable-init-1')).toBeUndefined();
      expect(exits(log, 'regular-1')).toBeUndefined();
    });
  }

  // "…restartPolicy=Always" / "a restartable init container starts and exits with exit code 0|1
  // continuously": "should keep running a Pod continuously and produce log"
  // (WaitForPodContainerRestartCount(…, 0, 1, 2*time.Minute)), "should restart a restartable init container
  // before the regular container started", "…after…", "should start a regular container"
  for (const code of [0, 1]) {
    it(`keeps an Always pod running while its sidecar exits ${code} continuously`, () => {
      const trace = run(`sidecar-exits-${code}-continuously-always.yaml`, 130);
      const at = waitContainerRestartCount(trace, 0, 1, 120);
      const log = harnessLog(trace, at);
      expect(startsBefore(log, 'restartable-init-1', 'regular-1')).toBeUndefined();
      expect(startsBefore(log, 'regular-1', 'restartable-init-1')).toBeUndefined();
      expect(starts(log, 'regular-1')).toBeUndefined();
    });
  }

  // "…restartPolicy=OnFailure" / "a restartable init container runs continuously": "should complete a Pod
  // successfully and produce log", "should not restart a restartable init container", "should run a
  // regular container to completion"
  it('completes an OnFailure pod whose sidecar runs continuously, without restarting the sidecar', () => {
    const trace = run('sidecar-runs-continuously-onfailure.yaml');
    expectSucceeded(trace);
    const log = harnessLog(trace);
    expect(hasNotRestarted(log, 'restartable-init-1')).toBeUndefined();
    expect(exits(log, 'regular-1')).toBeUndefined();
  });

  // "…restartPolicy=Always" / "a restartable init container runs continuously": "should keep running a Pod
  // continuously and produce log" (WaitForPodContainerRestartCount(…, 0, 2, 2*time.Minute)), "should not
  // restart a restartable init container", "should start a regular container" (HasRestarted(regular1))
  it('restarts the regular container of an Always pod but not its continuously running sidecar', () => {
    const trace = run('sidecar-runs-continuously-always.yaml', 130);
    const at = waitContainerRestartCount(trace, 0, 2, 120);
    const log = harnessLog(trace, at);
    expect(hasNotRestarted(log, 'restartable-init-1')).toBeUndefined();
    expect(hasRestarted(log, 'regular-1')).toBeUndefined();
  });

  // "…restartPolicy=Never" / "an Init container before restartable init container fails": "should mark a
  // Pod as failed and produce log", "should mark an Init container as failed", "should not start
  // restartable init container"
  it('fails a Never pod whose init container before the sidecar fails, never starting the sidecar', () => {
    const trace = run('init-before-sidecar-fails-never.yaml');
    const at = expectFailedWithin(trace, 60);
    const log = harnessLog(trace, at);
    expect(exits(log, 'init-1')).toBeUndefined();
    expect(doesntStart(log, 'restartable-init-1')).toBeUndefined();
  });

  // "…restartPolicy=OnFailure" / "an Init container before restartable init container continuously fails":
  // "should continuously run Pod keeping it Pending", "should have Init container restartCount greater
  // than 0", "should not start restartable init container"
  it('keeps an OnFailure pod Pending while the init container before the sidecar crash-loops', () => {
    const trace = run('init-before-sidecar-fails-onfailure.yaml', POD_START);
    const at = waitPendingAndInitRestarted(trace, 0, 3);
    const log = harnessLog(trace, at);
    expect(hasRestarted(log, 'init-1')).toBeUndefined();
    expect(doesntStart(log, 'restartable-init-1')).toBeUndefined();
  });

  // "…restartPolicy=OnFailure" / "an Init container after restartable init container fails": "should
  // continuously run Pod keeping it Pending" (init status 0, the sidecar, restartCount >= 3), "should have
  // Init container restartCount greater than 0", "should be running restartable init container and a
  // failed Init container in parallel"
  it('keeps an OnFailure pod Pending while the init container after the sidecar crash-loops', () => {
    const trace = run('init-after-sidecar-fails-onfailure.yaml', POD_START);
    const at = waitPendingAndInitRestarted(trace, 0, 3);
    const log = harnessLog(trace, at);
    expect(hasRestarted(log, 'init-1')).toBeUndefined();
    expect(runTogether(log, 'restartable-init-1', 'init-1')).toBeUndefined();
  });

  // "A restartable init container with startup probe fails initially" / "should continue probing and allow
  // regular container to start after the restartable init container recovers"
  it('starts the regular container once a sidecar that failed its first run recovers', () => {
    const trace = run('sidecar-startup-probe-recovers.yaml', 300);
    const restarted = waitUntil(trace, 90, 'restartable init restarted', (t) => {
      return restartsAt(trace, 'buggy-restartable-init', t) > 0;
    });
    const running = waitUntil(
      trace,
      90,
      'restartable init running',
      (t) => containerAt(trace, 'buggy-restartable-init', t)?.state.running !== undefined,
      restarted,
    );
    waitUntil(
      trace,
      120,
      'regular container running',
      (t) => containerAt(trace, 'regular-container', t)?.state.running !== undefined,
      running,
    );
  });
});

describe('test/e2e/common/node/container_probe.go "Probing restartable init container"', () => {
  // 4 min defaultObservationTimeout
  const OBSERVATION = 240;

  // "should be restarted with a exec \"cat /tmp/health\" liveness probe"
  it('restarts a sidecar whose exec liveness probe starts failing', () => {
    expectLivenessRestarts(run('sidecar-liveness-exec-restart.yaml', 2 * OBSERVATION), 'busybox', 1, OBSERVATION);
  });

  // "should *not* be restarted with a exec \"cat /tmp/health\" liveness probe"
  it('does not restart a sidecar whose exec liveness probe keeps passing', () => {
    expectLivenessRestarts(run('sidecar-liveness-exec-no-restart.yaml', 2 * OBSERVATION), 'busybox', 0, OBSERVATION);
  });

  // "should be restarted startup probe fails"
  it('restarts a sidecar whose startup probe keeps failing', () => {
    expectLivenessRestarts(run('sidecar-startup-probe-restart.yaml', 2 * OBSERVATION), 'sidecar', 1, OBSERVATION);
  });

  // "should *not* be restarted by liveness probe because startup probe delays it"
  it('does not run a failing sidecar liveness probe before its startup probe succeeds', () => {
    expectLivenessRestarts(run('sidecar-startup-delays-liveness.yaml', 2 * OBSERVATION), 'sidecar', 0, OBSERVATION);
  });

  // "should be restarted by liveness probe after startup probe enables it"
  it('restarts a sidecar by its failing liveness probe once the startup probe succeeded', () => {
    expectLivenessRestarts(run('sidecar-liveness-after-startup.yaml', 2 * OBSERVATION), 'sidecar', 1, OBSERVATION);
  });

  // "should be ready immediately after startupProbe succeeds"
  it('makes the sidecar ready within 25 s of its startup probe succeeding', () => {
    const trace = run('sidecar-ready-after-startup.yaml', 300);
    // WaitForPodContainerStarted(…, 0, PodStartTimeout): container index 0 of spec.containers
    const started = waitUntil(trace, 300, 'main started', (t) => containerAt(trace, 'main', t)?.started === true);
    const ready = waitUntil(trace, 300, 'pod Ready', (t) => isReady(podStatusAt(trace, t)), started);
    expect(phaseAt(trace, ready)).toBe('Running');
    // The sidecar's startup probe gates main, so main starts after it succeeds.
    const sidecarStarted = waitUntil(trace, 300, 'sidecar started', (t) => containerAt(trace, 'sidecar', t)?.started === true);
    expect(sidecarStarted).toBeGreaterThanOrEqual(32);
    expect(ready - started).toBeGreaterThanOrEqual(0);
    expect(ready - started).toBeLessThanOrEqual(25);
  });

  // "with readiness probe should not be ready before initial delay and never restart"
  it('keeps the pod not ready before the sidecar readiness initial delay, without restarts', () => {
    expectReadyAfterInitialDelay(run('sidecar-readiness-initial-delay.yaml', 300), 'test-webserver', 15);
  });

  // "should override timeoutGracePeriodSeconds when LivenessProbe field is set" and "…when StartupProbe
  // field is set": upstream comment "10s delay + 10s period + 5s grace period = 25s < 30s << pod-level
  // timeout 500"
  for (const [fixture, probe] of [
    ['sidecar-liveness-probe-grace-override.yaml', 'liveness'],
    ['sidecar-startup-probe-grace-override.yaml', 'startup'],
  ] as const) {
    it(`kills the sidecar with its ${probe} probe's terminationGracePeriodSeconds, not the pod's`, () => {
      const trace = run(fixture, 40 + OBSERVATION + 10);
      expectLivenessRestarts(trace, 'busybox', 1, 40 + OBSERVATION);
      const restarted = eventsOf(trace, 'Started', 'busybox').find((e) => e.restartCount === 1);
      expect(restarted?.t ?? Infinity).toBeLessThan(30);
    });
  }

  // "should mark readiness on pods to false while pod is in progress of terminating when a pod has a
  // readiness probe" and "…and disable liveness probes while pod is in progress of terminating"
  for (const fixture of ['sidecar-readiness-false-terminating.yaml', 'sidecar-readiness-false-liveness-off-terminating.yaml']) {
    it(`${fixture}: the pod goes unready before it is gone, with no liveness failure`, () => {
      const trace = run(fixture);
      expectUnreadyWhileTerminating(trace);
      // gomega.Consistently: no Event says "failed liveness probe"
      expect(trace.events.filter((e) => e.event?.message.includes('failed liveness probe'))).toEqual([]);
    });
  }

  // "with readiness probe that fails should never be ready and never restart"
  it('never marks the pod ready, nor restarts, when the sidecar readiness probe always fails', () => {
    expectNeverReadyNorRestarted(run('sidecar-readiness-fails.yaml', 120));
  });
});

describe('test/e2e/common/node/ephemeral_containers.go "Ephemeral Containers" [Conformance]', () => {
  /** AddEphemeralContainerSync: the subresource update, then WaitForContainerRunning on its ephemeral status, within 1 min. */
  function waitEphemeralRunning(trace: Trace, name: string, from: number): number {
    return waitUntil(trace, 60, `${name} running`, (t) => (podStatusAt(trace, t).ephemeralContainerStatuses ?? []).some((s) => s.name === name && s.state.running !== undefined), from);
  }

  it('will start an ephemeral container in an existing pod', () => {
    const trace = run('ephemeral-container-starts.yaml', 60);
    const running = waitRunning(trace);
    const at = waitEphemeralRunning(trace, 'debugger', Math.max(running, 5));
    // The pod runs on, its own container untouched; the debugger is no container of spec.containers.
    expect(podStatusAt(trace, at)).toMatchObject({ phase: 'Running', containerStatuses: [{ name: 'test-container-1', restartCount: 0 }] });
  });

  it('should update the ephemeral containers in an existing pod', () => {
    const trace = run('ephemeral-containers-update.yaml', 60);
    const at = waitEphemeralRunning(trace, 'debugger', Math.max(waitRunning(trace), 5));
    expect(podStatusAt(trace, at).ephemeralContainerStatuses!.map((s) => s.name)).toEqual(['debugger']);
    // The second update adds another: the pod now has two, the first still running.
    const later = podStatusAt(trace, 20).ephemeralContainerStatuses!;
    expect(later.map((s) => s.name)).toEqual(['debugger', 'debugger2']);
    expect(later[0]!.state.running).toBeDefined();
  });
});

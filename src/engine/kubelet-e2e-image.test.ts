import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import { restartDelay } from './testing/restart-delay';
import {
  doesntStart,
  eventsOf,
  exits,
  exitsBefore,
  expectAlways,
  finalPhase,
  harnessLog,
  hasNotRestarted,
  hasRestarted,
  isTerminal,
  phaseAt,
  runFixture,
  starts,
  startsBefore,
  POD_START,
  waitContainerRestartCount,
  waitUntil,
} from './testing/upstream-e2e';
import type { Trace } from './trace';

// Kubernetes' own e2e tests that update a container's image in place, replayed: every fixture in
// fixtures/kubelet-e2e-image/ is the pod of one upstream test, its `client.Update` a set-image
// action at a moment when upstream's precondition already holds (the test checks that first).
// Every `it` asserts what that test asserts (map in fixtures/kubelet-e2e-image/README.md).

const run = (fixture: string, until?: number): Trace => runFixture('kubelet-e2e-image', fixture, until);
const BUSYBOX = 'busybox:1.36';
const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53';

/** When the fixture's client.Update happens. */
function updateAt(trace: Trace): number {
  const update = eventsOf(trace, 'ImageUpdated')[0];
  expect(update, 'the fixture updates an image').toBeDefined();
  return update!.t;
}

const regular = (trace: Trace, t: number, index: number) => podStatusAt(trace, t).containerStatuses[index]!;
const initStatus = (trace: Trace, t: number, index: number) => podStatusAt(trace, t).initContainerStatuses[index]!;

/** WaitForPodNameRunningInNamespace, before the update. */
function runningBefore(trace: Trace, update: number): void {
  expect(waitUntil(trace, POD_START, 'pod Running', (t) => phaseAt(trace, t) === 'Running')).toBeLessThanOrEqual(update);
}

/** WaitForPodInitContainerRestartCount(…, index, desired, timeout). */
function waitInitRestartCount(trace: Trace, index: number, desired: number, timeout: number, from = 0): number {
  return waitUntil(trace, timeout, `init container ${index} restartCount >= ${desired}`, (t) => (initStatus(trace, t, index)?.restartCount ?? 0) >= desired, from);
}

/** A WaitForPodCondition that errors as soon as the pod is not Pending ("pod should be in pending phase"). */
function waitPending(trace: Trace, timeout: number, what: string, ready: (t: number) => boolean): number {
  return waitUntil(trace, timeout, what, (t) => {
    if (phaseAt(trace, t) !== 'Pending') throw new Error(`pod should be in pending phase (t=${t})`);
    return ready(t);
  });
}

const POLICIES = [
  ['Always', 'always'],
  ['OnFailure', 'onfailure'],
  ['Never', 'never'],
] as const;

describe('test/e2e_node/container_lifecycle_test.go, a pod running only regular containers', () => {
  // "the regular container has its image updated" / "should successfully restart when the image is updated…"
  for (const [policy, suffix] of POLICIES) {
    it(`restarts the updated container with its new image within 20 s and not the other, restartPolicy=${policy}`, () => {
      const trace = run(`regular-image-update-${suffix}.yaml`, 120);
      const update = updateAt(trace);
      runningBefore(trace, update);
      const restarted = waitUntil(trace, 20, 'regular-1 running the new image after a restart', (t) => {
        const status = regular(trace, t, 0);
        return status.state.running !== undefined && status.image === BUSYBOX && status.restartCount > 0;
      }, update);
      waitUntil(trace, 30, 'regular-2 running, never restarted', (t) => {
        const status = regular(trace, t, 1);
        return status.state.running !== undefined && status.restartCount < 1;
      }, restarted);
    });
  }

  // "the regular container has its image updated during initialization" / "Should not start a regular container…"
  for (const [policy, suffix] of POLICIES) {
    it(`starts a regular container updated during initialization only once, with its new image, restartPolicy=${policy}`, () => {
      const trace = run(`regular-image-update-during-init-${suffix}.yaml`, 200);
      const update = updateAt(trace);
      const initRunning = waitPending(trace, 120, 'init-1 running and started', (t) => {
        const status = initStatus(trace, t, 0);
        return status.state.running !== undefined && status.started;
      });
      expect(initRunning).toBeLessThanOrEqual(update);
      // Consistently for delaySeconds - 10 s.
      expectAlways(trace, update, update + 50, 'Pending, no regular container running or restarted', (t) =>
        phaseAt(trace, t) === 'Pending' && podStatusAt(trace, t).containerStatuses.every((s) => s.restartCount === 0 && !s.state.running),
      );
      waitUntil(trace, 60, 'Running, every regular container running its first run, regular-1 the new image', (t) => {
        const status = podStatusAt(trace, t);
        if (status.phase !== 'Running') return false;
        if (status.containerStatuses.some((s) => s.restartCount > 0 || !s.state.running)) return false;
        return status.containerStatuses[0]!.image === BUSYBOX;
      }, update + 50);
    });
  }

  // "The regular container has its image updated after a failed startup probe" / "…after a failed
  // liveness probe" / "should update the image when restartPolicy=…" (nothing is tested under Never)
  for (const probe of ['startup', 'liveness']) {
    for (const [policy, suffix] of POLICIES.slice(0, 2)) {
      it(`runs the new image of a container restarted by its failing ${probe} probe, restartPolicy=${policy}`, () => {
        const trace = run(`regular-image-update-after-${probe}-failure-${suffix}.yaml`, 200);
        const update = updateAt(trace);
        expect(waitContainerRestartCount(trace, 0, 1, 120)).toBeLessThanOrEqual(update);
        waitUntil(trace, 60, 'regular-1 attempted to run with the updated image', (t) => {
          const status = regular(trace, t, 0);
          return status.image === BUSYBOX && status.restartCount > 1;
        }, update);
      });
    }
  }

  // "The regular container has its image updated during termination" / "should not update the image when restartPolicy=…"
  for (const [policy, suffix] of POLICIES) {
    it(`does not restart a container whose image is updated while the pod terminates, restartPolicy=${policy}`, () => {
      const trace = run(`regular-image-update-during-termination-${suffix}.yaml`);
      const update = updateAt(trace);
      const deletedAt = trace.deletion?.t ?? NaN;
      runningBefore(trace, deletedAt);
      expect(deletedAt).toBeLessThanOrEqual(update);
      // Consistently for containerTerminationSeconds - 10 s.
      expectAlways(trace, update, update + 50, 'regular-1 not restarted', (t) => {
        const status = regular(trace, t, 0);
        if (status.state.terminated === undefined || status.state.terminated.exitCode !== 0) return true;
        return status.restartCount === 0;
      });
      // WaitForPodNotFoundInNamespace(60 s)
      expect(trace.deletedAt).toBeDefined();
      expect(trace.deletedAt!).toBeLessThanOrEqual(update + 50 + 60);
    });
  }
});

describe('test/e2e_node/container_lifecycle_test.go, restartable init containers', () => {
  // "a restartable init container runs continuously" / "should restart when updated with a new image"
  for (const [policy, suffix] of POLICIES) {
    it(`restarts the updated sidecar alone, restartPolicy=${policy}`, () => {
      const trace = run(`sidecar-image-update-${suffix}.yaml`);
      const update = updateAt(trace);
      runningBefore(trace, update);
      // Under Always, regular-1 (Delay 10) first restarts twice.
      const from = policy === 'Always' ? waitContainerRestartCount(trace, 0, 2, 120, update) : update;
      let logAt = waitUntil(trace, 120, 'restartable-init-1 running the new image', (t) => {
        const status = initStatus(trace, t, 0);
        return status.state.running !== undefined && status.image === AGNHOST;
      }, from);
      if (policy === 'OnFailure') {
        // WaitForPodSuccessInNamespace: an error once the pod failed.
        logAt = waitUntil(trace, POD_START, 'pod terminal', (t) => isTerminal(phaseAt(trace, t)), logAt);
        expect(phaseAt(trace, logAt)).toBe('Succeeded');
      }
      const log = harnessLog(trace, logAt);
      if (policy !== 'Always') expect(hasNotRestarted(log, 'regular-1')).toBeUndefined();
      expect(hasRestarted(log, 'restartable-init-1')).toBeUndefined();
      expect(hasNotRestarted(log, 'restartable-init-2')).toBeUndefined();
    });
  }

  // "running restartable init containers with startup probes" / "the image is updated after the
  // restartable init container's startup probe fails" / "should update the image when restartPolicy=…"
  for (const [policy, suffix] of POLICIES) {
    it(`restarts a sidecar whose startup probe fails with its new image, the app never starting, restartPolicy=${policy}`, () => {
      const trace = run(`sidecar-image-update-after-startup-failure-${suffix}.yaml`, 200);
      const update = updateAt(trace);
      expect(waitInitRestartCount(trace, 1, 1, 120)).toBeLessThanOrEqual(update);
      const pending = waitUntil(trace, 120, 'pod Pending', (t) => phaseAt(trace, t) === 'Pending', update);
      const twice = waitInitRestartCount(trace, 1, 2, 120, pending);
      const updated = waitUntil(trace, 30, 'restartable-init-2 attempted to run with the updated image', (t) => {
        const status = initStatus(trace, t, 1);
        return status.image === AGNHOST && status.restartCount > 1;
      }, twice);
      const log = harnessLog(trace, updated);
      expect(doesntStart(log, 'regular-1')).toBeUndefined();
      expect(hasNotRestarted(log, 'restartable-init-1')).toBeUndefined();
    });
  }

  // "running restartable init containers with liveness probes" / "A restartable init container has its
  // image changed after its liveness probe fails" / "should update the image when restartPolicy=…"
  for (const [policy, suffix] of POLICIES) {
    it(`restarts a sidecar that failed its liveness probe with its new image, restartPolicy=${policy}`, () => {
      const trace = run(`sidecar-image-update-after-liveness-failure-${suffix}.yaml`, 200);
      const update = updateAt(trace);
      expect(waitInitRestartCount(trace, 1, 1, 120)).toBeLessThanOrEqual(update);
      const twice = waitInitRestartCount(trace, 1, 2, 120, update);
      const updated = waitUntil(trace, 30, 'restartable-init-2 attempted to run with the updated image', (t) => {
        return initStatus(trace, t, 1).image === AGNHOST;
      }, twice);
      const log = harnessLog(trace, updated);
      expect(starts(log, 'regular-1')).toBeUndefined();
      // Under Always regular-1 runs ExecCommand{Delay: 5}: it has restarted by then.
      expect((policy === 'Always' ? hasRestarted : hasNotRestarted)(log, 'regular-1')).toBeUndefined();
      expect(hasNotRestarted(log, 'restartable-init-1')).toBeUndefined();
    });
  }

  // "A pod with restartable init containers is terminating" / "A restartable init container has its
  // image updated during pod termination" / "should terminate gracefully when restartPolicy=…"
  for (const [policy, suffix] of POLICIES) {
    it(`restarts no init container updated while the pod terminates, and ends in time, restartPolicy=${policy}`, () => {
      const trace = run(`sidecar-image-update-during-termination-${suffix}.yaml`);
      const update = updateAt(trace);
      const deletedAt = trace.deletion?.t ?? NaN;
      runningBefore(trace, deletedAt);
      expect(deletedAt).toBeLessThanOrEqual(update);
      // Consistently for 2 × containerTerminationSeconds.
      expectAlways(trace, update, update + 20, 'no init container that exited 0 restarted', (t) =>
        podStatusAt(trace, t).initContainerStatuses.every((s) => s.state.terminated?.exitCode !== 0 || s.restartCount === 0),
      );
      // WaitForPodNotFoundInNamespace(containerTerminationSeconds + 60 s)
      expect(trace.deletedAt).toBeDefined();
      expect(trace.deletedAt!).toBeLessThanOrEqual(update + 20 + 10 + 60);
    });
  }

  // "initializing an init container after a restartable init container" / "Should begin initializing the pod, restartPolicy=…"
  for (const [policy, suffix] of POLICIES) {
    it(`restarts a sidecar updated while a later init container runs, and no regular init container, restartPolicy=${policy}`, () => {
      const trace = run(`sidecar-image-update-during-init-${suffix}.yaml`);
      const update = updateAt(trace);
      const init2Running = waitPending(trace, 120, 'init-2 running and started', (t) => {
        const status = podStatusAt(trace, t).initContainerStatuses[2];
        return status?.state.running !== undefined && status.started;
      });
      expect(init2Running).toBeLessThanOrEqual(update);
      let logAt = waitUntil(trace, 60, 'restartable-init-1 restarted with the new image', (t) => {
        const status = initStatus(trace, t, 1);
        return status.state.running !== undefined && status.restartCount > 0 && status.image === AGNHOST;
      }, update);
      if (policy === 'Never') {
        // Init containers don't restart when restartPolicy=Never: WaitForPodTerminatedInNamespace(reason "").
        // The status manager holds the Failed phase back until every container has stopped
        // (status_manager.go mergePodStatus), so the log read then holds the sidecar's exit.
        logAt = waitUntil(trace, POD_START, 'pod Failed', (t) => podStatusAt(trace, t).phase === 'Failed', logAt);
        const running = podStatusAt(trace, logAt).initContainerStatuses.filter((s) => s.state.running);
        expect(running).toEqual([]);
        expect(finalPhase(trace)?.reason ?? '').toBe('');
      }
      const log = harnessLog(trace, logAt);
      expect(startsBefore(log, 'init-1', 'restartable-init-1')).toBeUndefined();
      expect(startsBefore(log, 'restartable-init-1', 'init-2')).toBeUndefined();
      expect(starts(log, 'init-1')).toBeUndefined();
      expect(starts(log, 'restartable-init-1')).toBeUndefined();
      expect(starts(log, 'init-2')).toBeUndefined();
      expect(doesntStart(log, 'restartable-init-2')).toBeUndefined();
      expect(doesntStart(log, 'regular-1')).toBeUndefined();
      expect(hasNotRestarted(log, 'init-1')).toBeUndefined();
      expect(hasNotRestarted(log, 'init-2')).toBeUndefined();
      expect(hasRestarted(log, 'restartable-init-1')).toBeUndefined();
      if (policy === 'Never') {
        expect(exits(log, 'init-2')).toBeUndefined();
        expect(exits(log, 'restartable-init-1')).toBeUndefined();
        expect(exits(log, 'init-1')).toBeUndefined();
        expect(exitsBefore(log, 'init-2', 'restartable-init-1')).toBeUndefined();
      }
    });
  }
});

describe('test/e2e_node/container_lifecycle_test.go, an init container updated with a new image', () => {
  /** WaitForPodCondition(30 s): init-1 terminated with 0, not on the new image, not restarted. */
  const notRerun = (trace: Trace, image: string, from: number) =>
    waitUntil(trace, 30, 'the init container terminated regularly', (t) => {
      const status = initStatus(trace, t, 0);
      return status.state.terminated?.exitCode === 0 && status.image !== image && status.restartCount < 1;
    }, from);

  // "should not restart init container when updated with a new image after finishing"
  it('does not run a finished init container again for its new image', () => {
    const trace = run('init-image-update-after-finishing-always.yaml', 120);
    const update = updateAt(trace);
    runningBefore(trace, update);
    const seen = notRerun(trace, BUSYBOX, update);
    expect(hasNotRestarted(harnessLog(trace, seen), 'init-1')).toBeUndefined();
  });

  // "should not restart the init container if the image is updated during initialization"
  it('does not run it again when the app crash-loops, so the new image is never pulled', () => {
    const invalid = 'invalid.registry.k8s.io/invalid/alpine:3.1';
    const trace = run('init-image-update-during-initialization-always.yaml', 200);
    const update = updateAt(trace);
    runningBefore(trace, update);
    const seen = notRerun(trace, invalid, update);
    expect(hasNotRestarted(harnessLog(trace, seen), 'init-1')).toBeUndefined();
    // What the test is about: regular-1 restarts (255 at 40 s) while the spec names the bad image.
    expect(eventsOf(trace, 'Started', 'regular-1').length).toBeGreaterThan(1);
    expect(eventsOf(trace, 'Pulling', 'init-1').filter((e) => e.t > update)).toEqual([]);
  });

  // "should not restart the init container if the image is updated during termination"
  it('does not run it again while the pod terminates', () => {
    const trace = run('init-image-update-during-termination-never.yaml');
    const update = updateAt(trace);
    const deletedAt = trace.deletion?.t ?? NaN;
    runningBefore(trace, deletedAt);
    expect(deletedAt).toBeLessThanOrEqual(update);
    // Consistently for 15 s ("subtract a buffer so that the pod still exists").
    expect(trace.deletedAt!).toBeGreaterThan(update + 15);
    expectAlways(trace, update, update + 15, 'no completed init container restarted or on the new image', (t) =>
      podStatusAt(trace, t).initContainerStatuses.every((s) => s.state.terminated?.exitCode !== 0 || (s.restartCount === 0 && s.image !== BUSYBOX)),
    );
  });
});

describe('test/e2e/common/node/pods.go "Pods"', () => {
  // "should have their auto-restart back-off timer reset on image update"
  it('resets the crash-loop back-off when the image changes', () => {
    const trace = run('backoff-reset-on-image-update.yaml', 900);
    const update = updateAt(trace);
    // CreateSync, then time.Sleep(buildBackOffDuration = 1 min) and three restart delays.
    const created = waitUntil(trace, POD_START, 'pod Running', (t) => phaseAt(trace, t) === 'Running');
    const delay0 = restartDelay(trace, 'back-off', created + 60);
    const delay1 = restartDelay(trace, 'back-off', delay0.seenAt);
    const delay2 = restartDelay(trace, 'back-off', delay1.seenAt);
    expect(delay2.seenAt).toBeLessThanOrEqual(update);
    // time.Sleep(syncLoopFrequency = 10 s), WaitForPodNameRunningInNamespace, one more delay.
    const running = waitUntil(trace, POD_START, 'pod Running', (t) => phaseAt(trace, t) === 'Running', update + 10);
    const afterUpdate = restartDelay(trace, 'back-off', running);
    expect(afterUpdate.delay).toBeLessThanOrEqual(2 * delay2.delay);
    expect(afterUpdate.delay).toBeLessThanOrEqual(2 * delay1.delay);
  });
});

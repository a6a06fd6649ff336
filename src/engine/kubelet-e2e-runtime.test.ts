import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import {
  conditionOf,
  containerAt,
  expectAlways,
  isReady,
  isTerminal,
  phaseAt,
  runFixture,
  POD_START,
  waitRunning,
  waitUntil,
  type PodStatus,
} from './testing/upstream-e2e';
import type { ContainerState, ContainerStatus, PodConditionType, PodPhase, Trace } from './trace';

// Conformance with the "Container Runtime" and "Pods" e2e tests: every fixture in
// fixtures/kubelet-e2e-runtime/ is the pod of one upstream test, translated by the rules of
// fixtures/kubelet-e2e/README.md; every `it` asserts what that test asserts (map in
// fixtures/kubelet-e2e-runtime/README.md). The harness (polled waits) is testing/upstream-e2e.ts.

const run = (fixture: string, until?: number): Trace => runFixture('kubelet-e2e-runtime', fixture, until);

// test/e2e/common/node/container.go: ContainerStatusRetryTimeout = 5 min, ContainerStatusPollInterval = 1 s.
const CONTAINER_STATUS_RETRY_TIMEOUT = 300;
// e2epod.DefaultPodDeletionTimeout (f.Timeouts.PodStart is the harness's POD_START).
const POD_DELETION = 180;

/** ConformanceContainer.GetStatus: exactly one container status, named like the container, or an error. */
function conformanceStatus(trace: Trace, name: string, t: number): ContainerStatus | undefined {
  const statuses = podStatusAt(trace, t).containerStatuses;
  return statuses.length === 1 && statuses[0]?.name === name ? statuses[0] : undefined;
}

/** container.go GetContainerState. */
function containerStateOf(state: ContainerState): 'Waiting' | 'Running' | 'Terminated' | 'Unknown' {
  if (state.waiting) return 'Waiting';
  if (state.running) return 'Running';
  if (state.terminated) return 'Terminated';
  return 'Unknown';
}

describe('test/e2e/common/node/runtime.go "Container Runtime blackbox test when starting a container that exits"', () => {
  // [Conformance] "should run with the expected status". The upstream table:
  //   {"terminate-cmd-rpa", v1.RestartPolicyAlways, v1.PodRunning, ContainerStateRunning, 2, true},
  //   {"terminate-cmd-rpof", v1.RestartPolicyOnFailure, v1.PodSucceeded, ContainerStateTerminated, 1, false},
  //   {"terminate-cmd-rpn", v1.RestartPolicyNever, v1.PodFailed, ContainerStateTerminated, 0, false},
  const cases: [string, string, PodPhase, ReturnType<typeof containerStateOf>, number, boolean][] = [
    ['terminate-cmd-always.yaml', 'terminate-cmd-rpa', 'Running', 'Running', 2, true],
    ['terminate-cmd-onfailure.yaml', 'terminate-cmd-rpof', 'Succeeded', 'Terminated', 1, false],
    ['terminate-cmd-never.yaml', 'terminate-cmd-rpn', 'Failed', 'Terminated', 0, false],
  ];
  for (const [fixture, name, phase, state, restartCount, ready] of cases) {
    it(`${name}: restartCount ${restartCount}, phase ${phase}, Ready ${ready}, state ${state}, then deleted`, () => {
      const trace = run(fixture);
      // gomega.Eventually(status.RestartCount, ContainerStatusRetryTimeout, ContainerStatusPollInterval).Should(gomega.Equal(testCase.RestartCount))
      const counted = waitUntil(trace, CONTAINER_STATUS_RETRY_TIMEOUT, `${name} restartCount == ${restartCount}`, (t) => {
        return conformanceStatus(trace, name, t)?.restartCount === restartCount;
      });
      // gomega.Eventually(terminateContainer.GetPhase, …).Should(gomega.Equal(testCase.Phase))
      const phased = waitUntil(trace, CONTAINER_STATUS_RETRY_TIMEOUT, `phase ${phase}`, (t) => phaseAt(trace, t) === phase, counted);
      // isReady, err := terminateContainer.IsReady(ctx); ExpectEqual(isReady, testCase.Ready)  (podutil.IsPodReady)
      expect(isReady(podStatusAt(trace, phased))).toBe(ready);
      // ExpectEqual(GetContainerState(status.State), testCase.State)
      const status = conformanceStatus(trace, name, phased);
      expect(status, 'GetStatus: one container status').toBeDefined();
      expect(containerStateOf(status?.state ?? {})).toBe(state);
      // terminateContainer.Delete(ctx) (NewDeleteOptions(0)), issued after those checks; then
      // gomega.Eventually(terminateContainer.Present, …).Should(gomega.BeFalse())
      expect(trace.deletion?.gracePeriod).toBe(0);
      const deleteAt = trace.deletion?.t ?? NaN;
      expect(deleteAt).toBeGreaterThanOrEqual(phased);
      expect(trace.deletedAt).toBeDefined();
      expect((trace.deletedAt ?? Infinity) - deleteAt).toBeLessThanOrEqual(CONTAINER_STATUS_RETRY_TIMEOUT);
    });
  }
});

describe('test/e2e/common/node/runtime.go "Container Runtime blackbox test on terminated container"', () => {
  const name = 'termination-message-container';
  /**
   * matchTerminationMessage: Eventually the phase is `expectedPhase` (RestartPolicyNever); GetStatus;
   * GetContainerState(status.State) == Terminated; status.State.Terminated.Message Equal(expectedMsg);
   * then Delete (NewDeleteOptions(0)) succeeds.
   */
  function matchTerminationMessage(fixture: string, expectedPhase: PodPhase, expectedMsg: string): void {
    const trace = run(fixture);
    const phased = waitUntil(trace, CONTAINER_STATUS_RETRY_TIMEOUT, `phase ${expectedPhase}`, (t) => phaseAt(trace, t) === expectedPhase);
    const status = conformanceStatus(trace, name, phased);
    expect(status, 'GetStatus: one container status').toBeDefined();
    expect(containerStateOf(status?.state ?? {})).toBe('Terminated');
    expect(status?.state.terminated?.message ?? '').toBe(expectedMsg);
    expect(trace.deletion).toEqual({ t: expect.any(Number), gracePeriod: 0 });
    expect(trace.deletion!.t).toBeGreaterThanOrEqual(phased);
  }

  it('should report termination message if TerminationMessagePath is set: Succeeded, "DONE"', () => {
    matchTerminationMessage('termination-message-path.yaml', 'Succeeded', 'DONE');
  });

  it('[Conformance] …as non-root user and at a non-default path: Succeeded, "DONE"', () => {
    matchTerminationMessage('termination-message-non-root-path.yaml', 'Succeeded', 'DONE');
  });

  it('[Conformance] …from log output if TerminationMessagePolicy FallbackToLogsOnError is set: Failed, "DONE"', () => {
    matchTerminationMessage('termination-message-fallback-logs.yaml', 'Failed', 'DONE');
  });

  it('[Conformance] …as empty when pod succeeds and TerminationMessagePolicy FallbackToLogsOnError is set: Succeeded, ""', () => {
    matchTerminationMessage('termination-message-fallback-succeeds.yaml', 'Succeeded', '');
  });

  it('[Conformance] …from file when pod succeeds and TerminationMessagePolicy FallbackToLogsOnError is set: Succeeded, "OK"', () => {
    matchTerminationMessage('termination-message-fallback-file.yaml', 'Succeeded', 'OK');
  });
});

describe('test/e2e/common/node/runtime.go "Container Runtime blackbox test when running a container with a new image"', () => {
  /** imagePullTest's checkContainerStatus, polled every second for ContainerStatusRetryTimeout: the state first, then the phase. */
  function pullChecked(fixture: string, phase: PodPhase, waiting: boolean): void {
    const trace = run(fixture, 2 * CONTAINER_STATUS_RETRY_TIMEOUT);
    waitUntil(trace, CONTAINER_STATUS_RETRY_TIMEOUT, `image-pull-test ${waiting ? 'Waiting on its pull' : 'Running'}, pod ${phase}`, (t) => {
      const status = conformanceStatus(trace, 'image-pull-test', t);
      if (!status) return false;
      const reason = status.state.waiting?.reason;
      const stateOk = waiting ? reason === 'ErrImagePull' || reason === 'ImagePullBackOff' : status.state.running !== undefined;
      return stateOk && phaseAt(trace, t) === phase;
    });
  }

  // [NodeConformance] "should not be able to pull image from invalid registry"
  it('leaves a container whose image cannot be pulled Waiting (ErrImagePull or ImagePullBackOff), the pod Pending', () => {
    expect(() => pullChecked('image-pull-invalid-registry.yaml', 'Pending', true)).not.toThrow();
  });

  // [NodeConformance] "should be able to pull image"
  it('runs a container whose image pulls, the pod Running', () => {
    expect(() => pullChecked('image-pull-agnhost.yaml', 'Running', false)).not.toThrow();
  });
});

describe('test/e2e/common/node/pods.go "Pods"', () => {
  // [Conformance] "should be submitted and removed"
  it('removes a running pod deleted with grace 30 within DefaultPodDeletionTimeout', () => {
    const trace = run('submitted-and-removed.yaml');
    const running = waitRunning(trace);
    const deleteAt = trace.deletion?.t ?? NaN;
    expect(deleteAt).toBeGreaterThanOrEqual(running);
    // watch.Deleted within e2epod.DefaultPodDeletionTimeout
    expect(trace.deletedAt).toBeDefined();
    expect((trace.deletedAt ?? Infinity) - deleteAt).toBeLessThanOrEqual(POD_DELETION);
    // lastPod.DeletionTimestamp != nil (a graceful delete) and Spec.TerminationGracePeriodSeconds != 0: the
    // API server copies the delete's grace period (30) into the spec.
    expect(trace.deletion?.gracePeriod).toBe(30);
  });

  // [Conformance] "should allow activeDeadlineSeconds to be updated"
  it('fails a running pod with DeadlineExceeded once its deadline is lowered below its age', () => {
    const trace = run('deadline-updated.yaml', 120);
    const running = waitRunning(trace);
    const update = trace.events.find((e) => e.type === 'DeadlineUpdated')!;
    expect(update).toMatchObject({ activeDeadlineSeconds: 5 });
    expect(running).toBeLessThanOrEqual(update.t);
    expect(phaseAt(trace, update.t - 1e-9)).toBe('Running');
    // WaitForPodTerminatedInNamespace(reason "DeadlineExceeded"): Failed with that reason, within PodStart.
    const failed = waitUntil(trace, POD_START, 'pod terminated', (t) => isTerminal(phaseAt(trace, t)), update.t);
    expect(podStatusAt(trace, failed)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
  });

  // [NodeConformance] "should support pod readiness gates"
  it('holds Ready False until every readiness gate\'s condition is True, and drops it when one turns False', () => {
    const trace = run('readiness-gates.yaml', 120);
    const SYNC_LOOP_FREQUENCY = 10;
    const patches = trace.events.filter((e) => e.type === 'PodCondition' && e.condition.startsWith('k8s.io/')).map((e) => e.t);
    expect(patches).toEqual([5, 15, 30]);
    const ready = (t: number) => isReady(podStatusAt(trace, t));
    // WaitForPodNameRunningInNamespace, then "Expect pod's Ready condition to be false initially".
    const running = waitRunning(trace);
    expect(running).toBeLessThanOrEqual(patches[0]!);
    expect(ready(running)).toBe(false);
    expect(conditionOf(podStatusAt(trace, running), 'Ready')).toMatchObject({
      reason: 'ReadinessGatesNotReady',
      message: 'corresponding condition of pod readiness gate "k8s.io/test-condition1" does not exist., corresponding condition of pod readiness gate "k8s.io/test-condition2" does not exist.',
    });
    // test-condition1 True, time.Sleep(syncLoopFrequency): still not ready.
    expect(ready(patches[0]! + SYNC_LOOP_FREQUENCY - 1e-9)).toBe(false);
    expect(conditionOf(podStatusAt(trace, patches[0]!), 'Ready')?.message).toBe('corresponding condition of pod readiness gate "k8s.io/test-condition2" does not exist.');
    // test-condition2 True: validatePodReadiness(true), 1 s polls for a minute.
    const readyAt = waitUntil(trace, 60, 'pod Ready', ready, patches[1]!);
    expect(readyAt).toBeLessThan(patches[2]!);
    // test-condition1 False: validatePodReadiness(false).
    const unreadyAt = waitUntil(trace, 60, 'pod not Ready', (t) => !ready(t), patches[2]!);
    expect(conditionOf(podStatusAt(trace, unreadyAt), 'Ready')?.message).toBe('the status of pod readiness gate "k8s.io/test-condition1" is not "True", but False');
    // The containers stayed ready all along: READY reads 1/1 throughout.
    expectAlways(trace, running, 60, 'ContainersReady', (t) => conditionOf(podStatusAt(trace, t), 'ContainersReady')?.status === 'True');
  });

  // "should cap back-off at MaxContainerBackOff [Slow]"
  it('caps the crash-loop back-off at MaxContainerBackOff (300 s), within maxBackOffTolerance', () => {
    const MAX_CONTAINER_BACK_OFF = 300;
    const MAX_BACK_OFF_TOLERANCE = 1.3 * MAX_CONTAINER_BACK_OFF;
    const trace = run('back-off-cap.yaml', 600 + 5 * 2 * MAX_BACK_OFF_TOLERANCE);
    const name = 'back-off-cap';

    /** pods.go getRestartDelay: polls every second for up to 2*maxBackOffTolerance. */
    function getRestartDelay(begin: number): { delay: number; at: number } {
      let previousRestartCount = -1;
      let previousFinishedAt = NaN;
      for (let t = begin + 1; t - 1 - begin < 2 * MAX_BACK_OFF_TOLERANCE; t += 1) {
        const status = containerAt(trace, name, t);
        if (!status) continue;
        const last = status.lastState.terminated;
        if (!last) continue;
        if (previousRestartCount === -1) {
          if (status.state.running) continue;
          previousFinishedAt = status.state.terminated ? status.state.terminated.finishedAt : last.finishedAt;
          previousRestartCount = status.restartCount;
        }
        if (status.restartCount > previousRestartCount) {
          const startedAt = status.state.running?.startedAt ?? status.state.terminated?.startedAt ?? last.startedAt ?? NaN;
          return { delay: startedAt - previousFinishedAt, at: t };
        }
      }
      throw new Error(`timeout getting pod restart delay after t=${begin}`);
    }

    // podClient.CreateSync, then time.Sleep(2 * kubelet.MaxContainerBackOff)
    let now = waitRunning(trace) + 2 * MAX_CONTAINER_BACK_OFF;
    let delay1 = NaN;
    for (let i = 0; i < 3; i++) ({ delay: delay1, at: now } = getRestartDelay(now));
    expect(delay1).toBeGreaterThanOrEqual(MAX_CONTAINER_BACK_OFF);
    expect(delay1).toBeLessThanOrEqual(MAX_BACK_OFF_TOLERANCE);
    const { delay: delay2 } = getRestartDelay(now);
    expect(delay2).toBeGreaterThanOrEqual(MAX_CONTAINER_BACK_OFF);
    expect(delay2).toBeLessThanOrEqual(MAX_BACK_OFF_TOLERANCE);
  });
});

describe('test/e2e_node/pod_conditions_test.go "Pod conditions managed by Kubelet"', () => {
  /** getTransitionTimeForPodConditionWithStatus: the condition is there with that status; its lastTransitionTime. */
  function transitionTime(status: PodStatus, type: PodConditionType, expected: boolean): number {
    const condition = conditionOf(status, type);
    expect(condition, `condition: ${type} found for pod`).toBeDefined();
    expect(condition?.status, `${type} status`).toBe(expected ? 'True' : 'False');
    return condition!.lastTransitionTime;
  }

  /** runPodReadyConditionsTest with checkPodReadyToStart (the PodReadyToStartContainers condition is on by default). */
  function expectConditionsInOrder(fixture: string, hasInitContainers: boolean): void {
    const trace = run(fixture);
    // e2epod.WaitTimeoutForPodReadyInNamespace(…, framework.PodStartTimeout), then testutils.PodRunningReady(p)
    const ready = waitUntil(trace, POD_START, 'pod Running and Ready', (t) => isTerminal(phaseAt(trace, t)) || isReady(podStatusAt(trace, t)));
    const p = podStatusAt(trace, ready);
    expect(p.phase).toBe('Running');
    expect(isReady(p)).toBe(true);

    const scheduled = transitionTime(p, 'PodScheduled', true);
    const initialized = transitionTime(p, 'Initialized', true);
    const readyToStart = transitionTime(p, 'PodReadyToStartContainers', true);
    if (hasInitContainers) {
      // Scheduled => PodReadyToStartContainers => Initialized
      expect(readyToStart).toBeGreaterThanOrEqual(scheduled);
      expect(initialized).toBeGreaterThanOrEqual(readyToStart);
    } else {
      // Scheduled => Initialized => PodReadyToStartContainers
      expect(initialized).toBeGreaterThanOrEqual(scheduled);
      expect(readyToStart).toBeGreaterThanOrEqual(initialized);
    }
    // ContainersReady comes next, then Ready.
    const containersReady = transitionTime(p, 'ContainersReady', true);
    expect(containersReady).toBeGreaterThanOrEqual(hasInitContainers ? initialized : readyToStart);
    expect(transitionTime(p, 'Ready', true)).toBeGreaterThanOrEqual(containersReady);
  }

  it('a pod without init containers reports all conditions set in expected order after the pod is up', () => {
    expectConditionsInOrder('pod-conditions-no-init.yaml', false);
  });

  it('a pod with init containers reports all conditions set in expected order after the pod is up', () => {
    expectConditionsInOrder('pod-conditions-init.yaml', true);
    // The order is not a tie: the init container's 5 s lie between PodReadyToStartContainers and Initialized.
    const p = podStatusAt(run('pod-conditions-init.yaml'), 10);
    expect(transitionTime(p, 'Initialized', true) - transitionTime(p, 'PodReadyToStartContainers', true)).toBe(5);
  });

  /**
   * runPodFailingConditionsTest with checkPodReadyToStart: once the first FailedMount event says
   * "MountVolume.SetUp failed for volume" (PodEventTimeout), the pod read then has PodScheduled True,
   * PodReadyToStartContainers False, Initialized False with init containers (else True, not before
   * PodScheduled), ContainersReady and Ready False; after the object is created, it is Ready within
   * PodStartTimeout with PodScheduled, Initialized and PodReadyToStartContainers True.
   */
  function expectFailingMountConditions(fixture: string, hasInitContainers: boolean): void {
    const trace = run(fixture);
    const failed = trace.events.find((e) => e.event?.reason === 'FailedMount' && e.event.message.includes('MountVolume.SetUp failed for volume'));
    expect(failed && failed.t, 'a FailedMount event within PodEventTimeout').toBeLessThanOrEqual(120);
    const p = podStatusAt(trace, failed!.t);
    const scheduled = transitionTime(p, 'PodScheduled', true);
    transitionTime(p, 'PodReadyToStartContainers', false);
    if (hasInitContainers) transitionTime(p, 'Initialized', false);
    else expect(transitionTime(p, 'Initialized', true)).toBeGreaterThanOrEqual(scheduled);
    transitionTime(p, 'ContainersReady', false);
    transitionTime(p, 'Ready', false);

    const created = trace.events.find((e) => e.type === 'ObjectCreated')!.t;
    const ready = waitUntil(trace, POD_START, 'pod Ready', (t) => isReady(podStatusAt(trace, t)), created);
    const after = podStatusAt(trace, ready);
    transitionTime(after, 'PodScheduled', true);
    transitionTime(after, 'Initialized', true);
    transitionTime(after, 'PodReadyToStartContainers', true);
  }

  for (const kind of ['configmap', 'secret']) {
    it(`a pod failing to mount volumes (${kind}) and without init containers reports scheduled and initialized conditions set`, () => {
      expectFailingMountConditions(`pod-conditions-failing-mount-${kind}-no-init.yaml`, false);
    });

    it(`a pod failing to mount volumes (${kind}) and with init containers reports just the scheduled condition set`, () => {
      expectFailingMountConditions(`pod-conditions-failing-mount-${kind}-init.yaml`, true);
    });
  }
});

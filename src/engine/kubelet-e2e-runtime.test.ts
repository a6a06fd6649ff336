import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import {
  conditionOf,
  containerAt,
  expectAlways,
  gateFixture,
  isReady,
  isTerminal,
  moments,
  phaseAt,
  runFixture,
  statusOf,
  POD_START,
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

/** WaitForPodNameRunningInNamespace: Running within PodStart; an error as soon as the pod is terminal. */
function waitRunning(trace: Trace): number {
  const at = waitUntil(trace, POD_START, 'pod Running', (t) => isTerminal(phaseAt(trace, t)) || phaseAt(trace, t) === 'Running');
  expect(phaseAt(trace, at)).toBe('Running');
  return at;
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

// --- test/e2e/node/pods.go "Pod Container Status": createAndTestPodRepeatedly's watch verifiers ---------
// Every watch event is a status the API server held: here, the status at every whole second and every
// event time from creation to the Deleted event (the object as it was removed).

function watchedTimes(trace: Trace): number[] {
  expect(trace.deletedAt, 'watch.Deleted').toBeDefined();
  return moments(trace, trace.deletedAt ?? trace.end);
}

const deletionTimestampAt = (trace: Trace, t: number) => trace.deletion !== undefined && trace.deletion.t <= t;

/** pods.go verifyFinal, on the last watched object. */
function verifyFinal(trace: Trace, hasTerminalPhase: boolean, hasRunningContainers: boolean, waitCreated: boolean): string[] {
  const pod = podStatusAt(trace, trace.deletedAt ?? trace.end);
  const errs: string[] = [];
  if (!hasTerminalPhase) {
    const names = pod.containerStatuses.filter((s) => s.state.running).map((s) => s.name);
    if (names.length > 0) errs.push(`did not reach a terminal phase before being deleted but had running containers: ${names}`);
    else if (pod.phase !== 'Pending' && waitCreated) errs.push(`was not Pending but has no running containers: phase=${pod.phase}`);
  }
  if (hasRunningContainers) errs.push('had running or unknown container status before being deleted');
  return errs;
}

type Terminated = NonNullable<ContainerStatus['state']['terminated']>;

/**
 * What podStartVerifier and podDeleteVerifier share, over every watched status, then VerifyFinal
 * (waitCreated: true): `podCheck` looks at the pod first (an error, 'skip' for a status with no
 * containers yet, or nothing); then the container `name` may not leave Terminated once there, its
 * termination must be one `accepted`, and a terminal phase may not revert.
 */
function watchVerifier(
  trace: Trace,
  name: string,
  podCheck: (pod: PodStatus, at: number, hasTerminated: boolean) => string | 'skip' | undefined,
  accepted: (terminated: Terminated, at: number) => boolean,
): string[] {
  let hasTerminated = false;
  let hasRunningContainers = false;
  let hasTerminalPhase = false;
  const verify = (at: number): string | undefined => {
    const pod = podStatusAt(trace, at);
    const checked = podCheck(pod, at, hasTerminated);
    if (checked === 'skip') return undefined;
    if (checked) return checked;
    const status = statusOf(pod, name);
    if (!status) return 'incorrect containers';
    const t = status.state.terminated;
    if (hasTerminated) {
      if (status.state.waiting || status.state.running) return `t=${at}: was terminated and then changed state`;
      if (!t) return `t=${at}: was terminated and then had termination cleared`;
    }
    hasRunningContainers = !status.state.waiting && !status.state.terminated;
    if (t) {
      if (!accepted(t, at)) return `t=${at}: container unexpected exit code ${t.exitCode} reason=${t.reason}`;
      if (t.startedAt === undefined) return `t=${at}: had finish time but not start time`;
      if (t.finishedAt - t.startedAt > 3600) return `t=${at}: had very long duration`;
      hasTerminated = true;
    }
    if (isTerminal(pod.phase)) hasTerminalPhase = true;
    else if (hasTerminalPhase) return `t=${at}: was in a terminal phase and then reverted`;
    return undefined;
  };
  for (const at of watchedTimes(trace)) {
    const err = verify(at);
    if (err) return [err];
  }
  return verifyFinal(trace, hasTerminalPhase, hasRunningContainers, true);
}

/** pods.go podStartVerifier: one init container (if any) and one container, `blocked` never started. */
function podStartVerifier(trace: Trace): string[] {
  let hasInitContainers = false;
  let hasContainers = false;
  return watchVerifier(
    trace,
    'fail',
    (pod, at) => {
      if (trace.pod.initContainers.length > 0) {
        if (pod.initContainerStatuses.length === 0) return hasInitContainers ? 'incorrect init containers' : 'skip';
        hasInitContainers = true;
        if (pod.initContainerStatuses.length !== 1) return 'incorrect init containers';
      } else if (pod.initContainerStatuses.length !== 0) return 'incorrect init containers';
      if (pod.containerStatuses.length === 0) return hasContainers ? 'incorrect containers' : 'skip';
      hasContainers = true;
      if (pod.containerStatuses.length !== 1) return 'incorrect containers';
      const blocked = statusOf(pod, 'blocked');
      if (blocked && (blocked.started || blocked.lastState.terminated || !blocked.state.waiting)) {
        return `t=${at}: should not have started the blocked container: ${JSON.stringify(blocked)}`;
      }
      return undefined;
    },
    // (exit 128 StartError / ContainerCannotRun are CRI start failures, which the engine does not produce)
    (t) => t.exitCode === 1 || (t.exitCode === 137 && (t.reason === 'ContainerStatusUnknown' || t.reason === 'Error')),
  );
}

/** pods.go podDeleteVerifier: one container, terminated only by the deletion (137/Error). */
function podDeleteVerifier(trace: Trace): string[] {
  let hasContainers = false;
  return watchVerifier(
    trace,
    'normal',
    (pod, at, hasTerminated) => {
      if (pod.containerStatuses.length === 0) return hasContainers ? 'incorrect containers' : 'skip';
      hasContainers = true;
      if (pod.containerStatuses.length !== 1) return 'incorrect containers';
      const status = statusOf(pod, 'normal');
      if (status && !hasTerminated && status.state.terminated && pod.phase !== 'Failed') {
        return `t=${at}: incorrect containers: terminated while phase ${pod.phase}: ${JSON.stringify(status)}`;
      }
      return undefined;
    },
    (t, at) => deletionTimestampAt(trace, at) && t.exitCode === 137 && t.reason === 'Error',
  );
}

/** podFastDeleteScenario.Action with waitCreated: the phase leaves Pending (50 ms polls, 1 min), then Delete. */
function expectDeletedAfterCreated(trace: Trace): void {
  const created = waitUntil(trace, 60, 'phase not Pending', (t) => phaseAt(trace, t) !== 'Pending');
  expect(trace.deletion?.t ?? NaN).toBeGreaterThanOrEqual(created);
}

describe('test/e2e/node/pods.go "Pods Extended"', () => {
  // "Delete Grace Period" / "should be submitted and removed"
  it('Delete Grace Period: the kubelet drops a pod deleted with gracePeriodSeconds=30 within 3 × 30 s', () => {
    const trace = run('delete-grace-period.yaml');
    const running = waitRunning(trace);
    const deleteAt = trace.deletion?.t ?? NaN;
    expect(deleteAt).toBeGreaterThanOrEqual(running);
    // wait.Poll(5 s, 90 s) until the kubelet no longer lists the pod; then the API list is empty
    const polls = Array.from({ length: 90 / 5 }, (_, i) => deleteAt + 5 * (i + 1));
    expect(polls.find((t) => (trace.deletedAt ?? Infinity) <= t)).toBeDefined();
    // lastPod (the DELETE response): DeletionTimestamp set, TerminationGracePeriodSeconds non-zero (30)
    expect(trace.deletion?.gracePeriod).toBe(30);
  });

  // "Pod Container Status" / "should never report success for a pending container"
  it('never reports success for a container of a pod deleted right after it left Pending', () => {
    const trace = run('pending-container-never-succeeds.yaml');
    expectDeletedAfterCreated(trace);
    expect(podStartVerifier(trace)).toEqual([]);
  });

  // "Pod Container Status" / "should never report container start when an init container fails"
  it('never reports the regular container started when the init container fails', () => {
    const trace = run('init-fails-blocked-never-starts.yaml');
    expectDeletedAfterCreated(trace);
    expect(podStartVerifier(trace)).toEqual([]);
  });

  // "Pod Container Status" / "should not return an error when any health probe fails"
  it('reports only a 137/Error termination, after the deletion, for a container restarted by its startup probe', () => {
    const trace = run('startup-probe-fails-then-deleted.yaml');
    // podDelayDeleteScenario.Action: Eventually ContainerStatuses[0].RestartCount == 1 (100 ms polls, 3 min), then Delete
    const restarted = waitUntil(trace, 180, 'restartCount == 1', (t) => podStatusAt(trace, t).containerStatuses[0]?.restartCount === 1);
    const deleteAt = trace.deletion?.t ?? NaN;
    expect(deleteAt).toBeGreaterThanOrEqual(restarted);
    expectAlways(trace, restarted, deleteAt, 'restartCount == 1 until the deletion', (t) => {
      return podStatusAt(trace, t).containerStatuses[0]?.restartCount === 1;
    });
    expect(podDeleteVerifier(trace)).toEqual([]);
  });

  // [Conformance] "Pods Set QOS Class" / "should be set on Pods with matching resource requests and limits for memory and cpu"
  it('gives a pod whose requests equal its limits for cpu and memory the QoS class Guaranteed, from its creation', () => {
    const trace = run('qos-class-guaranteed.yaml', 60);
    // podClient.Create, then Get: status.qosClass is set at creation, before the kubelet reports anything.
    expect(podStatusAt(trace, 0).qosClass).toBe('Guaranteed');
    expect(podStatusAt(trace, 60).qosClass).toBe('Guaranteed');
  });

  // "Pod TerminationGracePeriodSeconds is negative" / "pod with negative grace period"
  it('stores a negative terminationGracePeriodSeconds as 1, with the API server\'s warning, and deletes the pod with it', () => {
    const gate = gateFixture('kubelet-e2e-runtime', 'negative-grace-period.yaml');
    if (!gate.ok) throw new Error(JSON.stringify(gate.issues));
    // "pod spec TerminationGracePeriodSeconds is not 1" fails the test.
    expect(gate.model.terminationGracePeriodSeconds).toBe(1);
    expect(gate.warnings.map((w) => `${w.line} ${w.path}: ${w.message}`)).toEqual([
      '17 spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ]);
    const trace = run('negative-grace-period.yaml', 120);
    expect(trace.deletion?.gracePeriod).toBe(1);
    expect(trace.events.filter((e) => e.type === 'Killing').map((e) => e.gracePeriod)).toEqual([1]);
    expect(trace.deletedAt).toBe(12);
  });

  // "Pod Container lifecycle" / "should not create extra sandbox if all containers are done"
  it('makes no new sandbox for a pod whose containers have all exited 0', () => {
    const trace = run('no-extra-sandbox.yaml', 600);
    // WaitForPodSuccessInNamespace: phase Succeeded within PodStart.
    const succeeded = waitUntil(trace, POD_START, 'pod succeeded', (t) => phaseAt(trace, t) === 'Succeeded');
    // Then the kubelet's events about the pod (polled every 2 s for a minute until there are some): none is SandboxChanged.
    const listed = trace.events.filter((e) => e.event?.from === 'kubelet' && e.t <= succeeded + 60).map((e) => e.event!.reason);
    expect(listed).toContain('Started');
    expect(listed).not.toContain('SandboxChanged');
    expect(trace.events.filter((e) => e.event?.reason === 'SandboxChanged')).toEqual([]);
  });

  // "Pod Container lifecycle" / "evicted pods should be terminal"
  it('leaves a pod evicted for its container\'s ephemeral storage Failed with reason Evicted, though OnFailure', () => {
    const trace = run('evicted-terminal.yaml', 600);
    const evicted = trace.events.find((e) => e.type === 'Evicted')!;
    expect(evicted).toMatchObject({ t: 20, resource: 'ephemeral-storage' });
    // WaitForPodTerminatedInNamespace(reason "Evicted"): Failed with that reason, within PodStart.
    const failed = waitUntil(trace, POD_START, 'pod terminated', (t) => isTerminal(phaseAt(trace, t)), evicted.t);
    expect(podStatusAt(trace, failed)).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    // Terminal: it stays Failed, and the container killed by the eviction (137) is not run again.
    expectAlways(trace, failed, 600, 'phase Failed', (t) => phaseAt(trace, t) === 'Failed');
    expect(podStatusAt(trace, 600).containerStatuses[0]).toMatchObject({ restartCount: 0, state: { terminated: { exitCode: 137 } } });
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
});

import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import {
  conditionOf,
  deletedAfter,
  eventsOf,
  finalStatus,
  isReady,
  isTerminal,
  phaseAt,
  POD_START,
  runFixture,
  statusOf,
  waitFailedWithoutReason,
  waitRunning,
  waitUntil,
} from './testing/upstream-e2e';
import type { RestartPolicy } from './types';
import type { Trace } from './trace';

// Conformance with the e2e tests of deleted pods and of containers that end on their own: every fixture
// in fixtures/kubelet-e2e-deleted/ is the pod of one upstream test, translated by the rules of
// fixtures/kubelet-e2e/README.md; every `it` asserts what that test asserts (map in
// fixtures/kubelet-e2e-deleted/README.md). The pods of deleted_pods_test.go carry a finalizer, so
// upstream reads their end state after the kubelet is done; here that is the last status before the
// kubelet removes the pod (finalStatus). The harness is testing/upstream-e2e.ts.

const run = (fixture: string): Trace => runFixture('kubelet-e2e-deleted', fixture);

// e2epod's podScheduledBeforeTimeout (podListTimeout 1 min + 20 s), WaitForPodScheduled's timeout.
const POD_SCHEDULED_BEFORE = 80;

/** e2epod.WaitTimeoutForPodReadyInNamespace(PodStart): Running and Ready; an error as soon as the pod is terminal. */
function waitRunningReady(trace: Trace): number {
  const at = waitUntil(trace, POD_START, 'pod running and ready', (t) => {
    const status = podStatusAt(trace, t);
    return isTerminal(status.phase) || (status.phase === 'Running' && isReady(status));
  });
  expect(phaseAt(trace, at)).toBe('Running');
  return at;
}

/** e2epod.WaitForPodSuccessInNamespace (PodStart): Succeeded; an error as soon as it is Failed. */
function waitSucceeded(trace: Trace, from: number): number {
  const at = waitUntil(trace, POD_START, 'pod Succeeded or Failed', (t) => isTerminal(phaseAt(trace, t)), from);
  expect(phaseAt(trace, at)).toBe('Succeeded');
  return at;
}

/** The end-state checks: `HaveLen(1)` container statuses, State.Terminated set, and its exit code. */
function expectOnlyContainerTerminated(trace: Trace, exitCode: number): void {
  const statuses = finalStatus(trace).containerStatuses;
  expect(statuses).toHaveLength(1);
  const terminated = statuses[0]?.state.terminated;
  expect(terminated, 'The pod container is in not in the Terminated state').toBeDefined();
  expect(terminated?.exitCode).toBe(exitCode);
}

const POLICIES: RestartPolicy[] = ['Always', 'OnFailure', 'Never'];

describe('test/e2e_node/deleted_pods_test.go "Deleted pods handling [NodeConformance]"', () => {
  it('Should transition to Failed phase a pod which is deleted while pending', () => {
    const trace = run('deleted-pending.yaml');
    // WaitForPodScheduled: spec.nodeName set (the PodScheduled condition), within 80 s
    const scheduled = waitUntil(trace, POD_SCHEDULED_BEFORE, 'pod scheduled', (t) => {
      return conditionOf(podStatusAt(trace, t), 'PodScheduled')?.status === 'True';
    });
    // Delete(DeleteOptions{}): the pod's own grace period, 30 s
    const deleteAt = deletedAfter(trace, scheduled, 30);
    // not upstream, the test's premise: the image never pulls, so the pod is Pending until the
    // deletion and its container never starts
    for (let t = 0; t < deleteAt; t += 1) expect(phaseAt(trace, t), `phase at t=${t}`).toBe('Pending');
    expect(eventsOf(trace, 'Started')).toEqual([]);
    // WaitForPodTerminatedInNamespace(…, "", …): Failed with an empty reason
    waitFailedWithoutReason(trace, deleteAt);
    // not upstream (it only fetches the end state): the kubelet's status manager (TerminatePod) turns
    // the never-started container's waiting state into this terminated one
    const container = statusOf(finalStatus(trace), 'deleted-pending');
    expect(container?.state.terminated).toMatchObject({
      exitCode: 137,
      reason: 'ContainerStatusUnknown',
      message: 'The container could not be located when the pod was terminated',
    });
  });

  // DescribeTable "Should transition to Failed phase a deleted pod if non-zero exit codes": `sleep 1800`
  // ignores SIGTERM, and the delete's 1 s grace ends in a SIGKILL.
  for (const policy of POLICIES) {
    it(`Should transition to Failed phase a deleted pod if non-zero exit codes: Restart policy ${policy}`, () => {
      const trace = run(`deleted-running-${policy.toLowerCase()}.yaml`);
      // WaitForPodNameRunningInNamespace, then Delete(NewDeleteOptions(1))
      const deleteAt = deletedAfter(trace, waitRunning(trace), 1);
      waitFailedWithoutReason(trace, deleteAt);
      // "Verify the pod … container exit code is 137"
      expectOnlyContainerTerminated(trace, 137);
    });
  }

  // DescribeTable "Should transition to Succeeded phase a deleted pod when containers complete with 0
  // exit code": the TERM trap kills the background sleep and the script exits 0.
  for (const policy of POLICIES) {
    it(`Should transition to Succeeded phase a deleted pod when containers complete with 0 exit code: Restart policy ${policy}`, () => {
      const trace = run(`deleted-trap-${policy.toLowerCase()}.yaml`);
      // WaitTimeoutForPodReadyInNamespace(PodStart): "running and with the SIGTERM trap registered"
      // (the readiness probe reads the marker the script touches after `trap`), then Delete(DeleteOptions{})
      const deleteAt = deletedAfter(trace, waitRunningReady(trace), 30);
      // WaitForPodSuccessInNamespace: for restartPolicy Always it would stop at once, were the
      // deletion timestamp not set
      waitSucceeded(trace, deleteAt);
      // "Verifying the exit code for the terminated container is 0"
      expectOnlyContainerTerminated(trace, 0);
    });
  }

  it('Should report true container state when pod have terminationGracePeriodSeconds', () => {
    const trace = run('deleted-true-container-state.yaml');
    // WaitTimeoutForPodReadyInNamespace(PodStart), then Delete(DeleteOptions{}): the spec's 60 s
    const deleteAt = deletedAfter(trace, waitRunningReady(trace), 60);
    // Eventually (1 min, f.Timeouts.Poll): c1 (index 0) not ready while c2 (index 1) is, "since
    // TerminationGracePeriodSeconds is set to 60, c1 will be deleted, while c2 will not be deleted immediately"
    waitUntil(trace, 60, 'c1 not ready and c2 ready', (t) => {
      const [c1, c2] = podStatusAt(trace, t).containerStatuses;
      return c1?.ready === false && c2?.ready === true;
    }, deleteAt);
    waitFailedWithoutReason(trace, deleteAt);
    // HaveLen(2); c1 and c2 both in the Terminated state
    const statuses = finalStatus(trace).containerStatuses;
    expect(statuses.map((s) => s.name)).toEqual(['c1', 'c2']);
    for (const s of statuses) expect(s.state.terminated, `${s.name} terminated`).toBeDefined();
  });
});

describe('test/e2e_node/deleted_pods_test.go "Deleted pods handling with volumes [NodeConformance]"', () => {
  it('Ensure volumes unmounted for deleted pods: Succeeded, exit code 0 (the unmount itself is not simulated)', () => {
    const trace = run('deleted-trap-with-volume.yaml');
    // WaitForPodNameRunningInNamespace; time.Sleep(1 s) "to make sure … that the trap is registered";
    // Delete(DeleteOptions{})
    const deleteAt = deletedAfter(trace, waitRunning(trace) + 1, 30);
    // watchtools.Until(PodStart): an event with phase Succeeded (upstream then checks on the node
    // that the emptyDir is gone, which the engine does not model); then WaitForPodSuccessInNamespace
    waitUntil(trace, POD_START, 'pod Succeeded (watch)', (t) => phaseAt(trace, t) === 'Succeeded', deleteAt);
    waitSucceeded(trace, deleteAt);
    expectOnlyContainerTerminated(trace, 0);
  });
});

describe('test/e2e/common/node/kubelet.go "Kubelet" / "when scheduling a busybox command that always fails in a pod"', () => {
  it('[Conformance] should have an terminated reason', () => {
    const trace = run('bin-false-never.yaml');
    // Eventually (PodStartTimeout, 4 s polls): exactly one container status, State.Terminated set,
    // "expected non-zero exitCode and non-empty terminated state reason"
    const at = waitUntil(trace, POD_START, 'one container terminated with an exit code and a reason', (t) => {
      const statuses = podStatusAt(trace, t).containerStatuses;
      const terminated = statuses[0]?.state.terminated;
      return statuses.length === 1 && terminated !== undefined && terminated.exitCode !== 0 && terminated.reason !== '';
    });
    // not upstream: what the kubelet reports for `/bin/false`
    expect(podStatusAt(trace, at).containerStatuses[0]?.state.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
  });
});

describe('test/e2e_node/oomkiller_linux_test.go "OOMKiller [LinuxOnly] [NodeConformance]"', () => {
  /** runOomKillerTest: Failed with an empty reason, then verifyReasonForOOMKilledContainer. */
  function expectOomKilled(trace: Trace, name: string): void {
    waitFailedWithoutReason(trace, 0);
    // FindContainerStatusInPod (init containers included): Terminated, exit code 137
    const terminated = statusOf(finalStatus(trace), name)?.state.terminated;
    expect(terminated, `${name} is not in the terminated state`).toBeDefined();
    expect(terminated?.exitCode).toBe(137);
    // Upstream checks the reason only when it already is "OOMKilled" (containerd#8893 flakes), so it
    // cannot fail there. Not upstream: the engine does report it.
    expect(terminated?.reason).toBe('OOMKilled');
  }

  it('single process container: the containers terminated by OOM killer should have the reason set to OOMKilled', () => {
    expectOomKilled(run('oom-single-process.yaml'), 'oomkill-single-target-container');
  });

  it('multi process container (cgroup v2): the containers terminated by OOM killer should have the reason set to OOMKilled', () => {
    expectOomKilled(run('oom-multi-process.yaml'), 'oomkill-multi-target-container');
  });

  it('init container: the containers terminated by OOM killer should have the reason set to OOMKilled', () => {
    const trace = run('oom-init-container.yaml');
    expectOomKilled(trace, 'oomkill-target-init-container');
    // not upstream: the regular container never ran
    expect(eventsOf(trace, 'Started', 'busybox')).toEqual([]);
  });
});

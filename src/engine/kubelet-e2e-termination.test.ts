import { describe, expect, it } from 'vitest';
import { podExistsAt, podStatusAt } from './status/status-at';
import {
  conditionOf,
  deletedAfter,
  eventsOf,
  expectAlways,
  finalStatus,
  goneWithin,
  isReady,
  phaseAt,
  POD_START,
  runFixture,
  statusOf,
  waitFailedWithoutReason,
  waitRunning,
  waitUntil,
} from './testing/upstream-e2e';
import type { Trace } from './trace';

// Conformance with e2e tests of pod termination that no other folder replays: every fixture in
// fixtures/kubelet-e2e-termination/ is the pod of one upstream test, translated by the rules of
// fixtures/kubelet-e2e/README.md; every `it` asserts what that test asserts (map in
// fixtures/kubelet-e2e-termination/README.md). The harness is testing/upstream-e2e.ts.

const run = (fixture: string): Trace => runFixture('kubelet-e2e-termination', fixture);

describe('test/e2e_node/pod_termination_state_test.go "Pod Termination State [NodeConformance]"', () => {
  it('The pod should be running and deleted with grace period', () => {
    const trace = run('pts-normal-deleted-with-grace.yaml');
    // "We need to wait for the pod to be running, otherwise the deletion may be carried out
    // immediately rather than gracefully": WaitForPodNameRunningInNamespace, then a DELETE with
    // Param("gracePeriodSeconds", "30"), which must answer http.StatusOK (a graceful delete)
    const deleteAt = deletedAfter(trace, waitRunning(trace), 30);
    // "verifying the kubelet observed the termination notice / check pod status is from running to
    // terminating status": WaitForPodTerminatingInNamespaceTimeout(…, 30) is a WaitForPodCondition
    // on `pod.DeletionTimestamp != nil`. Its timeout is the untyped 30, i.e. 30 ns: one Get right
    // after the DELETE returned, which retries NotFound until that timeout. So the pod must still
    // exist, terminating, at the deletion instant.
    waitUntil(trace, 0, 'pod is terminating', (t) => podExistsAt(trace, t) && podStatusAt(trace, t).deletionTimestamp !== undefined, deleteAt);
    expect(podStatusAt(trace, deleteAt).deletionTimestamp).toBe(deleteAt + 30);
    // "Sleep enough time to ensure the pod is terminated": time.Sleep(30 s); the cgroup check pod
    // runs on the node (not translated); then WaitForPodNotFoundInNamespace(…, 120), again 120 ns:
    // one Get, which must find no pod. The cgroup pod adds a few seconds upstream; the bound here
    // is the 30 s sleep alone.
    goneWithin(trace, deleteAt, 30);
    // not upstream: `sleep 5 && echo 'Hello'` ignored SIGTERM and ended on its own, exit 0
    expect(finalStatus(trace).containerStatuses[0]?.state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('The containers terminated by OOM killer should have the reason set to OOMKilled (the cgroup check is not translated)', () => {
    const trace = run('pts-oomkill-target.yaml');
    // WaitForPodTerminatedInNamespace(…, "", …): its error is not checked upstream, so it only
    // waits, up to PodStart, for the Failed phase
    const at = waitUntil(trace, POD_START, 'pod Failed', (t) => phaseAt(trace, t) === 'Failed');
    // "Fetching the latest pod status": the Get must find the pod (no deletion: the kubelet keeps it)
    expect(podExistsAt(trace, at)).toBe(true);
    // verifyReasonForOOMKilledContainer (the version with getOOMTargetPod(podName, ctnName)):
    // FindContainerStatusInPod, State.Terminated set, ExpectEqual(ExitCode, 137), ExpectEqual(Reason, "OOMKilled")
    const container = statusOf(podStatusAt(trace, at), 'oomkill-target-container');
    expect(container, 'does not have the expected state terminated').toBeDefined();
    expect(container?.state.terminated, 'is not in the terminated state').toBeDefined();
    expect(container?.state.terminated?.exitCode).toBe(137);
    expect(container?.state.terminated?.reason).toBe('OOMKilled');
  });
});

describe('test/e2e_node/pods_lifecycle_termination_test.go "Pod SIGKILL [LinuxOnly] [NodeConformance]"', () => {
  it('The containers terminated forcefully by Sigkill should have the correct exit code(137) and reason (Error)', () => {
    const trace = run('sigkill-trap-no-exit.yaml');
    const running = waitRunning(trace);
    // "Checking pod's readiness to confirm the signal handler has registered successfully":
    // WaitForPodCondition(…, "Ready", PodStart, testutils.PodRunningReady), which errors as soon as
    // the phase is not Running
    const ready = waitUntil(trace, POD_START, 'pod running and ready', (t) => isReady(podStatusAt(trace, t)), running);
    expectAlways(trace, running, ready, 'phase Running', (t) => phaseAt(trace, t) === 'Running');
    // Delete(DeleteOptions{}): the spec's terminationGracePeriodSeconds, 5
    const deleteAt = deletedAfter(trace, ready, 5);
    // WaitForPodTerminatedInNamespace(…, "", …): Failed with an empty reason, within PodStart
    waitFailedWithoutReason(trace, deleteAt);
    // the end state (the finalizer keeps the pod): HaveLen(1) container statuses, Terminated,
    // Equal(int32(137)), ExpectEqual(Reason, "Error") "Container terminated by sigkill expect Error"
    const statuses = finalStatus(trace).containerStatuses;
    expect(statuses).toHaveLength(1);
    const terminated = statuses[0]?.state.terminated;
    expect(terminated, 'The pod container is in not in the Terminated state').toBeDefined();
    expect(terminated?.exitCode).toBe(137);
    expect(terminated?.reason).toBe('Error');
  });
});

describe('test/e2e_node/terminate_pods_test.go "Terminate Pods"', () => {
  it('should not hang when terminating pods mounting non-existent volumes', () => {
    const trace = run('terminate-nonexistent-secret-volume.yaml');
    // Expect(pod.Spec.NodeName).ToNot(BeEmpty()) right after Create (the node e2e PodClient binds
    // the pod to its node): scheduled from the start
    expect(conditionOf(podStatusAt(trace, 0), 'PodScheduled')?.status).toBe('True');
    // Eventually(20 s, 1 s): a ContainersReady condition with status False
    const notReady = waitUntil(trace, 20, 'ContainersReady False', (t) => conditionOf(podStatusAt(trace, t), 'ContainersReady')?.status === 'False');
    // client.Delete(DeleteOptions{}): the pod's own grace, the default 30 s
    const deleteAt = deletedAfter(trace, notReady, 30);
    // "Wait for the pod to disappear from the API server up to 10 seconds, this shouldn't hang for
    // minutes due to non-existent secret being mounted": Eventually(10 s, 1 s) IsNotFound
    goneWithin(trace, deleteAt, 10);
    // not upstream, the test's premise: the volume never mounted, so container1 never started
    expect(eventsOf(trace, 'MountFailed').length).toBeGreaterThan(0);
    expect(eventsOf(trace, 'Started')).toEqual([]);
  });
});

describe('test/e2e_node/create_delete_test.go "CreateDelete" / "When we make a pod with a volume"', () => {
  it('Should successfully create and delete the pod', () => {
    const trace = run('create-delete-empty-dir.yaml');
    // CreateSync: WaitForPodNameRunningInNamespace
    const running = waitRunning(trace);
    // DeleteSync(name, &DeleteOptions{}, podDisappearTimeout): the pod's own grace (30 s), then
    // the pod must disappear within podDisappearTimeout (2 min)
    const deleteAt = deletedAfter(trace, running, 30);
    goneWithin(trace, deleteAt, 120);
  });
});

// --- test/e2e/node/sidecar_container.go: its own harness ---------------------------------------
// This file's ExecCommand logs "<name> Starting", "Delaying", and "Exiting" just before `exit`, each
// line into the termination log; parseOutput sorts every container's lines by time. A container
// killed by the kubelet never reaches its "Exiting" echo. Its checks differ from CL's:
// ExitsBefore(lhs, rhs) looks for rhs *Starting* after lhs Exiting, and RunTogether looks for
// "Finishing" lines that no container ever writes, so it only requires both to have started.

interface SidecarLogLine {
  name: string;
  command: 'Starting' | 'Exiting';
}

function sidecarHarnessLog(trace: Trace): SidecarLogLine[] {
  const log: SidecarLogLine[] = [];
  const killed = new Set<string>();
  for (const e of trace.events) {
    if (e.type === 'Started') {
      killed.delete(e.container);
      log.push({ name: e.container, command: 'Starting' });
    } else if (e.type === 'Killing') killed.add(e.container);
    else if (e.type === 'Exited' && !killed.has(e.container)) log.push({ name: e.container, command: 'Exiting' });
  }
  return log;
}

const showSidecarLog = (log: SidecarLogLine[]) => log.map((l, i) => `${i}) ${l.name} ${l.command}`).join('\n');
const find = (log: SidecarLogLine[], name: string, command: SidecarLogLine['command'], from = 0) =>
  log.findIndex((l, i) => i >= from && l.name === name && l.command === command);

function sidecarStartsBefore(log: SidecarLogLine[], lhs: string, rhs: string): string | undefined {
  const lhsStart = find(log, lhs, 'Starting');
  if (lhsStart === -1) return `couldn't find that ${lhs} ever started, got\n${showSidecarLog(log)}`;
  if (find(log, rhs, 'Starting', lhsStart + 1) === -1) return `couldn't find that ${rhs} started after ${lhs}, got\n${showSidecarLog(log)}`;
  return undefined;
}

function sidecarExitsBefore(log: SidecarLogLine[], lhs: string, rhs: string): string | undefined {
  const lhsExit = find(log, lhs, 'Exiting');
  if (lhsExit === -1) return `couldn't find that ${lhs} ever exited, got\n${showSidecarLog(log)}`;
  if (find(log, rhs, 'Starting', lhsExit + 1) === -1) return `couldn't find that ${rhs} starting before ${lhs} exited, got\n${showSidecarLog(log)}`;
  return undefined;
}

function sidecarRunTogether(log: SidecarLogLine[], lhs: string, rhs: string): string | undefined {
  if (find(log, lhs, 'Starting') === -1) return `couldn't find that ${lhs} ever started, got\n${showSidecarLog(log)}`;
  if (find(log, rhs, 'Starting') === -1) return `couldn't find that ${rhs} ever started, got\n${showSidecarLog(log)}`;
  return undefined;
}

describe('test/e2e/node/sidecar_container.go "[Feature:SidecarContainers] Containers Lifecycle"', () => {
  it('should launch init container and sidecar containers serially before a regular container', () => {
    const trace = run('sidecars-feature-start-serially.yaml');
    // WaitTimeoutForPodNoLongerRunningInNamespace(…, 5 min): Succeeded or Failed
    waitUntil(trace, 300, 'pod completed', (t) => ['Succeeded', 'Failed'].includes(phaseAt(trace, t)));
    const log = sidecarHarnessLog(trace);
    const [init1, sidecar1, init2, sidecar2, init3, regular1] = ['init-1', 'sidecar-1', 'init-2', 'sidecar-2', 'init-3', 'regular-1'];
    expect(sidecarStartsBefore(log, init1, sidecar1)).toBeUndefined();
    expect(sidecarExitsBefore(log, init1, sidecar1)).toBeUndefined();

    expect(sidecarStartsBefore(log, sidecar1, init2)).toBeUndefined();
    expect(sidecarRunTogether(log, sidecar1, init2)).toBeUndefined();

    expect(sidecarStartsBefore(log, init2, sidecar2)).toBeUndefined();
    expect(sidecarExitsBefore(log, init2, sidecar2)).toBeUndefined();

    expect(sidecarStartsBefore(log, sidecar2, init3)).toBeUndefined();
    expect(sidecarRunTogether(log, sidecar2, sidecar1)).toBeUndefined();
    expect(sidecarRunTogether(log, sidecar1, init3)).toBeUndefined();
    expect(sidecarRunTogether(log, sidecar2, init3)).toBeUndefined();

    expect(sidecarStartsBefore(log, init3, regular1)).toBeUndefined();
    expect(sidecarExitsBefore(log, init3, regular1)).toBeUndefined();
    expect(sidecarRunTogether(log, sidecar1, regular1)).toBeUndefined();
    expect(sidecarRunTogether(log, sidecar2, regular1)).toBeUndefined();
  });
});

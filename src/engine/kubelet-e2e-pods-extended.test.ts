import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import {
  expectAlways,
  gateFixture,
  isTerminal,
  moments,
  phaseAt,
  runFixture,
  statusOf,
  POD_START,
  waitRunning,
  waitUntil,
  type PodStatus,
} from './testing/upstream-e2e';
import type { ContainerStatus, Trace } from './trace';

// Conformance with test/e2e/node/pods.go, "Pods Extended": every fixture is in
// fixtures/kubelet-e2e-runtime/, translated by the rules of fixtures/kubelet-e2e/README.md; every
// `it` asserts what its upstream test asserts (map in fixtures/kubelet-e2e-runtime/README.md).

const run = (fixture: string, until?: number): Trace => runFixture('kubelet-e2e-runtime', fixture, until);

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
    // (upstream also accepts exit 128 StartError / ContainerCannotRun with "context canceled": a start cut short by the pod's removal, which the engine does not play)
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

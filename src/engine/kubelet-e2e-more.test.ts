import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../scenario/parse-scenario';
import { simulate } from './simulate';
import { podStatusAt } from './status/status-at';
import type { ContainerStatus, PodPhase, Trace } from './trace';

// More conformance with Kubernetes' own e2e tests: every fixture in fixtures/kubelet-e2e-more/ is the pod
// of one upstream test that fixtures/kubelet-e2e/ does not cover yet, translated by the rules of
// fixtures/kubelet-e2e/README.md; every `it` asserts what that test asserts (map in
// fixtures/kubelet-e2e-more/README.md). The log and wait helpers are minimal copies of those in
// kubelet-e2e.test.ts (which exports nothing), with the same semantics.

function run(fixture: string, until?: number): Trace {
  const text = readFileSync(new URL(`./fixtures/kubelet-e2e-more/${fixture}`, import.meta.url), 'utf8');
  const parsed = parseScenario(text);
  if (!parsed.ok) {
    const issues = parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new Error(`${fixture} does not parse: ${issues}`);
  }
  return simulate(parsed.model, until === undefined ? {} : { until });
}

// --- the upstream harness log (container_lifecycle_pod_construction.go), rebuilt from the trace ---

interface LogLine {
  t: number;
  name: string;
  command: 'Started' | 'Exiting';
}

function harnessLog(trace: Trace, upTo = Infinity): LogLine[] {
  const log: LogLine[] = [];
  for (const e of trace.events) {
    if (e.t > upTo) break;
    if (e.type === 'Started') log.push({ t: e.t, name: e.container, command: 'Started' });
    else if (e.type === 'Exited') log.push({ t: e.t, name: e.container, command: 'Exiting' });
    else if (e.type === 'HookStarted' || e.type === 'HookFinished') {
      const name = `${e.hook === 'preStop' ? 'PreStop' : 'PostStart'}-${e.container}`;
      log.push({ t: e.t, name, command: e.type === 'HookStarted' ? 'Started' : 'Exiting' });
    }
  }
  return log;
}

const showLog = (log: LogLine[]) => log.map((l, i) => `${i}) ${l.t}s ${l.name} ${l.command}`).join('\n');

function findLine(log: LogLine[], name: string, command: LogLine['command'], from = 0): number {
  return log.findIndex((l, i) => i >= from && l.name === name && l.command === command);
}

function startsBefore(log: LogLine[], lhs: string, rhs: string): string | undefined {
  const lhsStart = findLine(log, lhs, 'Started');
  if (lhsStart === -1) return `${lhs} never started\n${showLog(log)}`;
  if (findLine(log, rhs, 'Started', lhsStart + 1) === -1) return `${rhs} did not start after ${lhs}\n${showLog(log)}`;
  return undefined;
}

function exitsBefore(log: LogLine[], lhs: string, rhs: string): string | undefined {
  const lhsExit = findLine(log, lhs, 'Exiting');
  if (lhsExit === -1) return `${lhs} never exited\n${showLog(log)}`;
  if (findLine(log, rhs, 'Exiting', lhsExit + 1) === -1) return `${rhs} did not exit after ${lhs}\n${showLog(log)}`;
  return undefined;
}

function runTogetherLhsFirst(log: LogLine[], lhs: string, rhs: string): string | undefined {
  const lhsStart = findLine(log, lhs, 'Started');
  if (lhsStart === -1) return `${lhs} never started\n${showLog(log)}`;
  const rhsStart = findLine(log, rhs, 'Started', lhsStart + 1);
  if (rhsStart === -1) return `${rhs} never started after ${lhs}\n${showLog(log)}`;
  const lhsExit = findLine(log, lhs, 'Exiting', lhsStart + 1);
  if (lhsExit === -1) return `${lhs} never exited\n${showLog(log)}`;
  if (rhsStart > lhsExit) return `${rhs} started after ${lhs} exited\n${showLog(log)}`;
  if (findLine(log, rhs, 'Exiting', rhsStart + 1) === -1) return `${rhs} never exited\n${showLog(log)}`;
  return undefined;
}

function runTogether(log: LogLine[], lhs: string, rhs: string): string | undefined {
  return runTogetherLhsFirst(log, lhs, rhs) && runTogetherLhsFirst(log, rhs, lhs);
}

const starts = (log: LogLine[], name: string) =>
  findLine(log, name, 'Started') === -1 ? `${name} never started\n${showLog(log)}` : undefined;
const doesntStart = (log: LogLine[], name: string) =>
  findLine(log, name, 'Started') === -1 ? undefined : `${name} started\n${showLog(log)}`;
const exits = (log: LogLine[], name: string) =>
  findLine(log, name, 'Exiting') === -1 ? `${name} never exited\n${showLog(log)}` : undefined;

function restarted(log: LogLine[], name: string): boolean | undefined {
  const first = findLine(log, name, 'Started');
  return first === -1 ? undefined : findLine(log, name, 'Started', first + 1) !== -1;
}
const hasRestarted = (log: LogLine[], name: string) =>
  restarted(log, name) === true ? undefined : `${name} never (re)started\n${showLog(log)}`;
const hasNotRestarted = (log: LogLine[], name: string) =>
  restarted(log, name) === false ? undefined : `${name} restarted or never started\n${showLog(log)}`;

// --- the API status, polled like e2epod.WaitForPodCondition (every second and every event time) ---

function moments(trace: Trace, to: number): number[] {
  const end = Math.min(to, trace.end);
  const ts = new Set<number>();
  for (let t = 0; t <= end; t += 1) ts.add(t);
  for (const e of trace.events) if (e.t <= end) ts.add(e.t);
  return [...ts].sort((a, b) => a - b);
}

function waitUntil(trace: Trace, timeout: number, what: string, ready: (t: number) => boolean, from = 0): number {
  const t = moments(trace, from + timeout).find((m) => m >= from && ready(m));
  if (t === undefined) throw new Error(`timed out after ${timeout}s waiting for ${what}`);
  return t;
}

/** A wait condition that returns an error (ends the wait) as soon as `ok` breaks. */
function expectAlways(trace: Trace, from: number, to: number, what: string, ok: (t: number) => boolean): void {
  const broken = moments(trace, to).find((t) => t >= from && !ok(t));
  expect(broken, `${what} broke at t=${broken}`).toBeUndefined();
}

function containerAt(trace: Trace, name: string, t: number): ContainerStatus | undefined {
  const status = podStatusAt(trace, t);
  return [...status.initContainerStatuses, ...status.containerStatuses].find((c) => c.name === name);
}

const restartsAt = (trace: Trace, name: string, t: number) => containerAt(trace, name, t)?.restartCount ?? 0;
const phaseAt = (trace: Trace, t: number) => podStatusAt(trace, t).phase;
const isTerminal = (phase: PodPhase) => phase === 'Succeeded' || phase === 'Failed';
const finalPhase = (trace: Trace) => trace.phase.at(-1)?.value;

// Upstream timeouts: f.Timeouts.PodStart (the default of WaitForPodNoLongerRunningInNamespace and
// WaitForPodInitContainerToFail) is 5 minutes.
const POD_START = 300;

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

/** WaitForPodInitContainerToFail(…, index, reason, PodStart): errors once the pod leaves Pending. */
function waitInitContainerToFail(trace: Trace, index: number, reason: string): number {
  const at = waitUntil(trace, POD_START, `init container ${index} waiting in ${reason}`, (t) => {
    const status = podStatusAt(trace, t);
    return status.phase === 'Pending' && status.initContainerStatuses[index]?.state.waiting?.reason === reason;
  });
  expectAlways(trace, 0, at, 'phase Pending', (t) => phaseAt(trace, t) === 'Pending');
  return at;
}

/** The "pending and restarting 3 times" WaitForPodCondition: errors when the pod leaves Pending. */
function waitPendingAndInitRestarted(trace: Trace, index: number, count: number): number {
  const at = waitUntil(trace, POD_START, `init container ${index} restartCount >= ${count}`, (t) => {
    return (podStatusAt(trace, t).initContainerStatuses[index]?.restartCount ?? 0) >= count;
  });
  expectAlways(trace, 0, at, 'phase Pending', (t) => phaseAt(trace, t) === 'Pending');
  return at;
}

/** WaitForPodContainerRestartCount(…, containerIndex, desired, timeout). */
function waitContainerRestartCount(trace: Trace, index: number, desired: number, timeout: number, from = 0): number {
  return waitUntil(
    trace,
    timeout,
    `container ${index} restartCount >= ${desired}`,
    (t) => (podStatusAt(trace, t).containerStatuses[index]?.restartCount ?? 0) >= desired,
    from,
  );
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

  /** runLivenessTest via RunSidecarLivenessTest: the container is InitContainers[0]. */
  function expectLivenessRestarts(trace: Trace, name: string, expectRestarts: number, timeout: number): void {
    const running = waitUntil(trace, timeout, `${name} not waiting`, (t) => {
      const state = containerAt(trace, name, t)?.state;
      return state?.running !== undefined || state?.terminated !== undefined;
    });
    const initial = restartsAt(trace, name, running);
    const deadline = running + timeout + initial * 10;
    let last = initial;
    let observed = 0;
    for (let t = running; t <= Math.min(deadline, trace.end); t += 2) {
      const count = restartsAt(trace, name, t);
      expect(count, `restart count of ${name} at t=${t}`).toBeGreaterThanOrEqual(last);
      observed = count - initial;
      if (expectRestarts > 0 && observed >= expectRestarts) break;
      last = count;
    }
    if (expectRestarts === 0) expect(observed).toBe(0);
    else expect(observed).toBeGreaterThanOrEqual(expectRestarts);
  }

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

  // "with readiness probe that fails should never be ready and never restart"
  it('never marks the pod ready, nor restarts, when the sidecar readiness probe always fails', () => {
    const trace = run('sidecar-readiness-fails.yaml', 120);
    const ready = (t: number) => podStatusAt(trace, t).conditions.find((c) => c.type === 'Ready')?.status === 'True';
    // gomega.Consistently(IsPodReady, 1 min, 1 s).ShouldNot(BeTrue())
    expectAlways(trace, 0, 60, 'pod not Ready', (t) => !ready(t));
    // testutils.PodRunningReady(p) is false; getRestartCount(p) == 0
    const status = podStatusAt(trace, 60);
    expect(status.phase === 'Running' && ready(60)).toBe(false);
    const all = [...status.initContainerStatuses, ...status.containerStatuses];
    expect(all.reduce((n, c) => n + c.restartCount, 0)).toBe(0);
  });
});

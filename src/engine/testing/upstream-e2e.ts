/**
 * The harness of Kubernetes' node e2e tests, rebuilt over a trace, for the conformance tests
 * (kubelet-e2e*.test.ts): the fixtures' loader, the merged container log that upstream's
 * containerOutputList reads with its checks (StartsBefore, ExitsBefore, RunTogether…), and polled
 * waits on the API status like e2epod.WaitForPodCondition. Upstream polls a real node and allows
 * seconds of slack; the engine is deterministic, so the checks keep upstream's orderings and bounds.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parseScenario, type ScenarioResult } from '../../scenario/parse-scenario';
import { simulate } from '../simulate';
import { podExistsAt, podStatusAt } from '../status/status-at';
import type { ContainerStatus, PodConditionType, PodPhase, Trace, TraceEvent } from '../trace';

export type PodStatus = ReturnType<typeof podStatusAt>;
export type EventOf<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** `fixtures/<folder>/<fixture>` through the scenario gate: what the API server would store. */
export function gateFixture(folder: string, fixture: string): ScenarioResult {
  return parseScenario(readFileSync(new URL(`../fixtures/${folder}/${fixture}`, import.meta.url), 'utf8'));
}

/** Simulates `fixtures/<folder>/<fixture>` (up to `until`, or as the engine chooses), with every probe run. */
export function runFixture(folder: string, fixture: string, until?: number): Trace {
  const parsed = gateFixture(folder, fixture);
  if (!parsed.ok) {
    const issues = parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new Error(`${fixture} does not parse: ${issues}`);
  }
  return simulate(parsed.model, until === undefined ? { probeRuns: true } : { until, probeRuns: true });
}

/** Ordered `it`s of one upstream `ginkgo.Ordered` block share one pod: simulate it once, on first use. */
export function shared(run: () => Trace): () => Trace {
  let trace: Trace | undefined;
  return () => (trace ??= run());
}

export function eventsOf<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): EventOf<T>[] {
  return trace.events.filter(
    (e): e is EventOf<T> =>
      e.type === type && (container === undefined || ('container' in e && e.container === container)),
  );
}

// --- the upstream harness log -------------------------------------------------------------------
// Upstream containers run ExecCommand, which logs "<time> <name> Starting|Started|Exiting"; hooks and
// probes log under "PreStop-<c>", "PostStart-<c>", "Liveness-<c>", "Readiness-<c>". The tests then
// compare line positions. The same log is rebuilt here from the trace, in trace (causal) order.

export interface LogLine {
  t: number;
  name: string;
  command: 'Started' | 'Exiting';
}

const HOOK_PREFIX = { postStart: 'PostStart', preStop: 'PreStop' } as const;
const PROBE_PREFIX = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' } as const;

export function harnessLog(trace: Trace, upTo = Infinity): LogLine[] {
  const log: LogLine[] = [];
  // Failed probe runs are ProbeFailed events; passed ones come from the trace's probe runs, when
  // it lists them, each in its place among the events.
  const passed = (trace.probeRuns ?? []).filter((run) => run.passed && run.t <= upTo);
  let next = 0;
  const passedUpTo = (events: number) => {
    for (; next < passed.length && passed[next]!.afterEvents <= events; next++) {
      const name = `${PROBE_PREFIX[passed[next]!.probe]}-${passed[next]!.container}`;
      log.push({ t: passed[next]!.t, name, command: 'Started' }, { t: passed[next]!.t, name, command: 'Exiting' });
    }
  };
  for (const [i, e] of trace.events.entries()) {
    if (e.t > upTo) break;
    passedUpTo(i);
    const line = (name: string, command: LogLine['command']) => log.push({ t: e.t, name, command });
    switch (e.type) {
      case 'Started':
        line(e.container, 'Started');
        break;
      case 'Exited':
        // A process that died with the node never ran its TERM trap: it logged nothing.
        if (e.reason !== 'Unknown') line(e.container, 'Exiting');
        break;
      case 'HookStarted':
        line(`${HOOK_PREFIX[e.hook]}-${e.container}`, 'Started');
        break;
      case 'HookFinished':
        line(`${HOOK_PREFIX[e.hook]}-${e.container}`, 'Exiting');
        break;
      case 'ProbeFailed':
        line(`${PROBE_PREFIX[e.probe]}-${e.container}`, 'Started');
        line(`${PROBE_PREFIX[e.probe]}-${e.container}`, 'Exiting');
        break;
    }
  }
  passedUpTo(Infinity);
  return log;
}

const showLog = (log: LogLine[]) => log.map((l, i) => `${i}) ${l.t}s ${l.name} ${l.command}`).join('\n');

function findLine(log: LogLine[], name: string, command: LogLine['command'], from = 0): number {
  return log.findIndex((l, i) => i >= from && l.name === name && l.command === command);
}

// Each check mirrors the containerOutputList method of the same name in
// test/e2e_node/container_lifecycle_pod_construction.go and returns its error text, or undefined.
// Our `Started` event is the process start, i.e. the harness's "Starting" line.

/** containerOutputList.FindIndex: the first line of `name` with `command` from `from` on; fails the test if none. */
export function findIndex(log: LogLine[], name: string, command: LogLine['command'], from = 0): number {
  const i = findLine(log, name, command, from);
  if (i === -1) throw new Error(`couldn't find ${name} ${command}, got\n${showLog(log)}`);
  return i;
}

export function startsBefore(log: LogLine[], lhs: string, rhs: string): string | undefined {
  const lhsStart = findLine(log, lhs, 'Started');
  if (lhsStart === -1) return `${lhs} never started\n${showLog(log)}`;
  if (findLine(log, rhs, 'Started', lhsStart + 1) === -1) return `${rhs} did not start after ${lhs}\n${showLog(log)}`;
  return undefined;
}

export function exitsBefore(log: LogLine[], lhs: string, rhs: string): string | undefined {
  const lhsExit = findLine(log, lhs, 'Exiting');
  if (lhsExit === -1) return `${lhs} never exited\n${showLog(log)}`;
  if (findLine(log, rhs, 'Exiting', lhsExit + 1) === -1) return `${rhs} did not exit after ${lhs}\n${showLog(log)}`;
  return undefined;
}

export function runTogetherLhsFirst(log: LogLine[], lhs: string, rhs: string): string | undefined {
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

export function runTogether(log: LogLine[], lhs: string, rhs: string): string | undefined {
  return runTogetherLhsFirst(log, lhs, rhs) && runTogetherLhsFirst(log, rhs, lhs);
}

export function starts(log: LogLine[], name: string): string | undefined {
  return findLine(log, name, 'Started') === -1 ? `${name} never started\n${showLog(log)}` : undefined;
}

export function doesntStart(log: LogLine[], name: string): string | undefined {
  return findLine(log, name, 'Started') === -1 ? undefined : `${name} started\n${showLog(log)}`;
}

export function exits(log: LogLine[], name: string): string | undefined {
  return findLine(log, name, 'Exiting') === -1 ? `${name} never exited\n${showLog(log)}` : undefined;
}

export function hasRestarted(log: LogLine[], name: string): string | undefined {
  const first = findLine(log, name, 'Started');
  if (first === -1) return `${name} never started\n${showLog(log)}`;
  return findLine(log, name, 'Started', first + 1) === -1 ? `${name} never restarted\n${showLog(log)}` : undefined;
}

export function hasNotRestarted(log: LogLine[], name: string): string | undefined {
  const first = findLine(log, name, 'Started');
  if (first === -1) return `${name} never started\n${showLog(log)}`;
  return findLine(log, name, 'Started', first + 1) === -1 ? undefined : `${name} restarted\n${showLog(log)}`;
}

// --- the API status, polled like e2epod.WaitForPodCondition -----------------------------------

/** Moments worth polling up to `to`: every whole second (upstream polls) and every event time. */
export function moments(trace: Trace, to: number): number[] {
  const end = Math.min(to, trace.end);
  const ts = new Set<number>();
  for (let t = 0; t <= end; t += 1) ts.add(t);
  for (const e of trace.events) if (e.t <= end) ts.add(e.t);
  return [...ts].sort((a, b) => a - b);
}

/** The first moment from `from` to `from + timeout` at which `ready(t)` holds; fails the test otherwise. */
export function waitUntil(trace: Trace, timeout: number, what: string, ready: (t: number) => boolean, from = 0): number {
  const t = moments(trace, from + timeout).find((m) => m >= from && ready(m));
  if (t === undefined) throw new Error(`timed out after ${timeout}s waiting for ${what}`);
  return t;
}

/** Like gomega.Consistently, or a wait condition that returns an error as soon as `ok` breaks. */
export function expectAlways(trace: Trace, from: number, to: number, what: string, ok: (t: number) => boolean): void {
  const broken = moments(trace, to).find((t) => t >= from && !ok(t));
  expect(broken, `${what} broke at t=${broken}`).toBeUndefined();
}

export function statusOf(status: PodStatus, name: string): ContainerStatus | undefined {
  return [...status.initContainerStatuses, ...status.containerStatuses].find((c) => c.name === name);
}

export function containerAt(trace: Trace, name: string, t: number): ContainerStatus | undefined {
  return statusOf(podStatusAt(trace, t), name);
}

export const restartsAt = (trace: Trace, name: string, t: number) => containerAt(trace, name, t)?.restartCount ?? 0;
export const phaseAt = (trace: Trace, t: number) => podStatusAt(trace, t).phase;
export const isTerminal = (phase: PodPhase) => phase === 'Succeeded' || phase === 'Failed';

export function conditionOf(status: PodStatus, type: PodConditionType) {
  return status.conditions.find((c) => c.type === type);
}

export const isReady = (status: PodStatus) => conditionOf(status, 'Ready')?.status === 'True';

export function finalPhase(trace: Trace): { phase: PodPhase; reason?: string } | undefined {
  return trace.phase.at(-1)?.value;
}

/** The status a client sees last: at the end, or just as the kubelet removes the pod object. */
export function finalStatus(trace: Trace): PodStatus {
  return podStatusAt(trace, trace.deletedAt ?? trace.end);
}

/** upstream expectPodTerminationContainerStatuses: same names, each Terminated with code and reason. */
export function expectTerminated(statuses: ContainerStatus[], expected: Record<string, [number, string]>): void {
  expect(statuses.map((s) => s.name).sort()).toEqual(Object.keys(expected).sort());
  for (const s of statuses) {
    const [exitCode, reason] = expected[s.name] ?? [NaN, ''];
    expect(s.state.terminated, `${s.name} terminated`).toBeDefined();
    expect({ name: s.name, exitCode: s.state.terminated?.exitCode, reason: s.state.terminated?.reason }).toEqual({
      name: s.name,
      exitCode,
      reason,
    });
  }
}

/** upstream runLivenessTest (test/e2e/common/node/container_probe.go). */
export function expectLivenessRestarts(trace: Trace, name: string, expectRestarts: number, timeout: number): void {
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

/**
 * upstream e2eevents.WaitTimeoutForEvent: within `timeout` of `from`, a Kubernetes Event of the pod
 * with this reason whose message contains `message` (eventOccurred: strings.Contains).
 */
export function expectEventContaining(trace: Trace, reason: string, message: string, from: number, timeout: number): void {
  const found = trace.events.find(({ t, event }) => t <= from + timeout && event?.reason === reason && event.message.includes(message));
  expect(found, `a ${reason} Event saying "${message}" by t=${from + timeout}`).toBeDefined();
}

/**
 * container_probe.go's "with readiness probe should not be ready before initial delay and never
 * restart": once Ready, the pod is Running, its Ready transition is at least `delay` after the
 * container's startedAt, and no container restarted.
 */
export function expectReadyAfterInitialDelay(trace: Trace, container: string, delay: number): void {
  const ready = waitUntil(trace, 300, 'pod Ready', (t) => isReady(podStatusAt(trace, t)));
  const status = podStatusAt(trace, ready);
  expect(status.phase).toBe('Running');
  // GetTransitionTimeForReadyCondition and GetContainerStartedTime(p, container)
  const readyTime = conditionOf(status, 'Ready')?.lastTransitionTime ?? NaN;
  const startedTime = statusOf(status, container)?.state.running?.startedAt ?? NaN;
  expect(readyTime - startedTime).toBeGreaterThanOrEqual(delay);
  const all = [...status.initContainerStatuses, ...status.containerStatuses];
  expect(all.reduce((n, c) => n + c.restartCount, 0)).toBe(0);
}

/**
 * container_probe.go's "with readiness probe that fails should never be ready and never restart":
 * never Ready over a minute (1 s polls), then not running-and-ready, and no container restarted.
 */
export function expectNeverReadyNorRestarted(trace: Trace): void {
  // gomega.Consistently(IsPodReady, 1 min, 1 s).ShouldNot(BeTrue())
  expectAlways(trace, 0, 60, 'pod not Ready', (t) => !isReady(podStatusAt(trace, t)));
  // testutils.PodRunningReady(p) is false; getRestartCount(p) == 0
  const status = podStatusAt(trace, 60);
  expect(status.phase === 'Running' && isReady(status)).toBe(false);
  const all = [...status.initContainerStatuses, ...status.containerStatuses];
  expect(all.reduce((n, c) => n + c.restartCount, 0)).toBe(0);
}

/**
 * container_probe.go's "should mark readiness on pods to false while pod is in progress of
 * terminating": running and ready before the deletion, then not ready at some moment before the
 * pod object is gone (the informer sees every status until then).
 */
export function expectUnreadyWhileTerminating(trace: Trace): void {
  const deleteAt = trace.deletion?.t ?? NaN;
  // WaitForPodsRunningReady before the deletion
  waitUntil(trace, deleteAt, 'pod running and ready', (t) => {
    const status = podStatusAt(trace, t);
    return status.phase === 'Running' && isReady(status);
  });
  expect(trace.deletedAt).toBeDefined();
  const gone = trace.deletedAt ?? trace.end;
  // waitForPodStatusByInformer(…, PodDelete, !IsPodReady)
  waitUntil(trace, gone - deleteAt, 'pod not ready', (t) => !isReady(podStatusAt(trace, t)), deleteAt);
}

// Upstream timeouts: f.Timeouts.PodStart (the default of WaitForPodNoLongerRunningInNamespace and
// WaitForPodInitContainerToFail) is 5 minutes.
export const POD_START = 300;

/** The test's Delete, issued at or after `after` with `grace` (the pod's own when the options are empty). Returns its time. */
export function deletedAfter(trace: Trace, after: number, grace: number): number {
  expect(trace.deletion?.gracePeriod).toBe(grace);
  const deleteAt = trace.deletion?.t ?? NaN;
  expect(deleteAt).toBeGreaterThanOrEqual(after);
  return deleteAt;
}

/**
 * e2epod.WaitForPodTerminatedInNamespace(…, reason "", …): polls (PodStart) until the phase is Failed,
 * then errors unless status.reason is the empty one asked for. A Succeeded pod never satisfies it.
 */
export function waitFailedWithoutReason(trace: Trace, from: number): number {
  const at = waitUntil(trace, POD_START, 'pod Failed', (t) => phaseAt(trace, t) === 'Failed', from);
  expect(podStatusAt(trace, at).reason ?? '').toBe('');
  return at;
}

/** WaitForPodNotFoundInNamespace: the pod object is gone (NotFound) within `timeout` of `from`. Returns when. */
export function goneWithin(trace: Trace, from: number, timeout: number): number {
  expect(trace.deletedAt, 'the pod object is never removed').toBeDefined();
  const gone = trace.deletedAt ?? Infinity;
  expect(gone - from, `pod still found at t=${from + timeout}`).toBeLessThanOrEqual(timeout);
  expect(podExistsAt(trace, gone)).toBe(false);
  return gone;
}

/** WaitForPodNameRunningInNamespace: Running within PodStart; an error as soon as the pod is terminal. */
export function waitRunning(trace: Trace): number {
  const at = waitUntil(trace, POD_START, 'pod Running', (t) => isTerminal(phaseAt(trace, t)) || phaseAt(trace, t) === 'Running');
  expect(phaseAt(trace, at)).toBe('Running');
  return at;
}

/** WaitForPodInitContainerToFail(…, index, reason, PodStart): errors once the pod leaves Pending. */
export function waitInitContainerToFail(trace: Trace, index: number, reason: string): number {
  const at = waitUntil(trace, POD_START, `init container ${index} waiting in ${reason}`, (t) => {
    const status = podStatusAt(trace, t);
    return status.phase === 'Pending' && status.initContainerStatuses[index]?.state.waiting?.reason === reason;
  });
  expectAlways(trace, 0, at, 'phase Pending', (t) => phaseAt(trace, t) === 'Pending');
  return at;
}

/** The "pending and restarting 3 times" WaitForPodCondition: errors when the pod leaves Pending. */
export function waitPendingAndInitRestarted(trace: Trace, index: number, count: number): number {
  const at = waitUntil(trace, POD_START, `init container ${index} restartCount >= ${count}`, (t) => {
    return (podStatusAt(trace, t).initContainerStatuses[index]?.restartCount ?? 0) >= count;
  });
  expectAlways(trace, 0, at, 'phase Pending', (t) => phaseAt(trace, t) === 'Pending');
  return at;
}

/** WaitForPodContainerRestartCount(…, containerIndex, desired, timeout). */
export function waitContainerRestartCount(trace: Trace, index: number, desired: number, timeout: number, from = 0): number {
  return waitUntil(
    trace,
    timeout,
    `container ${index} restartCount >= ${desired}`,
    (t) => (podStatusAt(trace, t).containerStatuses[index]?.restartCount ?? 0) >= desired,
    from,
  );
}

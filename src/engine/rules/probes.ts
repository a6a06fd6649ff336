/**
 * Probe workers: one per (container, probe kind), ticking every periodSeconds from the pod's first
 * sync, for sidecars and regular containers (never for regular init containers).
 * kubelet: pkg/kubelet/prober/worker.go doProbe, prober_manager.go.
 */
import { at, changed, isStarted, type ContainerRuntime, type ProbeResult, type ProbeWorker, type Sim } from '../runtime';
import type { ProbeKind, ProbeTiming } from '../types';

const INITIAL_RESULT: Record<ProbeKind, ProbeResult> = {
  readiness: 'failure',
  liveness: 'success',
  startup: 'unknown',
};

const LABEL: Record<ProbeKind, string> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };
const KINDS = ['startup', 'readiness', 'liveness'] as const;

export function startProbeWorkers(sim: Sim, c: ContainerRuntime): void {
  if (c.spec.role === 'init') return;
  for (const kind of KINDS) {
    const timing = c.spec[`${kind}Probe`];
    if (!timing) continue;
    const worker: ProbeWorker = {
      kind,
      timing,
      instanceId: 0,
      result: INITIAL_RESULT[kind],
      lastResult: 'unknown',
      resultRun: 0,
      onHold: false,
      stopped: false,
      parked: false,
    };
    c.probes[kind] = worker;
    scheduleTick(sim, c, worker, sim.now);
  }
}

function scheduleTick(sim: Sim, c: ContainerRuntime, w: ProbeWorker, t: number): void {
  sim.queue.push(t, () => {
    doProbe(sim, c, w);
    if (w.stopped) return;
    if (idle(c, w)) w.parked = true;
    else scheduleTick(sim, c, w, at(t + w.timing.periodSeconds));
  });
}

/**
 * Ticks that cannot change anything (no running container; a startup probe that already
 * succeeded) are not simulated: the worker parks and resumes on its grid. Saves most of the
 * events of a long run without changing a single result.
 */
function idle(c: ContainerRuntime, w: ProbeWorker): boolean {
  const inst = c.current;
  if (!inst || inst.exited || !inst.published) return true;
  return w.kind === 'startup' && w.instanceId === inst.id && w.result === 'success';
}

/** Resumes parked workers at their next tick after now, once the container's new run is published. */
export function wakeProbes(sim: Sim, c: ContainerRuntime): void {
  for (const w of Object.values(c.probes)) {
    if (!w || !w.parked || w.stopped) continue;
    w.parked = false;
    const period = w.timing.periodSeconds;
    scheduleTick(sim, c, w, at((Math.floor(sim.now / period + 1e-9) + 1) * period));
  }
}

/**
 * The kubelet runs a readiness probe at once when it publishes a started container that is not
 * ready yet (prober_manager.go UpdatePodStatus manual trigger); the ticker is not reset.
 */
export function triggerReadiness(sim: Sim, c: ContainerRuntime): void {
  const w = c.probes.readiness;
  if (w && isStarted(c)) doProbe(sim, c, w);
}

/** A fail-probes action: from `now` on, the probe of this kind (every probe, when none is named) fails. */
export function failProbes(c: ContainerRuntime, kind: ProbeKind | undefined, now: number): void {
  for (const k of kind ? [kind] : KINDS) c.failProbesFrom[k] ??= now;
}

/** Does the process answer this probe at this instant? Its own window, else the container's. */
function healthy(sim: Sim, c: ContainerRuntime, kind: ProbeKind): boolean {
  const inst = c.current!;
  const age = sim.now - inst.startedAt;
  // A probe's own window overrides the container's, field by field (as a spread would, without
  // copying the behaviour on every probe run: most of a long run's steps are probe runs).
  const own = inst.behavior.probes[kind];
  const startup = own && Object.hasOwn(own, 'startup') ? own.startup! : inst.behavior.startup;
  const unhealthyAfter = own && Object.hasOwn(own, 'unhealthyAfter') ? own.unhealthyAfter! : inst.behavior.unhealthyAfter;
  const failFrom = c.failProbesFrom[kind];
  if (failFrom !== undefined && sim.now >= failFrom) return false;
  if (age < startup) return false;
  return unhealthyAfter === null || age < unhealthyAfter;
}

function doProbe(sim: Sim, c: ContainerRuntime, w: ProbeWorker): void {
  if (sim.terminated) {
    w.stopped = true;
    return;
  }
  const inst = c.current;
  if (!inst || !inst.published) return;
  if (w.instanceId !== inst.id) {
    w.instanceId = inst.id;
    setResult(sim, c, w, INITIAL_RESULT[w.kind]);
    w.onHold = false;
  }
  if (w.onHold || inst.exited) return;
  if (sim.deletion && w.kind !== 'readiness') {
    // Liveness and startup probes stop once the pod is terminating; readiness goes on.
    setResult(sim, c, w, 'success');
    w.stopped = true;
    return;
  }
  if (Math.floor(sim.now - inst.startedAt + 1e-9) < w.timing.initialDelaySeconds) return;
  if (w.kind === 'startup' ? w.result === 'success' : !isStarted(c)) return;

  const result: ProbeResult = healthy(sim, c, w.kind) ? 'success' : 'failure';
  sim.rec.probeRuns?.push({ t: sim.now, afterEvents: sim.rec.events.length, container: c.spec.name, probe: w.kind, passed: result === 'success' });
  if (result === 'failure') {
    sim.rec.emitK8s(
      { t: sim.now, type: 'ProbeFailed', container: c.spec.name, probe: w.kind },
      'Warning',
      'Unhealthy',
      `${LABEL[w.kind]} probe failed: ${probeOutput(c, w.kind)}`,
    );
  } else {
    warnOfRedirect(sim, c, w);
  }
  if (w.lastResult === result) w.resultRun++;
  else {
    w.lastResult = result;
    w.resultRun = 1;
  }
  const threshold = result === 'failure' ? w.timing.failureThreshold : w.timing.successThreshold;
  if (w.resultRun < threshold) return;
  setResult(sim, c, w, result);
  if (result === 'failure' && w.kind !== 'readiness') {
    w.onHold = true;
    w.resultRun = 0;
  }
}

function setResult(sim: Sim, c: ContainerRuntime, w: ProbeWorker, result: ProbeResult): void {
  if (w.result === result) return;
  w.result = result;
  // A new result is a reason to sync: a startup success may let the next init container start,
  // a liveness or startup failure gets the container killed.
  changed(sim, c);
  if (w.kind === 'startup' && result === 'success') triggerReadiness(sim, c);
}

/**
 * An HTTP probe redirected to another host passes with a warning, at every attempt: prober.go
 * records a ProbeWarning event with pkg/probe/http's output, whose body is the one Go's
 * http.Redirect writes for a 302 (as agnhost's does; its closing newlines left out).
 */
function warnOfRedirect(sim: Sim, c: ContainerRuntime, w: ProbeWorker): void {
  const location = c.current!.behavior.probes[w.kind]?.redirect;
  if (location === undefined || w.timing.handler !== 'httpGet') return;
  sim.rec.emitK8s(
    { t: sim.now, type: 'ProbeWarning', container: c.spec.name, probe: w.kind, location },
    'Warning',
    'ProbeWarning',
    `${LABEL[w.kind]} probe warning: Probe terminated redirects, Response body: <a href="${htmlEscape(location)}">Found</a>.`,
  );
}

/** Go's html.EscapeString, as http.Redirect escapes the location. */
function htmlEscape(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;' };
  return text.replace(/[&'<>"]/g, (ch) => entities[ch]!);
}

/** What the kubelet's prober reports for a failed attempt of each handler kind. */
const FAILURE_OUTPUT: Record<ProbeTiming['handler'], string> = {
  httpGet: 'HTTP probe failed with statuscode: 503',
  tcpSocket: 'dial tcp: connect: connection refused',
  exec: 'command exited with non-zero status 1',
  grpc: 'service unhealthy (responded with "NOT_SERVING")',
};

function probeOutput(c: ContainerRuntime, kind: ProbeKind): string {
  return FAILURE_OUTPUT[c.spec[`${kind}Probe`]!.handler];
}

/**
 * The pods of test/e2e/common/node/container_probe.go, imported as they are (no behaviour
 * annotation, so Podlab infers one) and played: each must do what the upstream test asserts.
 * Some of the same tests, written with hand-made behaviours, are in src/engine/kubelet-e2e*.
 */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { simulate } from '../engine';
import type { Trace } from '../engine/trace';
import { podStatusAt } from '../engine/status/status-at';
import { expectLivenessRestarts, expectReadyAfterInitialDelay, isReady, restartsAt } from '../engine/testing/upstream-e2e';
import { parseScenario } from './parse-scenario';
import { importWorkload } from './workload-import';

// 4 min defaultObservationTimeout
const OBSERVATION = 240;

type Probe = Record<string, unknown>;
const exec = (...command: string[]) => ({ exec: { command } });

/** busyBoxPodSpec / startupPodSpec: one busybox container running `cmd`, with the given probes. */
function busyBoxPod(cmd: string[], probes: { startupProbe?: Probe; readinessProbe?: Probe; livenessProbe?: Probe }): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'busybox-probe' },
    spec: { containers: [{ name: 'busybox', image: 'registry.k8s.io/e2e-test-images/busybox:1.37.0-1', command: cmd, ...probes }] },
  });
}

const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53';
// probeTestInitialDelaySeconds
const INITIAL_DELAY = 15;

/** One agnhost container, as NewAgnhostPod, testWebServerPodSpec and gRPCServerPodSpec make it. */
function agnhostPod(name: string, run: { args?: string[]; command?: string[]; ports?: number[] }, probes: { readinessProbe?: Probe; livenessProbe?: Probe }): string {
  const ports = run.ports?.map((containerPort) => ({ containerPort }));
  return stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'agnhost-probe' },
    spec: { containers: [{ name, image: AGNHOST, ...run, ...(ports ? { ports } : {}), ...probes }] },
  });
}

function play(podYaml: string, until = 2 * OBSERVATION): { trace: Trace; reason: string } {
  const imported = importWorkload(podYaml);
  if (!imported.ok) throw new Error(imported.notices.map((n) => n.message).join('\n'));
  const parsed = parseScenario(imported.source);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return { trace: simulate(parsed.model, { until }), reason: imported.inferred[0]?.reason ?? '' };
}

const sleep600 = ['/bin/sh', '-c', 'sleep 600'];

describe('container_probe.go pods imported without a behaviour', () => {
  it('[Conformance] should be restarted with a exec "cat /tmp/health" liveness probe', () => {
    const { trace } = play(
      busyBoxPod(['/bin/sh', '-c', 'echo ok >/tmp/health; sleep 10; rm -rf /tmp/health; sleep 600'], {
        livenessProbe: { ...exec('cat', '/tmp/health'), initialDelaySeconds: 15, timeoutSeconds: 5, failureThreshold: 1 },
      }),
    );
    expectLivenessRestarts(trace, 'busybox', 1, OBSERVATION);
  });

  it('[Conformance] should *not* be restarted with a exec "cat /tmp/health" liveness probe', () => {
    const { trace } = play(
      busyBoxPod(['/bin/sh', '-c', 'echo ok >/tmp/health; sleep 600'], {
        livenessProbe: { ...exec('cat', '/tmp/health'), initialDelaySeconds: 15, timeoutSeconds: 5, failureThreshold: 1 },
      }),
    );
    expectLivenessRestarts(trace, 'busybox', 0, OBSERVATION);
  });

  it('should be restarted with an exec liveness probe with timeout', () => {
    const { trace, reason } = play(
      busyBoxPod(sleep600, { livenessProbe: { ...exec('/bin/sh', '-c', 'sleep 10'), initialDelaySeconds: 15, timeoutSeconds: 1, failureThreshold: 1 } }),
    );
    expect(reason).toContain('times out');
    expectLivenessRestarts(trace, 'busybox', 1, OBSERVATION);
  });

  it('should not be ready with an exec readiness probe timeout', () => {
    const { trace } = play(
      busyBoxPod(sleep600, { readinessProbe: { ...exec('/bin/sh', '-c', 'sleep 10'), initialDelaySeconds: 15, timeoutSeconds: 1, failureThreshold: 1 } }),
    );
    // runReadinessFailTest: never ready for a minute (polled each second), and no restart
    for (let t = 0; t <= 60; t++) expect(isReady(podStatusAt(trace, t)), `ready at ${t} s`).toBe(false);
    expect(restartsAt(trace, 'busybox', 60)).toBe(0);
  });

  it('should be restarted with a failing exec liveness probe that took longer than the timeout', () => {
    const { trace } = play(
      busyBoxPod(sleep600, { livenessProbe: { ...exec('/bin/sh', '-c', 'sleep 10 & exit 1'), initialDelaySeconds: 15, timeoutSeconds: 1, failureThreshold: 1 } }),
    );
    expectLivenessRestarts(trace, 'busybox', 1, OBSERVATION);
  });

  it('should be restarted startup probe fails', () => {
    const { trace } = play(
      busyBoxPod(sleep600, {
        livenessProbe: { ...exec('/bin/true'), initialDelaySeconds: 15, failureThreshold: 1 },
        startupProbe: { ...exec('/bin/false'), initialDelaySeconds: 15, failureThreshold: 3 },
      }),
    );
    expectLivenessRestarts(trace, 'busybox', 1, OBSERVATION);
  });

  it('should *not* be restarted by liveness probe because startup probe delays it', () => {
    const { trace } = play(
      busyBoxPod(sleep600, {
        livenessProbe: { ...exec('/bin/false'), initialDelaySeconds: 15, failureThreshold: 1 },
        startupProbe: { ...exec('/bin/false'), initialDelaySeconds: 15, failureThreshold: 60 },
      }),
    );
    expectLivenessRestarts(trace, 'busybox', 0, OBSERVATION);
  });

  it('should be ready immediately after startupProbe succeeds', () => {
    const { trace } = play(
      busyBoxPod(['/bin/sh', '-c', 'echo ok >/tmp/health; sleep 32; echo ok >/tmp/startup; sleep 600'], {
        readinessProbe: { ...exec('/bin/cat', '/tmp/health'), initialDelaySeconds: 0, periodSeconds: 30 },
        startupProbe: { ...exec('/bin/cat', '/tmp/startup'), initialDelaySeconds: 0, failureThreshold: 120, periodSeconds: 5 },
      }),
    );
    const started = trace.events.find((e) => e.type === 'ContainerStarted')!.t;
    let ready = started;
    while (!isReady(podStatusAt(trace, ready))) ready++;
    expect(started).toBeGreaterThanOrEqual(32);
    expect(ready - started).toBeLessThanOrEqual(25);
  });

  // Two windows: the startup probe passes from 10 s, the liveness probe never.
  it('should be restarted by liveness probe after startup probe enables it', () => {
    const { trace, reason } = play(
      busyBoxPod(['/bin/sh', '-c', 'sleep 10; echo ok >/tmp/startup; sleep 600'], {
        livenessProbe: { ...exec('/bin/false'), initialDelaySeconds: 15, failureThreshold: 1 },
        startupProbe: { ...exec('cat', '/tmp/startup'), initialDelaySeconds: 15, failureThreshold: 60 },
      }),
    );
    expect(reason).toContain('the liveness probe fails');
    expectLivenessRestarts(trace, 'busybox', 1, OBSERVATION);
  });
});

describe('container_probe.go HTTP, TCP and gRPC pods of agnhost, imported without a behaviour', () => {
  const liveness = (livenessProbe: Probe) => agnhostPod('agnhost-container', { args: ['liveness'] }, { livenessProbe });
  const webserver = (probes: { readinessProbe?: Probe; livenessProbe?: Probe }) => agnhostPod('test-webserver', { args: ['test-webserver'], ports: [80] }, probes);
  const grpcServer = (livenessProbe: Probe) => agnhostPod('agnhost', { command: ['/agnhost', 'grpc-health-checking'], ports: [5000, 8080] }, { livenessProbe });
  const http = (path: string, port: number) => ({ httpGet: { path, port } });

  it('[Conformance] should be restarted with a /healthz http liveness probe', () => {
    const { trace, reason } = play(liveness({ ...http('/healthz', 8080), initialDelaySeconds: INITIAL_DELAY, failureThreshold: 1 }));
    expect(reason).toContain('agnhost liveness answers /healthz with 200 for its first 10 s, then 500');
    expectLivenessRestarts(trace, 'agnhost-container', 1, OBSERVATION);
  });

  it('[Conformance] should *not* be restarted with a tcp:8080 liveness probe', () => {
    const { trace } = play(liveness({ tcpSocket: { port: 8080 }, initialDelaySeconds: INITIAL_DELAY, failureThreshold: 1 }));
    expectLivenessRestarts(trace, 'agnhost-container', 0, OBSERVATION);
  });

  it('[Conformance] should have monotonically increasing restart count', () => {
    // ~2 minutes backoff timeouts + 4 minutes defaultObservationTimeout + 2 minutes for each pod restart
    const timeout = 120 + OBSERVATION + 4 * 120;
    const { trace } = play(liveness({ ...http('/healthz', 8080), initialDelaySeconds: 5, failureThreshold: 1 }), 2 * timeout);
    expectLivenessRestarts(trace, 'agnhost-container', 5, timeout);
  });

  it('[Conformance] should *not* be restarted with a /healthz http liveness probe (test-webserver)', () => {
    const { trace } = play(webserver({ livenessProbe: { ...http('/', 80), initialDelaySeconds: INITIAL_DELAY, timeoutSeconds: 5, failureThreshold: 5 } }));
    expectLivenessRestarts(trace, 'test-webserver', 0, OBSERVATION);
  });

  it('should be restarted with a local redirect http liveness probe', () => {
    const { trace } = play(liveness({ ...http(`/redirect?loc=${encodeURIComponent('/healthz')}`, 8080), initialDelaySeconds: INITIAL_DELAY, failureThreshold: 1 }));
    expectLivenessRestarts(trace, 'agnhost-container', 1, OBSERVATION);
  });

  it('should *not* be restarted with a non-local redirect http liveness probe', () => {
    const { trace } = play(liveness({ ...http(`/redirect?loc=${encodeURIComponent('http://0.0.0.0/')}`, 8080), initialDelaySeconds: INITIAL_DELAY, failureThreshold: 1 }));
    expectLivenessRestarts(trace, 'agnhost-container', 0, OBSERVATION);
    // Expect an event of type "ProbeWarning" (WaitTimeoutForEvent: its message contains this).
    const warnings = trace.events.filter((e) => e.event?.reason === 'ProbeWarning' && e.t <= OBSERVATION);
    expect(warnings.length).toBeGreaterThan(0);
    for (const { event } of warnings) {
      expect(event!.type).toBe('Warning');
      expect(event!.message).toContain('Probe terminated redirects, Response body: <a href="http://0.0.0.0/">Found</a>.');
    }
  });

  it('[Conformance] with readiness probe should not be ready before initial delay and never restart', () => {
    const { trace } = play(webserver({ readinessProbe: { ...http('/', 80), initialDelaySeconds: INITIAL_DELAY } }));
    expectReadyAfterInitialDelay(trace, 'test-webserver', INITIAL_DELAY);
  });

  it('[Conformance] with readiness probe that fails should never be ready and never restart', () => {
    const { trace } = play(webserver({ readinessProbe: http('/', 81) }));
    // Consistently not ready for a minute, polled each second; then a restart count of 0
    for (let t = 0; t <= 60; t++) expect(isReady(podStatusAt(trace, t)), `ready at ${t} s`).toBe(false);
    expect(restartsAt(trace, 'test-webserver', 60)).toBe(0);
  });

  it('[Conformance] should *not* be restarted with a GRPC liveness probe', () => {
    const { trace } = play(grpcServer({ grpc: { port: 5000 }, initialDelaySeconds: INITIAL_DELAY, timeoutSeconds: 5, failureThreshold: 1 }));
    expectLivenessRestarts(trace, 'agnhost', 0, OBSERVATION);
  });

  it('[Conformance] should be restarted with a GRPC liveness probe', () => {
    const { trace } = play(grpcServer({ grpc: { port: 2333 }, initialDelaySeconds: INITIAL_DELAY * 4, timeoutSeconds: 5, failureThreshold: 1 }));
    expectLivenessRestarts(trace, 'agnhost', 1, OBSERVATION);
  });
});

describe('container_probe.go "Probing restartable container" (native sidecars), imported without a behaviour', () => {
  /** busyBoxSidecarPodSpec / livenessSidecarPodSpec: the probed container is a native sidecar beside `agnhost pause`. */
  function sidecarPod(sidecar: Record<string, unknown>): string {
    return stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'sidecar-probe' },
      spec: {
        initContainers: [{ ...sidecar, restartPolicy: 'Always' }],
        containers: [{ name: 'main', image: AGNHOST, args: ['pause'] }],
      },
    });
  }

  it('should be restarted with a exec "cat /tmp/health" liveness probe', () => {
    const { trace } = play(
      sidecarPod({
        name: 'busybox',
        image: 'registry.k8s.io/e2e-test-images/busybox:1.37.0-1',
        command: ['/bin/sh', '-c', 'echo ok >/tmp/health; sleep 10; rm -rf /tmp/health; sleep 600'],
        livenessProbe: { ...exec('cat', '/tmp/health'), initialDelaySeconds: 15, timeoutSeconds: 5, failureThreshold: 1 },
      }),
    );
    expectLivenessRestarts(trace, 'busybox', 1, OBSERVATION);
  });

  it('should be restarted with a /healthz http liveness probe', () => {
    const { trace } = play(
      sidecarPod({ name: 'sidecar', image: AGNHOST, args: ['liveness'], livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: INITIAL_DELAY, failureThreshold: 1 } }),
    );
    expectLivenessRestarts(trace, 'sidecar', 1, OBSERVATION);
  });
});


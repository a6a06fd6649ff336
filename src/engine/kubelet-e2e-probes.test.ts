import { describe, expect, it } from 'vitest';
import { eventsOf, expectEventContaining, expectLivenessRestarts, expectNeverReadyNorRestarted, expectUnreadyWhileTerminating, runFixture } from './testing/upstream-e2e';
import type { Trace } from './trace';

// Conformance with the probe e2e tests (test/e2e/common/node/container_probe.go) that the other
// kubelet-e2e* files do not replay: every fixture in fixtures/kubelet-e2e-probes/ is the pod of one
// upstream test, translated by the rules of fixtures/kubelet-e2e/README.md; every `it` asserts what that
// test asserts (map in fixtures/kubelet-e2e-probes/README.md). The harness is testing/upstream-e2e.ts.

const run = (fixture: string, until?: number): Trace => runFixture('kubelet-e2e-probes', fixture, until);

// 4 min defaultObservationTimeout
const OBSERVATION = 240;
// framework.PodEventTimeout
const POD_EVENT_TIMEOUT = 120;
const REDIRECT_WARNING = 'Probe terminated redirects, Response body: <a href="http://0.0.0.0/">Found</a>.';
// "should have monotonically increasing restart count": RunLivenessTest(…, 5,
// 2*time.Minute+defaultObservationTimeout+4*2*time.Minute), "~2 minutes backoff timeouts + 4 minutes
// defaultObservationTimeout + 2 minutes for each pod restart"
const MONOTONIC_TIMEOUT = 2 * 60 + OBSERVATION + 4 * 2 * 60;

/** RunLivenessTest over a run long enough for its deadline (timeout + 10 s per initial restart). */
function livenessTest(fixture: string, container: string, restarts: number, timeout: number): Trace {
  const trace = run(fixture, 2 * timeout);
  expectLivenessRestarts(trace, container, restarts, timeout);
  return trace;
}

describe('test/e2e/common/node/container_probe.go "Probing container"', () => {
  // [Conformance] "with readiness probe that fails should never be ready and never restart"
  it('never marks the pod ready, nor restarts, when the readiness probe always fails', () => {
    expectNeverReadyNorRestarted(run('readiness-fails.yaml', 120));
  });

  // [Conformance] "should *not* be restarted with a exec \"cat /tmp/health\" liveness probe"
  it('does not restart a container whose exec liveness probe keeps passing', () => {
    livenessTest('liveness-exec-no-restart.yaml', 'busybox', 0, OBSERVATION);
  });

  // "should be restarted by liveness probe after startup probe enables it"
  it('restarts the container by its failing liveness probe once the startup probe succeeded', () => {
    livenessTest('liveness-after-startup.yaml', 'busybox', 1, OBSERVATION);
  });

  // "should override timeoutGracePeriodSeconds when StartupProbe field is set": RunLivenessTest(…, 1,
  // 40 s + defaultObservationTimeout), and the upstream comment "10s delay + 10s period + 5s grace
  // period = 25s < 30s << pod-level timeout 500"
  it("kills with the startup probe's terminationGracePeriodSeconds instead of the pod's", () => {
    const trace = livenessTest('startup-probe-grace-override.yaml', 'busybox', 1, 40 + OBSERVATION);
    const restarted = eventsOf(trace, 'Started', 'busybox').find((e) => e.restartCount === 1);
    expect(restarted?.t ?? Infinity).toBeLessThan(30);
  });

  // "should mark readiness on pods to false while pod is in progress of terminating when a pod has a
  // readiness probe"
  it('marks the pod not ready while it terminates, before it is gone', () => {
    const trace = run('readiness-false-terminating.yaml');
    expect(trace.deletion?.t).toBe(20);
    expectUnreadyWhileTerminating(trace);
  });

  // [Conformance] "should have monotonically increasing restart count"
  it('restarts the agnhost liveness container at least 5 times, the count never decreasing', () => {
    livenessTest('liveness-http-monotonic-restarts.yaml', 'agnhost-container', 5, MONOTONIC_TIMEOUT);
  });

  // [Conformance] "should be restarted with a /healthz http liveness probe"
  it('restarts a container whose /healthz starts answering 500', () => {
    livenessTest('liveness-http-restart.yaml', 'agnhost-container', 1, OBSERVATION);
  });

  // [Conformance] "should *not* be restarted with a tcp:8080 liveness probe"
  it('does not restart a container whose port 8080 keeps accepting connections', () => {
    livenessTest('liveness-tcp-no-restart.yaml', 'agnhost-container', 0, OBSERVATION);
  });

  // [Conformance] "should *not* be restarted with a /healthz http liveness probe"
  it('does not restart a web server whose / keeps answering 200', () => {
    livenessTest('liveness-http-no-restart.yaml', 'test-webserver', 0, OBSERVATION);
  });

  // "should be restarted with an exec liveness probe with timeout [MinimumKubeletVersion:1.20]"
  it('restarts a container whose exec liveness probe times out', () => {
    livenessTest('liveness-exec-timeout-restart.yaml', 'busybox', 1, OBSERVATION);
  });

  // "should be restarted with a failing exec liveness probe that took longer than the timeout"
  it('restarts a container whose exec liveness probe fails and outlives its timeout', () => {
    livenessTest('liveness-exec-fails-slow-restart.yaml', 'busybox', 1, OBSERVATION);
  });

  // [Conformance] "should *not* be restarted with a GRPC liveness probe"
  it('does not restart a gRPC server that keeps answering SERVING', () => {
    livenessTest('liveness-grpc-no-restart.yaml', 'agnhost', 0, OBSERVATION);
  });

  // [Conformance] "should be restarted with a GRPC liveness probe"
  it('restarts a container whose gRPC liveness probe targets a port nothing serves', () => {
    livenessTest('liveness-grpc-restart.yaml', 'agnhost', 1, OBSERVATION);
  });

  // "should be restarted with a local redirect http liveness probe"
  it('restarts a container whose liveness probe is redirected to its failing /healthz', () => {
    livenessTest('liveness-http-local-redirect-restart.yaml', 'agnhost-container', 1, OBSERVATION);
  });

  // "should *not* be restarted with a non-local redirect http liveness probe": RunLivenessTest(…, 0,
  // defaultObservationTimeout), then WaitTimeoutForEvent(… ProbeWarning …, PodEventTimeout)
  it('does not restart a container whose liveness probe is redirected to another host, and warns of it', () => {
    const trace = livenessTest('liveness-http-non-local-redirect-no-restart.yaml', 'agnhost-container', 0, OBSERVATION);
    expectEventContaining(trace, 'ProbeWarning', REDIRECT_WARNING, OBSERVATION, POD_EVENT_TIMEOUT);
  });
});

describe('test/e2e/common/node/container_probe.go "Probing restartable init container"', () => {
  // "should have monotonically increasing restart count" (RunSidecarLivenessTest: InitContainers[0])
  it('restarts the agnhost liveness sidecar at least 5 times, the count never decreasing', () => {
    livenessTest('sidecar-liveness-http-monotonic-restarts.yaml', 'sidecar', 5, MONOTONIC_TIMEOUT);
  });

  // The handler variants of the "Probing container" tests above, on the restartable init container:
  // each is RunSidecarLivenessTest(ctx, f, pod, restarts, defaultObservationTimeout), i.e. runLivenessTest
  // on InitContainers[0]. Columns: upstream It name, fixture, InitContainers[0].Name, restarts.
  const twins: [upstream: string, fixture: string, sidecar: string, restarts: number][] = [
    ['should be restarted with a /healthz http liveness probe', 'sidecar-liveness-http-restart.yaml', 'sidecar', 1],
    ['should *not* be restarted with a tcp:8080 liveness probe', 'sidecar-liveness-tcp-no-restart.yaml', 'sidecar', 0],
    ['should *not* be restarted with a /healthz http liveness probe', 'sidecar-liveness-http-no-restart.yaml', 'test-webserver', 0],
    [
      'should be restarted with an exec liveness probe with timeout [MinimumKubeletVersion:1.20]',
      'sidecar-liveness-exec-timeout-restart.yaml',
      'busybox',
      1,
    ],
    [
      'should be restarted with a failing exec liveness probe that took longer than the timeout',
      'sidecar-liveness-exec-fails-slow-restart.yaml',
      'busybox',
      1,
    ],
    ['should *not* be restarted with a GRPC liveness probe', 'sidecar-liveness-grpc-no-restart.yaml', 'agnhost', 0],
    ['should be restarted with a GRPC liveness probe', 'sidecar-liveness-grpc-restart.yaml', 'agnhost', 1],
    ['should be restarted with a local redirect http liveness probe', 'sidecar-liveness-http-local-redirect-restart.yaml', 'sidecar', 1],
  ];
  for (const [upstream, fixture, sidecar, restarts] of twins) {
    // Titled with the upstream It name, from the table above.
    const expected = restarts === 0 ? 'no restart' : `≥ ${restarts} restart`;
    it(`${upstream}: ${expected} of the sidecar ${sidecar} (${fixture})`, () => {
      livenessTest(fixture, sidecar, restarts, OBSERVATION);
    });
  }

  // "should *not* be restarted with a non-local redirect http liveness probe" (RunSidecarLivenessTest, then the Event)
  it('does not restart a sidecar whose liveness probe is redirected to another host, and warns of it', () => {
    const trace = livenessTest('sidecar-liveness-http-non-local-redirect-no-restart.yaml', 'sidecar', 0, OBSERVATION);
    expectEventContaining(trace, 'ProbeWarning', REDIRECT_WARNING, OBSERVATION, POD_EVENT_TIMEOUT);
  });
});

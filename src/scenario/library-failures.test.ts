/**
 * The scenario library's failures (public/scenarios): hooks, probes, crash loops, image pulls,
 * shutdown, OOM and sidecars that fail; what each explanation promises is what the engine plays.
 */
import { describe, expect, it } from 'vitest';
import { containerStatusAt, kubectlRow, simulate } from '../engine';
import { parseScenario } from './parse-scenario';
import { condition, events, first, load, phases, play, statuses } from './testing/library-kit';

describe('poststart-hook-delay', () => {
  const trace = play('poststart-hook-delay.yaml', 60);

  it("holds the app back until the agent's 8 s postStart hook returns", () => {
    const hookStart = first(trace, 'HookStarted', 'vault-agent');
    const hookEnd = first(trace, 'HookFinished', 'vault-agent');
    expect(hookStart).toMatchObject({ hook: 'postStart', t: first(trace, 'Started', 'vault-agent').t });
    expect(hookEnd).toMatchObject({ hook: 'postStart', failed: false });
    expect(hookEnd.t - hookStart.t).toBe(8);
    const appFirst = trace.events.find((e) => 'container' in e && e.container === 'app');
    expect(appFirst?.t).toBeGreaterThanOrEqual(hookEnd.t);
    expect(trace.events.indexOf(appFirst!)).toBeGreaterThan(trace.events.indexOf(hookEnd));
  });
});

describe('liveness-deadlock: a liveness probe restarts a deadlocked app', () => {
  const trace = play('liveness-deadlock.yaml');

  it('takes the app out of Ready, then kills it after three failed liveness probes', () => {
    const kill = first(trace, 'Killing', 'inventory');
    expect(kill.reason).toBe('LivenessProbeFailed');
    expect(kill.t).toBeGreaterThanOrEqual(30);
    expect(kill.t).toBeLessThanOrEqual(30 + 3 * 5 + 5);
    const failures = events(trace, 'ProbeFailed', 'inventory').filter((e) => e.probe === 'liveness' && e.t <= kill.t);
    expect(failures).toHaveLength(3);
    const unready = events(trace, 'Ready', 'inventory').find((e) => !e.ready && e.t >= 30);
    expect(unready!.t).toBeLessThan(kill.t);
  });

  it('restarts it again and again while the pod stays Running', () => {
    const starts = events(trace, 'Started', 'inventory');
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts[1]!.restartCount).toBe(1);
    expect(phases(trace).slice(1).every((p) => p === 'Running')).toBe(true);
    expect(Number(kubectlRow(trace, trace.end).restarts.split(' ')[0])).toBeGreaterThanOrEqual(2);
  });
});

describe('database-down-readiness: a database outage fails readiness, not liveness', () => {
  const trace = play('database-down-readiness.yaml', 120);

  it('takes the app out of Ready at 35 s, after two failed readiness checks', () => {
    const unready = events(trace, 'Ready', 'orders').filter((e) => !e.ready);
    expect(unready.map((e) => e.t)).toEqual([35]);
    expect(kubectlRow(trace, 34).ready).toBe('1/1');
    expect(kubectlRow(trace, 35).ready).toBe('0/1');
  });

  it('never restarts it: every failed probe is the readiness probe', () => {
    expect(events(trace, 'ProbeFailed', 'orders').every((e) => e.probe === 'readiness')).toBe(true);
    expect(events(trace, 'Started', 'orders')).toHaveLength(1);
    expect(kubectlRow(trace, 120)).toMatchObject({ status: 'Running', restarts: '0' });
  });
});

describe('readiness-redirect-login: a readiness probe redirected to a login page passes, with a warning', () => {
  const trace = play('readiness-redirect-login.yaml', 60);

  it('fails the checks while the app starts, then takes it Ready at 5 s, and no check fails again', () => {
    expect(events(trace, 'ProbeFailed', 'admin').every((e) => e.t < 2)).toBe(true);
    expect(events(trace, 'Ready', 'admin').map((e) => [e.t, e.ready])).toEqual([[5, true]]);
    expect(kubectlRow(trace, 4).ready).toBe('0/1');
    expect(kubectlRow(trace, 5).ready).toBe('1/1');
  });

  it('warns of the redirect at every check from then on', () => {
    const warnings = events(trace, 'ProbeWarning', 'admin');
    expect(warnings.map((e) => e.t)).toEqual([5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60]);
    expect(first(trace, 'ProbeWarning', 'admin').event?.message).toBe(
      'Readiness probe warning: Probe terminated redirects, Response body: <a href="https://login.example.com/authorize?next=%2Fadmin%2Fhealth">Found</a>.',
    );
  });
});

describe('missing-secret: a missing Secret holds the app in CreateContainerConfigError until it is created', () => {
  const trace = play('missing-secret.yaml', 70);

  it('fails the app at every try while the sidecar runs: 10 s after the last failed try, no back-off, no restart', () => {
    expect(first(trace, 'ConfigMissing', 'checkout').event?.message).toBe('Error: secret "db-credentials" not found');
    expect(events(trace, 'ConfigMissing', 'checkout').map((e) => e.t).filter((t) => t > 1)).toEqual([11, 21, 31, 41]);
    expect(kubectlRow(trace, 44)).toMatchObject({ ready: '1/2', status: 'CreateContainerConfigError', restarts: '0' });
    expect(events(trace, 'BackOff')).toEqual([]);
  });

  it('starts the app at the first try after the Secret is created, not when it is created', () => {
    expect(first(trace, 'ObjectCreated').t).toBe(45);
    expect(events(trace, 'Started', 'checkout').map((e) => e.t)).toEqual([51]);
    expect(kubectlRow(trace, 60)).toMatchObject({ ready: '2/2', status: 'Running', restarts: '0' });
  });
});

describe('missing-configmap-key: a ConfigMap without the key the app reads holds it in CreateContainerConfigError', () => {
  const trace = play('missing-configmap-key.yaml', 50);

  it('fails the app naming the key, every 10 s after the last failed try, while the sidecar with an optional key starts', () => {
    expect(first(trace, 'ConfigMissing', 'billing').event?.message).toBe("Error: couldn't find key LOG_LEVEL in ConfigMap default/billing-settings");
    expect(events(trace, 'ConfigMissing', 'billing').map((e) => e.t).filter((t) => t > 1)).toEqual([11, 21]);
    expect(first(trace, 'Started', 'metrics').t).toBe(0);
    expect(kubectlRow(trace, 30)).toMatchObject({ ready: '1/2', status: 'CreateContainerConfigError', restarts: '0' });
  });

  it('starts the app at the next try after the key is added, at 31 s', () => {
    expect(first(trace, 'ObjectCreated').t).toBe(25);
    expect(events(trace, 'Started', 'billing').map((e) => e.t)).toEqual([31]);
  });
});

describe('sidecar-start-error: a sidecar whose command is not in its image never starts, and holds the app back', () => {
  const trace = play('sidecar-start-error.yaml', 90);

  it('creates the proxy, which runc cannot start: exit 128 StartError, and Failed events in runc\'s words', () => {
    expect(events(trace, 'Started')).toEqual([]);
    expect(events(trace, 'Exited', 'cloud-sql-proxy').map((e) => [e.t, e.exitCode, e.reason])).toEqual([
      [0, 128, 'StartError'],
      [1, 128, 'StartError'],
      [11, 128, 'StartError'],
      [31, 128, 'StartError'],
      [71, 128, 'StartError'],
    ]);
    expect(first(trace, 'Exited', 'cloud-sql-proxy').event?.message).toMatch(/^Error: failed to create containerd task: .*exec: "\/cloud_sql_proxy": stat \/cloud_sql_proxy: no such file or directory: unknown$/);
  });

  it('reads Init:StartError, Init:RunContainerError, then Init:CrashLoopBackOff, and never creates the app', () => {
    expect(statuses(trace).slice(0, 3)).toEqual(['Init:StartError', 'Init:RunContainerError', 'Init:CrashLoopBackOff']);
    expect(kubectlRow(trace, 60)).toMatchObject({ ready: '0/2', status: 'Init:CrashLoopBackOff', restarts: '3 (29s ago)' });
    expect(containerStatusAt(trace, 'orders', 60)?.state.waiting?.reason).toBe('PodInitializing');
    expect(events(trace, 'Created', 'orders')).toEqual([]);
    expect(phases(trace)).toEqual(['Pending']);
  });
});

describe('missing-configmap-volume: a missing ConfigMap volume keeps the pod in ContainerCreating', () => {
  const trace = play('missing-configmap-volume.yaml', 90);

  it('starts nothing, not even the init container, while the volume cannot be mounted: FailedMount at 0, 0.5, 1.5, 3.5 … s', () => {
    expect(events(trace, 'MountFailed').map((e) => e.t)).toEqual([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5]);
    expect(kubectlRow(trace, 50)).toMatchObject({ ready: '0/1', status: 'Init:0/1', restarts: '0' });
    expect(condition(trace, 'PodReadyToStartContainers', 50)).toBe('False');
  });

  it('starts the pod at the first try after the ConfigMap is created, 23.5 s after it', () => {
    expect(first(trace, 'ObjectCreated').t).toBe(40);
    expect(events(trace, 'Started').map((e) => [e.t, e.container])).toEqual([
      [63.5, 'render'],
      [66.5, 'web'],
    ]);
    expect(condition(trace, 'PodReadyToStartContainers', 64)).toBe('True');
  });
});

describe('crashloop-backoff: the backoff grows to its 5-minute cap', () => {
  const trace = play('crashloop-backoff.yaml', 1300);

  it('restarts at once, then waits 10, 20, 40, 80, 160 and 300 s, never more', () => {
    const delays = events(trace, 'BackOff', 'api').map((e) => e.delay);
    expect(delays.slice(0, 7)).toEqual([10, 20, 40, 80, 160, 300, 300]);
    expect(Math.max(...delays)).toBe(300);
    const starts = events(trace, 'Started', 'api');
    const exits = events(trace, 'Exited', 'api');
    expect(starts[1]!.t - exits[0]!.t).toBe(0);
    for (let i = 1; i < 7; i++) expect(starts[i + 1]!.t - exits[i]!.t).toBe(delays[i - 1]);
  });

  it('alternates between Error and CrashLoopBackOff while the phase stays Running', () => {
    const seen = statuses(trace);
    expect(seen).toContain('Error');
    expect(seen).toContain('CrashLoopBackOff');
    expect(phases(trace).slice(1).every((p) => p === 'Running')).toBe(true);
  });
});

describe('crashloop-reduced-backoff: the same crash loop on a node with the faster alpha back-off', () => {
  const trace = play('crashloop-reduced-backoff.yaml', 600);

  it('restarts at once, then waits 1, 2, 4, 8, 16, 32 and 60 s, never more', () => {
    const delays = events(trace, 'BackOff', 'api').map((e) => e.delay);
    expect(delays.slice(0, 8)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(Math.max(...delays)).toBe(60);
    expect(trace.pod.crashLoopBackOffMax).toBe(60);
  });

  it('would still cap at 300 s with the reduced decay alone, the node max defaulting to 300 s since 1.35', () => {
    const alone = load('crashloop-reduced-backoff.yaml').text.replace('      crashLoopBackOff:\n        maxContainerRestartPeriod: 60s\n', '');
    const result = parseScenario(alone);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const delays = simulate(result.model, { until: 1200 }).events.filter((e) => e.type === 'BackOff').map((e) => (e as { delay: number }).delay);
    expect(delays.slice(0, 10)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300]);
  });

  it('restarts far more often in ten minutes than the default ladder does', () => {
    const restarts = (t: ReturnType<typeof play>) => events(t, 'Started', 'api').filter((e) => e.t <= 600).length - 1;
    expect(restarts(trace)).toBeGreaterThan(2 * restarts(play('crashloop-backoff.yaml', 600)));
  });
});

describe('image-pull-failure', () => {
  const trace = play('image-pull-failure.yaml', 1300);

  it('never runs the container, so it never restarts and the pod stays Pending', () => {
    expect(events(trace, 'Created', 'web')).toEqual([]);
    expect(events(trace, 'Started', 'web')).toEqual([]);
    expect(containerStatusAt(trace, 'web', trace.end)?.restartCount).toBe(0);
    expect(phases(trace).every((p) => p === 'Pending')).toBe(true);
  });

  it('backs off between pulls, 10 s doubling up to 300 s', () => {
    const delays = [...new Set(events(trace, 'PullBackOff', 'web').map((e) => e.delay))];
    expect(delays).toEqual([10, 20, 40, 80, 160, 300]);
    expect(events(trace, 'PullFailed', 'web').length).toBeGreaterThanOrEqual(7);
  });

  it('shows ErrImagePull after a failed pull and ImagePullBackOff while waiting', () => {
    const seen = statuses(trace);
    expect(seen).toContain('ImagePullBackOff');
    expect(seen).toContain('ErrImagePull');
    // The failed pull shows in the status at the pod worker's next sync; then the backoff.
    const failed = first(trace, 'PullFailed', 'web');
    const reasons: string[] = [];
    for (let t = failed.t; t < failed.t + 10; t += 0.5) {
      const reason = containerStatusAt(trace, 'web', t)?.state.waiting?.reason ?? '';
      if (reason !== 'ContainerCreating' && reasons.at(-1) !== reason) reasons.push(reason);
    }
    expect(reasons.slice(0, 2)).toEqual(['ErrImagePull', 'ImagePullBackOff']);
  });
});

describe('graceful-shutdown: preStop, SIGTERM, reverse sidecar order, SIGKILL', () => {
  const trace = play('graceful-shutdown.yaml');
  const deletedAt = 20;

  it('runs the preStop hook at the deletion, then sends the app SIGTERM; the app drains and exits 0', () => {
    expect(first(trace, 'DeletionRequested')).toMatchObject({ t: deletedAt, gracePeriod: 30 });
    expect(first(trace, 'HookStarted', 'storefront')).toMatchObject({ t: deletedAt, hook: 'preStop' });
    expect(first(trace, 'Signal', 'storefront')).toMatchObject({ t: deletedAt + 5, signal: 'SIGTERM' });
    expect(first(trace, 'Exited', 'storefront')).toMatchObject({ t: deletedAt + 9, exitCode: 0 });
  });

  it('stops the sidecars after the app, last sidecar first', () => {
    const appGone = first(trace, 'Exited', 'storefront').t;
    const proxyTerm = first(trace, 'Signal', 'proxy');
    expect(proxyTerm).toMatchObject({ signal: 'SIGTERM' });
    expect(proxyTerm.t).toBeGreaterThanOrEqual(appGone);
    const agentTerm = first(trace, 'Signal', 'legacy-agent');
    expect(agentTerm.signal).toBe('SIGTERM');
    expect(agentTerm.t).toBeGreaterThanOrEqual(first(trace, 'Exited', 'proxy').t);
  });

  it('kills the agent that ignores SIGTERM with SIGKILL when the grace period ends', () => {
    const kill = events(trace, 'Signal', 'legacy-agent').find((e) => e.signal === 'SIGKILL');
    expect(kill?.t).toBe(deletedAt + 30);
    expect(first(trace, 'Exited', 'legacy-agent')).toMatchObject({ exitCode: 137, t: deletedAt + 30 });
    expect(first(trace, 'PodDeleted').t).toBeLessThanOrEqual(deletedAt + 32);
  });
});

describe('oom-kill', () => {
  const trace = play('oom-kill.yaml', 120);

  it('ends the container with 137 and reason OOMKilled after 25 s, then restarts it', () => {
    const oom = first(trace, 'Exited', 'cache-loader');
    expect(oom).toMatchObject({ t: 25, exitCode: 137, reason: 'OOMKilled' });
    expect(events(trace, 'Started', 'cache-loader')[1]?.restartCount).toBe(1);
    const after = containerStatusAt(trace, 'cache-loader', oom.t + 1);
    expect(after?.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(statuses(trace)).toContain('OOMKilled');
  });
});

describe("sidecar-readiness-holds-ready: a sidecar's readiness holds the pod's Ready", () => {
  const trace = play('sidecar-readiness-holds-ready.yaml', 60);

  it('starts the app at once, though the proxy is not ready', () => {
    expect(first(trace, 'Started', 'search').t).toBeLessThan(first(trace, 'Ready', 'proxy').t);
  });

  it('keeps the pod not Ready until the proxy is ready, though the app is', () => {
    const appReady = events(trace, 'Ready', 'search').find((e) => e.ready)!.t;
    const proxyReady = events(trace, 'Ready', 'proxy').find((e) => e.ready)!.t;
    expect(appReady).toBeLessThan(proxyReady);
    expect(proxyReady).toBeGreaterThanOrEqual(20);
    const between = (appReady + proxyReady) / 2;
    expect(condition(trace, 'Ready', between)).toBe('False');
    expect(condition(trace, 'ContainersReady', between)).toBe('False');
    expect(kubectlRow(trace, between).ready).toBe('1/2');
    expect(condition(trace, 'Ready', proxyReady)).toBe('True');
    expect(kubectlRow(trace, proxyReady).ready).toBe('2/2');
  });
});

describe('readiness-gate: the pod is Ready only while the gate\'s condition is True', () => {
  const trace = play('readiness-gate.yaml', 90);
  const gate = 'target-health.elbv2.k8s.aws/k8s-shop-checkout-5d3a1c2b7e';

  it('holds Ready False with ReadinessGatesNotReady while the app is ready, until the controller sets the gate', () => {
    const appReady = events(trace, 'Ready', 'checkout').find((e) => e.ready)!.t;
    expect(appReady).toBeLessThan(20);
    expect(condition(trace, 'ContainersReady', 10)).toBe('True');
    expect(condition(trace, 'Ready', 10)).toBe('False');
    expect(kubectlRow(trace, 10).ready).toBe('1/1');
    expect(condition(trace, gate, 19)).toBeUndefined();
    expect(condition(trace, gate, 20)).toBe('True');
    expect(condition(trace, 'Ready', 20)).toBe('True');
  });

  it('drops Ready when the gate turns False, while the container stays ready and running', () => {
    expect(condition(trace, 'Ready', 60)).toBe('False');
    expect(condition(trace, 'ContainersReady', 60)).toBe('True');
    expect(kubectlRow(trace, 80)).toMatchObject({ ready: '1/1', status: 'Running', restarts: '0' });
  });
});

describe('sidecar-crash-restart: the sidecar crashes, the app keeps running', () => {
  const trace = play('sidecar-crash-restart.yaml');

  it('restarts the sidecar with a growing backoff', () => {
    expect(events(trace, 'Exited', 'metrics').every((e) => e.exitCode === 1)).toBe(true);
    expect(events(trace, 'Started', 'metrics').length).toBeGreaterThanOrEqual(4);
    const delays = events(trace, 'BackOff', 'metrics').map((e) => e.delay);
    expect(delays.slice(0, 3)).toEqual([10, 20, 40]);
  });

  it('never stops or restarts the app', () => {
    expect(events(trace, 'Started', 'catalog')).toHaveLength(1);
    expect(events(trace, 'Exited', 'catalog')).toEqual([]);
    expect(containerStatusAt(trace, 'catalog', trace.end)?.restartCount).toBe(0);
    expect(phases(trace).slice(1).every((p) => p === 'Running')).toBe(true);
  });

  it('makes the pod not Ready while the sidecar is down, and kubectl says Init:…', () => {
    const crash = events(trace, 'Exited', 'metrics')[1]!;
    const back = events(trace, 'Started', 'metrics').find((e) => e.t > crash.t)!;
    const down = (crash.t + back.t) / 2;
    expect(condition(trace, 'Ready', down)).toBe('False');
    expect(containerStatusAt(trace, 'catalog', down)?.state.running).toBeDefined();
    expect(kubectlRow(trace, down).status).toMatch(/^Init:(Error|CrashLoopBackOff)$/);
    expect(condition(trace, 'Ready', back.t + 1)).toBe('True');
  });
});

describe('kubectl-debug: an ephemeral container joins the running pod, and a deletion waits for it', () => {
  const trace = play('kubectl-debug.yaml', 120);

  it('starts the debugger at 20 s beside the running containers, restarting nothing and leaving READY alone', () => {
    expect(events(trace, 'Started').map((e) => [e.t, e.container])).toEqual([
      [0, 'log-shipper'],
      [0, 'checkout'],
      [20, 'debugger'],
    ]);
    expect(kubectlRow(trace, 19)).toMatchObject({ ready: '2/2', status: 'Running', restarts: '0' });
    expect(kubectlRow(trace, 25)).toMatchObject({ ready: '2/2', status: 'Running', restarts: '0' });
  });

  it('keeps the deleted pod Terminating until the debugger, which ignores SIGTERM, is killed at 90 s; the sidecar does not wait for it', () => {
    expect(events(trace, 'Signal').map((e) => [e.t, e.container, e.signal])).toEqual([
      [60, 'checkout', 'SIGTERM'],
      [60, 'debugger', 'SIGTERM'],
      [61, 'log-shipper', 'SIGTERM'],
      [90, 'debugger', 'SIGKILL'],
    ]);
    expect(kubectlRow(trace, 80).status).toBe('Terminating');
    expect(first(trace, 'PodDeleted').t).toBe(90);
  });
});

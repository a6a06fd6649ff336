/**
 * The scenario library (public/scenarios): every scenario is a valid Pod, and what its explanation
 * promises is what the engine plays out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { containerStatusAt, kubectlRow, podStatusAt, simulate } from '../engine';
import type { Trace, TraceEvent } from '../engine';
import { parseScenario } from './parse-scenario';
import { jobOutcome } from './job-outcome';

const DIR = 'public/scenarios';

interface IndexEntry {
  file: string;
  title: string;
  summary: string;
}

const index = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8')) as IndexEntry[];

function load(file: string) {
  const text = readFileSync(`${DIR}/${file}`, 'utf8');
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return { text, ...result };
}

function play(file: string, until?: number): Trace {
  return simulate(load(file).model, until === undefined ? {} : { until });
}

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

function events<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Ev<T>[] {
  return trace.events.filter(
    (e): e is Ev<T> => e.type === type && (container === undefined || ('container' in e && e.container === container)),
  );
}

function first<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Ev<T> {
  const found = events(trace, type, container)[0];
  if (!found) throw new Error(`no ${type} event${container ? ` for ${container}` : ''}`);
  return found;
}

/** Every distinct kubectl STATUS column value, sampled every half second. */
function statuses(trace: Trace): string[] {
  const seen: string[] = [];
  for (let t = 0; t <= trace.end; t += 0.5) {
    const status = kubectlRow(trace, t).status;
    if (seen.at(-1) !== status) seen.push(status);
  }
  return seen;
}

function condition(trace: Trace, type: string, t: number): string | undefined {
  return podStatusAt(trace, t).conditions.find((c) => c.type === type)?.status;
}

function phases(trace: Trace): string[] {
  return trace.phase.map((entry) => entry.value.phase);
}

const JOB = { kind: 'Job', name: 'nightly-report', restartPolicy: 'Never', backoffLimit: 6, completions: 1 } as const;

describe('the library', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

  it('lists every scenario file in index.json, and nothing else', () => {
    expect(index.map((e) => e.file).sort()).toEqual(files);
    expect(index.length).toBeGreaterThanOrEqual(14);
  });

  it.each(index)('$file is a valid Pod whose title and summary match index.json', ({ file, title, summary }) => {
    const { manifest, model } = load(file);
    const annotations = (manifest.metadata as { annotations: Record<string, string> }).annotations;
    expect(manifest.apiVersion).toBe('v1');
    expect(manifest.kind).toBe('Pod');
    expect(model.name).toBe(file.replace(/\.yaml$/, ''));
    expect(annotations['podlab.dev/title']).toBe(title);
    expect(annotations['podlab.dev/summary']).toBe(summary);
    expect(summary).not.toContain('\n');
    expect(summary).toMatch(/Watch /);
    // Every container's behaviour is spelled out, so nothing depends on inference.
    const described = Object.keys(parse(annotations['podlab.dev/behavior'] ?? '') ?? {});
    expect(described.sort()).toEqual([...model.initContainers, ...model.containers].map((c) => c.name).sort());
  });

  it.each(index)('$file plays without error', ({ file }) => {
    const trace = play(file);
    expect(trace.events.length).toBeGreaterThan(0);
  });
});

describe('init-shared-volume: ordered init steps prepare a shared volume', () => {
  const trace = play('init-shared-volume.yaml', 60);
  const order = ['fetch-config', 'render-pages', 'warm-cache', 'web'];

  it('runs the init containers one at a time, each after the previous exited 0, then the web server', () => {
    expect(events(trace, 'Started').map((e) => e.container)).toEqual(order);
    for (let i = 1; i < order.length; i++) {
      const previous = first(trace, 'Exited', order[i - 1]);
      expect(previous.exitCode).toBe(0);
      expect(first(trace, 'Started', order[i]).t).toBeGreaterThanOrEqual(previous.t);
    }
  });

  it('counts through Init:0/3, Init:1/3, Init:2/3 before Running, and becomes Ready', () => {
    const seen = statuses(trace);
    expect(seen.slice(0, 3)).toEqual(['Init:0/3', 'Init:1/3', 'Init:2/3']);
    expect(seen.at(-1)).toBe('Running');
    expect(condition(trace, 'Ready', 60)).toBe('True');
    expect(kubectlRow(trace, 60).ready).toBe('1/1');
  });
});

describe('init-wait-for-database: an init container fails twice, then succeeds', () => {
  const trace = play('init-wait-for-database.yaml', 60);

  it('fails twice and succeeds on the third run; only then does the app start', () => {
    const exits = events(trace, 'Exited', 'wait-for-db');
    expect(exits.map((e) => e.exitCode)).toEqual([1, 1, 0]);
    expect(first(trace, 'Started', 'orders').t).toBeGreaterThanOrEqual(exits[2]!.t);
    expect(events(trace, 'Started', 'orders')).toHaveLength(1);
  });

  it('restarts at once after the first failure, then backs off 10 s', () => {
    const starts = events(trace, 'Started', 'wait-for-db');
    const exits = events(trace, 'Exited', 'wait-for-db');
    expect(starts[1]!.t).toBe(exits[0]!.t);
    expect(events(trace, 'BackOff', 'wait-for-db').map((e) => e.delay)).toEqual([10]);
    expect(starts[2]!.t - exits[1]!.t).toBe(10);
  });

  it('shows Init:Error and Init:CrashLoopBackOff, then Running', () => {
    const seen = statuses(trace);
    expect(seen).toContain('Init:Error');
    expect(seen).toContain('Init:CrashLoopBackOff');
    expect(seen.indexOf('Init:CrashLoopBackOff')).toBeLessThan(seen.indexOf('Running'));
  });

  it("counts the init restarts in RESTARTS only until the pod is initialized", () => {
    const appStart = first(trace, 'Started', 'orders').t;
    expect(kubectlRow(trace, appStart - 0.5).restarts).toMatch(/^2 \(/);
    expect(kubectlRow(trace, appStart + 1).restarts).toBe('0');
  });
});

describe('init-failure-never: an init failure under restartPolicy Never', () => {
  const trace = play('init-failure-never.yaml');

  it('fails the pod without retrying the init container or starting the app', () => {
    expect(phases(trace).at(-1)).toBe('Failed');
    expect(events(trace, 'Started', 'migrate')).toHaveLength(1);
    expect(first(trace, 'Exited', 'migrate').exitCode).toBe(1);
    expect(trace.events.some((e) => 'container' in e && e.container === 'app')).toBe(false);
    expect(containerStatusAt(trace, 'app', trace.end)?.state.waiting?.reason).toBe('PodInitializing');
  });

  it('shows Init:Error with 0 restarts', () => {
    expect(kubectlRow(trace, trace.end)).toMatchObject({ status: 'Init:Error', restarts: '0' });
  });
});

describe('job sidecars: classic never completes, native does', () => {
  it('classic: the report completes but the proxy keeps the pod Running, NotReady', () => {
    const trace = play('job-classic-sidecar.yaml');
    const done = first(trace, 'Exited', 'report');
    expect(done.exitCode).toBe(0);
    expect(phases(trace)).not.toContain('Succeeded');
    expect(phases(trace).at(-1)).toBe('Running');
    expect(containerStatusAt(trace, 'proxy', trace.end)?.state.running).toBeDefined();
    expect(events(trace, 'Signal', 'proxy')).toEqual([]);
    expect(kubectlRow(trace, done.t + 1).status).toBe('NotReady');
    expect(jobOutcome(trace, JOB)).toMatchObject({ completes: false, message: expect.stringContaining('proxy never exits') });
  });

  it('native: the proxy starts first, is stopped after the report, and the pod Succeeds', () => {
    const trace = play('job-native-sidecar.yaml');
    const done = first(trace, 'Exited', 'report');
    expect(first(trace, 'Started', 'proxy').t).toBeLessThanOrEqual(first(trace, 'Started', 'report').t);
    expect(first(trace, 'Signal', 'proxy')).toMatchObject({ signal: 'SIGTERM' });
    expect(first(trace, 'Signal', 'proxy').t).toBeGreaterThanOrEqual(done.t);
    expect(phases(trace).at(-1)).toBe('Succeeded');
    expect(trace.finished).toBe(true);
    expect(kubectlRow(trace, trace.end).status).toBe('Completed');
    expect(jobOutcome(trace, JOB).completes).toBe(true);
  });
});

describe('log-shipping-sidecar', () => {
  const trace = play('log-shipping-sidecar.yaml');

  it('has the shipper running before the app starts', () => {
    expect(first(trace, 'ContainerStarted', 'log-shipper').t).toBeLessThanOrEqual(first(trace, 'Started', 'checkout').t);
  });

  it('stops the shipper only after the app has exited, when the pod is deleted at 40 s', () => {
    expect(first(trace, 'DeletionRequested').t).toBe(40);
    expect(first(trace, 'Signal', 'checkout')).toMatchObject({ t: 40, signal: 'SIGTERM' });
    const appGone = first(trace, 'Exited', 'checkout');
    expect(first(trace, 'Signal', 'log-shipper').t).toBeGreaterThanOrEqual(appGone.t);
    expect(first(trace, 'Exited', 'log-shipper').t).toBeGreaterThan(appGone.t);
    expect(events(trace, 'PodDeleted')).toHaveLength(1);
  });
});

describe('mesh-proxy-startup-probe: the proxy holds the app back', () => {
  const trace = play('mesh-proxy-startup-probe.yaml', 60);

  it('starts the app only once the proxy has passed its startup probe', () => {
    const proxyStarted = first(trace, 'ContainerStarted', 'istio-proxy');
    expect(events(trace, 'ProbeFailed', 'istio-proxy').filter((e) => e.probe === 'startup').length).toBeGreaterThan(0);
    expect(proxyStarted.t).toBeGreaterThanOrEqual(6);
    expect(first(trace, 'Started', 'payments').t).toBeGreaterThanOrEqual(proxyStarted.t);
    expect(trace.events.findIndex((e) => e.type === 'Created' && e.container === 'payments')).toBeGreaterThan(
      trace.events.indexOf(proxyStarted),
    );
  });

  it('stays Init:0/1 while the proxy starts', () => {
    expect(kubectlRow(trace, 3).status).toBe('Init:0/1');
    expect(kubectlRow(trace, 30)).toMatchObject({ status: 'Running', ready: '2/2' });
  });
});

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

/**
 * The scenario library (public/scenarios): every scenario is a valid Pod, and what its explanation
 * promises is what the engine plays out. Here: the index, init sequences, jobs and sidecars that
 * start and stop in order; library-failures.test.ts has the failures.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { containerStatusAt, kubectlRow } from '../engine';
import { jobOutcome } from './job-outcome';
import { condition, DIR, events, first, index, JOB, load, phases, play, statuses } from './testing/library-kit';

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
    expect(described.sort()).toEqual([...model.initContainers, ...model.containers, ...(model.ephemeralContainers ?? [])].map((c) => c.name).sort());
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

describe('restart-rules-retry: a rule restarts the worker in place under restartPolicy Never', () => {
  const trace = play('restart-rules-retry.yaml');

  it('restarts the trainer after each exit 42, at once and then after 10 s, and not after its exit 0', () => {
    const exits = events(trace, 'Exited', 'trainer');
    expect(exits.map((e) => e.exitCode)).toEqual([42, 42, 0]);
    const starts = events(trace, 'Started', 'trainer');
    expect(starts).toHaveLength(3);
    expect(starts[1]!.t).toBe(exits[0]!.t);
    expect(starts[2]!.t - exits[1]!.t).toBe(10);
  });

  it('stays Running with RESTARTS climbing, then stops the sidecar and Succeeds', () => {
    const exits = events(trace, 'Exited', 'trainer');
    expect(phases(trace)).toEqual(['Running', 'Succeeded']);
    expect(kubectlRow(trace, exits[1]!.t + 5)).toMatchObject({ status: 'CrashLoopBackOff', restarts: expect.stringMatching(/^1 /) });
    expect(kubectlRow(trace, exits[2]!.t - 1)).toMatchObject({ status: 'Running', restarts: expect.stringMatching(/^2 /) });
    expect(first(trace, 'Signal', 'log-shipper').t).toBeGreaterThanOrEqual(exits[2]!.t);
    expect(trace.finished).toBe(true);
  });
});

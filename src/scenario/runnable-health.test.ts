import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportRunnable } from './runnable-export';
import { HEALTH_FILE } from './runnable-health';

type Json = Record<string, any>;

const scenario = (behavior: string, actions = '[]', lifecycle = '') => `apiVersion: v1
kind: Pod
metadata:
  name: shop
  annotations:
    podlab.dev/behavior: "app: ${behavior}"
    podlab.dev/actions: "${actions}"
spec:
  containers:
    - name: app
      image: nginx:1.27
      readinessProbe: {httpGet: {path: /ready, port: 80}}
      livenessProbe: {tcpSocket: {port: 80}, periodSeconds: 5}${lifecycle}
`;

function exported(text: string): { yaml: string; app: Json } {
  const result = exportRunnable(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { yaml: result.yaml, app: (parse(result.yaml) as Json).spec.containers[0] };
}

const tested = (app: Json, probe: string) => app[probe].exec.command;

describe('runnable export: health files per probe', () => {
  it('keeps one file for every probe while they share the window', () => {
    const { app } = exported(scenario('{startup: 3, unhealthyAfter: 30}'));
    expect(tested(app, 'readinessProbe')).toEqual(['test', '-f', HEALTH_FILE]);
    expect(tested(app, 'livenessProbe')).toEqual(['test', '-f', HEALTH_FILE]);
    expect(app.command[2]).toContain(`(sleep 3; touch ${HEALTH_FILE}; sleep 27; rm -f ${HEALTH_FILE}) &`);
  });

  it('keeps one file when a probe is only redirected: the files cannot redirect, so it passes plainly', () => {
    const { app } = exported(scenario('{startup: 3, probes: {readiness: {redirect: http://login.example.com/}}}'));
    expect(tested(app, 'readinessProbe')).toEqual(['test', '-f', HEALTH_FILE]);
    expect(tested(app, 'livenessProbe')).toEqual(['test', '-f', HEALTH_FILE]);
  });

  it('gives each probe its file, made and removed on its own window, when one probe has a window of its own', () => {
    const { app } = exported(scenario('{startup: 3, probes: {readiness: {unhealthyAfter: 60}}}'));
    expect(tested(app, 'readinessProbe')).toEqual(['test', '-f', `${HEALTH_FILE}-readiness`]);
    expect(tested(app, 'livenessProbe')).toEqual(['test', '-f', `${HEALTH_FILE}-liveness`]);
    expect(app.command[2]).toContain(`(sleep 3; touch ${HEALTH_FILE}-readiness; sleep 57; rm -f ${HEALTH_FILE}-readiness) &`);
    expect(app.command[2]).toContain(`(sleep 3; touch ${HEALTH_FILE}-liveness) &`);
    expect(app.command[2]).not.toContain(`${HEALTH_FILE}-startup`);
  });

  it("merges an attempt's probe window over the container's, field by field", () => {
    const { app } = exported(scenario('{probes: {liveness: {startup: 2, unhealthyAfter: 9}}, attempts: [{probes: {liveness: {unhealthyAfter: null}}}]}'));
    expect(app.command[2]).toMatch(/0\)\n(.*\n)*?\s+\(sleep 2; touch \/tmp\/healthy-liveness\) &\n/);
    expect(app.command[2]).toMatch(/\*\)\n(.*\n)*?\s+\(sleep 2; touch \/tmp\/healthy-liveness; sleep 7; rm -f \/tmp\/healthy-liveness\) &\n/);
  });

  it("tells the user to remove one probe's file for a fail-probes action that names it, every file otherwise", () => {
    const { yaml } = exported(scenario('{}', '[{at: 5, do: fail-probes, container: app, probe: liveness}, {at: 9, do: fail-probes, container: app}]'));
    expect(yaml).toContain(`#   at 5 s: kubectl exec shop -c app -- rm -f ${HEALTH_FILE}-liveness\n`);
    expect(yaml).toContain(`#   at 9 s: kubectl exec shop -c app -- rm -f ${HEALTH_FILE}-startup ${HEALTH_FILE}-readiness ${HEALTH_FILE}-liveness\n`);
  });

  it('makes a failing preStop hook exit 1 after its time', () => {
    const { app } = exported(scenario('{preStop: 2, preStopFails: true}', '[]', '\n      lifecycle: {preStop: {httpGet: {path: /drain, port: 80}}}'));
    expect(app.lifecycle.preStop).toEqual({ exec: { command: ['sh', '-c', 'sleep 2; exit 1'] } });
  });

  it('in a real shell, the readiness file goes at its end while the liveness file stays', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-'));
    const { app } = exported(scenario('{run: 1.2, probes: {readiness: {unhealthyAfter: 0.5}}}'));
    const file = (probe: string) => join(dir, `healthy-${probe}`);
    const child = spawn('sh', ['-c', (app.command[2] as string).replaceAll(HEALTH_FILE, join(dir, 'healthy'))]);
    const at = (ms: number) => new Promise<[boolean, boolean]>((resolve) => setTimeout(() => resolve([existsSync(file('readiness')), existsSync(file('liveness'))]), ms));
    expect(await at(250)).toEqual([true, true]);
    expect(await at(600)).toEqual([false, true]);
    await new Promise((resolve) => child.on('exit', resolve));
  });
});

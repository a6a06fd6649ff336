import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from './main';

const fixture = join(import.meta.dirname, '../engine/fixtures/web-with-sidecars.yaml');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, out, err };
}

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'podlab-cli-')), 'pod.yaml');
  writeFileSync(path, text);
  return path;
}

afterEach(() => vi.restoreAllMocks());

describe('podlab simulate', () => {
  it('prints the trace as JSON Lines in causal order', async () => {
    const { code, out } = await run('simulate', fixture);
    expect(code).toBe(0);
    const events = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({ t: 0, type: 'PodPhase', phase: 'Pending' });
    expect(events.every((e, i) => i === 0 || e.t >= events[i - 1].t)).toBe(true);
    expect(events.find((e) => e.type === 'Started' && e.container === 'app')).toMatchObject({ restartCount: 0 });
    expect(events.at(-1)).toMatchObject({ type: 'PodDeleted' });
  });

  it('stops at --until', async () => {
    const { out } = await run('simulate', fixture, '--until', '5');
    const events = out.trim().split('\n').map((line) => JSON.parse(line));
    expect(Math.max(...events.map((e) => e.t))).toBeLessThanOrEqual(5);
  });

  it('prints the kubectl table, the API status and the events at a moment', async () => {
    expect((await run('simulate', fixture, '--at', '8', '--output', 'table')).out).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/2     Running   0          8s\n',
    );
    const status = JSON.parse((await run('simulate', fixture, '--at', '8', '--output', 'status')).out);
    expect(status.phase).toBe('Running');
    expect(status.qosClass).toBe('BestEffort');
    expect(status.initContainerStatuses.map((s: { name: string }) => s.name)).toEqual(['migrate', 'proxy']);
    expect(status.containerStatuses[0]).toMatchObject({ name: 'app', started: true, ready: false, restartCount: 0 });
    expect((await run('simulate', fixture, '--at', '8', '--output', 'events')).out).toMatch(/^Events:\n {2}Type +Reason +Age +From +Message\n/);
  });

  it('rejects bad input with the file, line and field path, and no trace', async () => {
    const path = file('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    - name: App\n      image: nginx\n');
    const { code, out, err } = await run('simulate', path);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`${path}:6:`);
    expect(err).toContain('spec.containers[0].name');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('plays what the API server only warns about, printing its warning on stderr as kubectl does', async () => {
    const path = file('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  terminationGracePeriodSeconds: -1\n  containers:\n    - {name: app, image: nginx:1.27}\n');
    const { code, err } = await run('simulate', path, '--until', '5');
    expect(code).toBe(0);
    expect(err.split('\n')[0]).toBe(`Warning: ${path}:5:34: spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`);
  });

  it('rejects bad flags with a usage message', async () => {
    expect((await run('simulate', fixture, '--until', 'soon')).code).toBe(2);
    expect((await run('simulate', fixture, '--output', 'table')).err).toContain('--output needs --at');
    expect((await run('simulate')).code).toBe(2);
    expect((await run('frobnicate')).err).toContain('unknown command');
  });

  it('infers what a plain Pod\'s undescribed containers do, as Import does, and says so on stderr', async () => {
    // test/e2e_node/pod_conditions_test.go's webserverPodSpec, as it is: no behaviour annotation.
    const path = file(
      'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  initContainers:\n    - {name: init1, image: busybox, command: [sh, -c, sleep 5s]}\n' +
        '  containers:\n    - {name: web1, image: registry.k8s.io/e2e-test-images/agnhost:2.53, args: [test-webserver]}\n',
    );
    expect((await run('simulate', path, '--at', '4', '--output', 'table')).out).toContain('Init:0/1');
    const { code, out, err } = await run('simulate', path, '--at', '6', '--output', 'table');
    expect(code).toBe(0);
    expect(out).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   0          6s\n');
    expect(err).toContain(`${path}: init1: runs \`sleep 5s\`: exits 0 after 5 s`);
    // A container the annotation describes keeps its behaviour: nothing is inferred, nothing said.
    const described = file(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    podlab.dev/behavior: "app: {run: 3}"\nspec:\n  restartPolicy: Never\n  containers:\n    - {name: app, image: busybox, command: [sleep, "3600"]}\n',
    );
    const kept = await run('simulate', described, '--at', '4', '--output', 'table');
    expect(kept.err).toBe('');
    expect(kept.out).toContain('Completed');
  });

  it('takes the pod of a Deployment', async () => {
    const path = join(import.meta.dirname, '../scenario/fixtures/nginx-deployment.yaml');
    const { code, out } = await run('simulate', path, '--at', '5', '--output', 'table');
    expect(code).toBe(0);
    expect(out).toContain('Running');
  });

  it('says on stderr whether a Job would complete, and where its spec is refused', async () => {
    const job = (values: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  podFailurePolicy:
    rules: [{action: FailJob, onExitCodes: {operator: In, values: ${values}}}]
  template:
    spec:
      restartPolicy: Never
      containers:
        - {name: main, image: busybox:1.36, command: [sh, -c, "sleep 2; exit 3"]}
`;
    const played = await run('simulate', file(job('[3]')));
    expect(played.code).toBe(0);
    expect(played.err).toMatch(/pod\.yaml: The Job fails \(PodFailurePolicy\) as soon as its pod fails at 2 s: Container main/);
    const refused = await run('simulate', file(job('[3, 0]')));
    expect(refused.err).toMatch(/pod\.yaml:6: spec\.podFailurePolicy\.rules\[0\]\.onExitCodes\.values\[1\]: Invalid value: 0: must not be 0 for the In operator/);
    expect(refused.err).toContain('BackoffLimitExceeded');
  });
});

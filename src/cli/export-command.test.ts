import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { exportCommand } from './export-command';

const dir = mkdtempSync(join(tmpdir(), 'podlab-export-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  const code = await exportCommand(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe('podlab export --runnable', () => {
  it('prints the runnable manifest of a library scenario', async () => {
    const { code, stdout, stderr } = await run(['--runnable', 'public/scenarios/job-native-sidecar.yaml']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const pod = parse(stdout);
    expect(pod.spec.initContainers[0]).toMatchObject({ name: 'proxy', image: 'busybox:1.36', restartPolicy: 'Always' });
    expect(pod.metadata.annotations['podlab.dev/behavior']).toContain('report: {run: 8}');
  });

  it('drops the podlab.dev annotations with --strip-annotations', async () => {
    const { stdout } = await run(['--runnable=public/scenarios/oom-kill.yaml', '--strip-annotations']);
    expect(parse(stdout).metadata).toEqual({ name: 'oom-kill' });
  });

  it('takes the pod of a workload', async () => {
    const path = file('deploy.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: nginx:1.27}]\n');
    const { code, stdout } = await run(['--runnable', path]);
    expect(code).toBe(0);
    expect(parse(stdout)).toMatchObject({ kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'busybox:1.36' }] } });
  });

  it('reports an invalid scenario with file, line, column and field path, and exits 1', async () => {
    const path = file('bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    - name: App\n      image: nginx\n');
    const { code, stdout, stderr } = await run(['--runnable', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^${path}:6:13: spec\\.containers\\[0\\]\\.name: Invalid value: "App"`));
  });

  it('says what is wrong with input that holds no pod', async () => {
    const path = file('svc.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n');
    const { code, stderr } = await run(['--runnable', path]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path}:1: No pod found`);
  });

  it('explains its usage and unreadable files', async () => {
    expect(await run([])).toMatchObject({ code: 1, stderr: expect.stringContaining('--runnable needs a FILE') });
    expect(await run(['--bogus'])).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown argument "--bogus"') });
    expect(await run(['--runnable', join(dir, 'missing.yaml')])).toMatchObject({ code: 1, stderr: expect.stringContaining('ENOENT') });
    expect(await run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: podlab export') });
  });
});

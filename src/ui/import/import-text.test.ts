import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAppStore, initialState } from '../../app/store';
import { importText } from './import-text';

const NGINX_DEPLOYMENT = readFileSync(new URL('../../scenario/fixtures/nginx-deployment.yaml', import.meta.url), 'utf8');

describe('importText', () => {
  beforeEach(() => {
    useAppStore.setState(initialState());
    useAppStore.temporal.getState().clear();
  });

  it('takes the pod template of a Deployment, infers its behaviour and loads it', () => {
    const report = importText(NGINX_DEPLOYMENT);
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.origin).toMatchObject({ kind: 'Deployment', name: 'nginx-deployment' });
    expect(report.inferred.map((i) => i.container)).toEqual(['nginx']);
    expect(useAppStore.getState().scenario.source).toContain('name: nginx-deployment');
    expect(useAppStore.getState().playback.t).toBe(0);
  });

  it('keeps the work on the page when the input is broken, and says where', () => {
    const before = useAppStore.getState().scenario.source;
    const report = importText('apiVersion: v1\nkind: Pod\nmetadata: {name: x\n');
    expect(report.ok).toBe(false);
    expect(report.notices.some((n) => n.level === 'error' && n.line !== undefined)).toBe(true);
    expect(useAppStore.getState().scenario.source).toBe(before);
  });

  it('refuses a pod the gate rejects, with the field path', () => {
    const before = useAppStore.getState().scenario.source;
    const report = importText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  restartPolicy: Sometimes\n  containers:\n  - name: a\n    image: busybox\n');
    expect(report.ok).toBe(false);
    expect(report.notices.map((n) => n.message).join('\n')).toMatch(/restartPolicy/);
    expect(useAppStore.getState().scenario.source).toBe(before);
  });

  it('loads a pod the API server only warns about, with its warning among the notices', () => {
    const report = importText('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  terminationGracePeriodSeconds: -1\n  containers:\n  - name: a\n    image: nginx:1.27\n');
    expect(report.ok).toBe(true);
    expect(report.notices.filter((n) => n.level === 'warning')).toEqual([
      // No line: the pod played is the text with its inferred behaviour added, not the text pasted.
      { level: 'warning', message: 'spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1' },
    ]);
    expect(useAppStore.getState().scenario.source).toContain('terminationGracePeriodSeconds: -1');
  });
});

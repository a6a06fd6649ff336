import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { app, init, pod, sidecar } from '../testing/pod-builder';
import { formatKubectlTable, kubectlRow } from './kubectl-row';

describe('kubectl get pod (printPod)', () => {
  const trace = simulate(
    pod({
      name: 'web',
      initContainers: [init('migrate', { run: 4 }), sidecar('proxy')],
      containers: [app('app', { pull: 3, stop: 5 })],
      actions: [{ at: 30, do: 'delete' }],
    }),
  );

  it('walks through Init:0/2, PodInitializing, Running and Terminating', () => {
    expect(kubectlRow(trace, 1)).toEqual({ name: 'web', ready: '0/2', status: 'Init:0/2', restarts: '0', age: '1s' });
    // The sidecar started; the app's image is still pulling.
    expect(kubectlRow(trace, 5)).toMatchObject({ ready: '1/2', status: 'PodInitializing' });
    expect(kubectlRow(trace, 8)).toMatchObject({ ready: '2/2', status: 'Running' });
    expect(kubectlRow(trace, 31)).toMatchObject({ status: 'Terminating' });
  });

  it('lays the row out under its header', () => {
    expect(formatKubectlTable(kubectlRow(trace, 8))).toBe('NAME   READY   STATUS    RESTARTS   AGE\nweb    2/2     Running   0          8s');
  });

  it('says NotFound once the pod is deleted', () => {
    const end = trace.deletedAt!;
    expect(formatKubectlTable(kubectlRow(trace, end + 1))).toBe('Error from server (NotFound): pods "web" not found');
  });

  it('shows Completed for a finished Never pod and counts sidecar restarts', () => {
    const job = simulate(pod({ restartPolicy: 'Never', initContainers: [sidecar('logs', { run: 2, exitCode: 1 })], containers: [app('job', { run: 10 })] }));
    const row = kubectlRow(job, job.end);
    expect(row.status).toBe('Completed');
    expect(row.restarts).toMatch(/^1 \(\d+s ago\)$/);
  });
});

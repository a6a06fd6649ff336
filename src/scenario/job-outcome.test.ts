import { describe, expect, it } from 'vitest';
import type { ContainerStatus, PodPhase, Trace } from '../engine/trace';
import { jobOutcome, type JobTerms } from './job-outcome';

describe('jobOutcome', () => {
  const terms: JobTerms = { kind: 'Job', name: 'report', restartPolicy: 'Never', backoffLimit: 6, completions: 1 };

  it('completes when the pod succeeds', () => {
    const outcome = jobOutcome(trace([[0, 'Pending'], [1, 'Running'], [11, 'Succeeded']], {}), terms);
    expect(outcome).toEqual({ completes: true, message: 'The Job completes: its pod succeeds at 11 s.' });
  });

  it('fails when the pod succeeds after the Job deadline', () => {
    const outcome = jobOutcome(trace([[0, 'Running'], [50, 'Succeeded']], {}), { ...terms, activeDeadlineSeconds: 30 });
    expect(outcome.completes).toBe(false);
    expect(outcome.message).toContain('DeadlineExceeded');
  });

  it('fails when the pod fails', () => {
    const outcome = jobOutcome(trace([[0, 'Pending'], [4, 'Failed']], {}), terms);
    expect(outcome.completes).toBe(false);
    expect(outcome.message).toContain('BackoffLimitExceeded');
  });

  it('fails under OnFailure once restarts reach the backoff limit', () => {
    const outcome = jobOutcome(trace([[0, 'Running']], { job: status('job', 6, false) }), { ...terms, restartPolicy: 'OnFailure' });
    expect(outcome).toMatchObject({ completes: false, message: expect.stringContaining('restart 6 times') });
  });

  it('does not complete while a classic sidecar keeps the pod running, and says why', () => {
    const outcome = jobOutcome(
      trace([[0, 'Running']], { job: status('job', 0, false), proxy: status('proxy', 0, true) }, ['job', 'proxy']),
      terms,
    );
    expect(outcome.completes).toBe(false);
    expect(outcome.message).toContain('its pod is still Running: proxy never exits');
    expect(outcome.message).toContain('native sidecar');
  });
});

function status(name: string, restartCount: number, running: boolean): ContainerStatus {
  return {
    name,
    image: 'busybox:1.36',
    state: running ? { running: { startedAt: 0 } } : { terminated: { exitCode: 0, reason: 'Completed', finishedAt: 10 } },
    lastState: {},
    ready: running,
    started: running,
    restartCount,
  };
}

function trace(phases: [number, PodPhase][], statuses: Record<string, ContainerStatus>, containers = Object.keys(statuses)): Trace {
  return {
    events: [],
    end: 600,
    finished: false,
    pod: { name: 'report', namespace: 'default', initContainers: [], containers, ephemeralContainers: [], qosClass: 'BestEffort', crashLoopBackOffMax: 300 },
    phase: phases.map(([t, phase]) => ({ t, value: { phase } })),
    conditions: [],
    containerStatuses: Object.fromEntries(Object.entries(statuses).map(([name, value]) => [name, [{ t: 0, value }]])),
  };
}

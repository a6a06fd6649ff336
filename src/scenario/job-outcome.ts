/**
 * What happens to a Job whose pod is the imported scenario: read from the simulated trace of that
 * pod, since every pod the Job controller creates runs the same scenario.
 */
import type { Trace } from '../engine/trace';

/** What a Job (or a CronJob's job template) says about its pod, for `jobOutcome`. */
export interface JobTerms {
  kind: 'Job' | 'CronJob';
  name: string;
  restartPolicy: 'Never' | 'OnFailure';
  backoffLimit: number;
  completions: number;
  activeDeadlineSeconds?: number;
}

/** Whether the Job would complete, read from the simulated trace of its pod. */
export interface JobOutcome {
  completes: boolean;
  message: string;
}

/**
 * Decides, from the trace of the Job's pod, whether the Job would complete. Every pod the Job
 * controller creates runs the same scenario, so one pod's fate is the Job's.
 */
export function jobOutcome(trace: Trace, job: JobTerms): JobOutcome {
  const succeededAt = trace.phase.find((entry) => entry.value.phase === 'Succeeded')?.t;
  const failedAt = trace.phase.find((entry) => entry.value.phase === 'Failed')?.t;
  const many = job.completions > 1 ? ` (each of its ${job.completions} completions runs the same pod)` : '';
  if (succeededAt !== undefined) {
    if (job.activeDeadlineSeconds !== undefined && succeededAt > job.activeDeadlineSeconds) {
      return {
        completes: false,
        message: `The Job fails with DeadlineExceeded: its pod succeeds at ${succeededAt} s, after activeDeadlineSeconds ${job.activeDeadlineSeconds}.`,
      };
    }
    return { completes: true, message: `The Job completes: its pod succeeds at ${succeededAt} s${many}.` };
  }
  if (failedAt !== undefined) {
    return {
      completes: false,
      message: `The Job fails: its pod fails at ${failedAt} s; the Job controller would create up to ${job.backoffLimit} more pods that fail the same way, then mark the Job failed (BackoffLimitExceeded).`,
    };
  }
  const last = lastStatuses(trace);
  if (job.restartPolicy === 'OnFailure') {
    const restarts = last.reduce((sum, status) => sum + status.restartCount, 0);
    if (job.backoffLimit === 0 ? restarts > 0 : restarts >= job.backoffLimit) {
      return {
        completes: false,
        message: `The Job fails (BackoffLimitExceeded): its pod's containers restart ${restarts} times, reaching backoffLimit ${job.backoffLimit}.`,
      };
    }
  }
  const running = trace.pod.containers.filter((name) => last.some((status) => status.name === name && status.state.running));
  const waitingFor = running.length > 0 ? `: ${running.join(', ')} never ${running.length === 1 ? 'exits' : 'exit'}` : '';
  const hint =
    running.length > 0 && running.length < trace.pod.containers.length
      ? ' A helper in spec.containers keeps a Job\'s pod alive; as a native sidecar (an init container with restartPolicy: Always) it would be stopped when the work is done.'
      : '';
  return {
    completes: false,
    message: `The Job does not complete: after ${trace.end} s its pod is still ${trace.phase.at(-1)?.value.phase ?? 'Pending'}${waitingFor}.${hint}`,
  };
}

function lastStatuses(trace: Trace) {
  return Object.values(trace.containerStatuses).flatMap((history) => {
    const last = history.at(-1);
    return last ? [last.value] : [];
  });
}

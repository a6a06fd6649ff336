/**
 * What happens to a Job whose pod is the imported scenario: read from the simulated trace of that
 * pod, since every pod the Job controller creates runs the same scenario.
 */
import { podStatusAt, valueAt } from '../engine/status/status-at';
import type { Trace } from '../engine/trace';
import { matchPodFailurePolicy, type PodFailurePolicyRule } from './pod-failure-policy';

/** What a Job (or a CronJob's job template) says about its pod, for `jobOutcome`. */
export interface JobTerms {
  kind: 'Job' | 'CronJob';
  name: string;
  restartPolicy: 'Never' | 'OnFailure';
  backoffLimit: number;
  completions: number;
  activeDeadlineSeconds?: number;
  /** `spec.podFailurePolicy.rules`, once the API server would take them. */
  podFailurePolicy?: PodFailurePolicyRule[];
  /** Indexed completion only: each index is retried this many times, on its own. */
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  /** spec.suspend: the controller creates no pod until the Job is resumed. */
  suspended?: boolean;
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
  const outcome = playedOutcome(trace, job);
  if (!job.suspended) return outcome;
  return {
    completes: false,
    message: `The Job is suspended (spec.suspend: true): the Job controller creates no pod until it is resumed. Once resumed: ${outcome.message}`,
  };
}

/** The verdict from the pod's run, as if the Job's pods were created at once. */
function playedOutcome(trace: Trace, job: JobTerms): JobOutcome {
  const succeededAt = trace.phase.find((entry) => entry.value.phase === 'Succeeded')?.t;
  const failedAt = trace.phase.find((entry) => entry.value.phase === 'Failed')?.t;
  const deadline = job.activeDeadlineSeconds;
  const endedAt = succeededAt ?? failedAt;
  if (deadline !== undefined && endedAt !== undefined && endedAt > deadline) {
    return {
      completes: false,
      message: `The Job fails with DeadlineExceeded: its pod ${succeededAt !== undefined ? 'succeeds' : 'fails'} at ${endedAt} s, after activeDeadlineSeconds ${deadline}.`,
    };
  }
  if (succeededAt !== undefined) {
    const many = job.completions > 1 ? ` (each of its ${job.completions} completions runs the same pod)` : '';
    return { completes: true, message: `The Job completes: its pod succeeds at ${succeededAt} s${many}.` };
  }
  if (failedAt !== undefined) return { completes: false, message: afterFailure(trace, job, failedAt) };
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
  if (deadline !== undefined && trace.end >= deadline) {
    return {
      completes: false,
      message: `The Job fails with DeadlineExceeded at ${deadline} s (activeDeadlineSeconds): its pod is still ${valueAt(trace.phase, deadline)?.phase ?? 'Pending'} then${waitingFor}.`,
    };
  }
  const hint =
    running.length > 0 && running.length < trace.pod.containers.length
      ? ' A helper in spec.containers keeps a Job\'s pod alive; as a native sidecar (an init container with restartPolicy: Always) it would be stopped when the work is done.'
      : '';
  return {
    completes: false,
    message: `The Job does not complete: after ${trace.end} s its pod is still ${trace.phase.at(-1)?.value.phase ?? 'Pending'}${waitingFor}.${hint}`,
  };
}

/**
 * What the Job controller makes of its pod's failure: the pod failure policy's first matching
 * rule, else the default handling (the failure counts towards backoffLimit, or the index's
 * backoffLimitPerIndex). Every replacement fails the same way.
 */
function afterFailure(trace: Trace, job: JobTerms, failedAt: number): string {
  const status = podStatusAt(trace, failedAt);
  const match = job.podFailurePolicy ? matchPodFailurePolicy(job.podFailurePolicy, { ...status, namespace: trace.pod.namespace, name: trace.pod.name }) : null;
  const fails = `its pod fails at ${failedAt} s`;
  if (match?.action === 'FailJob') {
    return `The Job fails (PodFailurePolicy) as soon as ${fails}: ${match.message}. No more pods are created.`;
  }
  if (match?.action === 'Ignore' && match.on === 'podConditions') {
    return `The Job does not count this failure: ${fails} (${match.message}), so the Job controller creates a new pod. Podlab plays only this one, disruption included: whether the Job completes depends on how the new pod runs.`;
  }
  if (match?.action === 'Ignore') {
    const until = job.activeDeadlineSeconds === undefined ? '' : `, until activeDeadlineSeconds (${job.activeDeadlineSeconds} s) fails the Job with DeadlineExceeded`;
    return `The Job never completes: ${fails}, and the failure does not count towards backoffLimit (${match.message}); the Job controller replaces the pod again and again, each failing the same way${until}.`;
  }
  const counted = match ? ` (${match.message})` : '';
  if (job.backoffLimitPerIndex !== undefined) {
    const retries = match?.action === 'FailIndex' ? 'its index is marked failed at once, without a retry' : `its index is retried up to backoffLimitPerIndex (${job.backoffLimitPerIndex}) times, each pod failing the same way`;
    const early = job.maxFailedIndexes !== undefined && job.maxFailedIndexes < job.completions;
    const reason = early ? `MaxFailedIndexesExceeded, once more than maxFailedIndexes (${job.maxFailedIndexes}) indexes have failed` : 'FailedIndexes, once every index has failed';
    return `The Job fails: ${fails}${counted}; ${retries}. Every index runs the same pod, so the Job fails with ${reason}.`;
  }
  if (job.backoffLimit === 0) return `The Job fails (BackoffLimitExceeded): ${fails}${counted}, and backoffLimit 0 allows no new pod.`;
  return `The Job fails: ${fails}${counted}; the Job controller would create up to ${job.backoffLimit} more pods that fail the same way, then mark the Job failed (BackoffLimitExceeded).`;
}

function lastStatuses(trace: Trace) {
  return Object.values(trace.containerStatuses).flatMap((history) => {
    const last = history.at(-1);
    return last ? [last.value] : [];
  });
}

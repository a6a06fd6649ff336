/**
 * What the engine's property tests share: fixed seeds, a trace cache, and bounds taken from the
 * kubelet rules in /work/shared/k8s-lifecycle-reference.md (§ numbers).
 */
import { simulate } from '../simulate';
import { podStatusAt } from '../status/status-at';
import type { PodModel } from '../types';
import type { Trace } from '../trace';

/** Seeds are fixed so CI is repeatable; a failure prints the shrunk PodModel, which `podManifest` turns back into a scenario. */
export const RUNS = { seed: 0x90d1ab, numRuns: 150 };

/** Properties over the same pods share their traces (the seed makes fast-check generate the same pods). */
const traces = new Map<string, Trace>();
export function traceOf(pod: PodModel): Trace {
  const key = JSON.stringify(pod);
  let trace = traces.get(key);
  if (!trace) {
    trace = simulate(pod);
    traces.set(key, trace);
  }
  return trace;
}

export const containerNames = (pod: PodModel) => [...pod.initContainers, ...pod.containers, ...(pod.ephemeralContainers ?? [])].map((c) => c.name);
export const finalPhase = (trace: Trace) => podStatusAt(trace, trace.end);
export const isTerminal = (phase: string) => phase === 'Succeeded' || phase === 'Failed';

/** How long a pod kill may take: preStop and the wait for sidecars fit in the grace period, then at least 2 s to SIGKILL (§11), plus whole-second truncation. */
export const killBound = (grace: number) => grace + 5;

/** The longest one sync can keep the pod worker busy: every container pulled, postStarted and killed once. */
export function workerBusyBound(pod: PodModel): number {
  return [...pod.initContainers, ...pod.containers].reduce((sum, c) => {
    const runs = [c.behavior, ...c.behavior.attempts];
    const most = (field: 'pull' | 'postStart') => Math.max(...runs.map((r) => r[field] ?? 0));
    const grace = Math.max(pod.terminationGracePeriodSeconds, c.livenessProbe?.terminationGracePeriodSeconds ?? 0, c.startupProbe?.terminationGracePeriodSeconds ?? 0);
    return sum + most('pull') + most('postStart') + killBound(grace);
  }, 0);
}

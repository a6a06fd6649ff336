import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPod } from './arbitrary-pod';
import { shutdownPeriodRequested } from './shutdown-groups';
import { DEFAULT_HORIZON } from './simulate';
import { containerNames, finalPhase, isTerminal, killBound, RUNS, traceOf, workerBusyBound } from './testing/property-kit';
import { indexedEvents, runsOf } from './testing/trace-runs';
import type { PodModel } from './types';

// A pod stopped from outside, checked against the kubelet rules in
// /work/shared/k8s-lifecycle-reference.md: deleted or drained (§11), evicted by the kubelet, past
// its activeDeadlineSeconds.
describe('a pod stopped from outside', () => {
  /** A drain is an eviction through the API: a deletion, after the pod is marked DisruptionTarget. */
  const firstDelete = (pod: PodModel) => pod.actions.find((a) => a.do === 'delete' || a.do === 'drain');

  const deletedInTime = (pod: PodModel) => {
    const action = firstDelete(pod);
    if (!action) return false;
    const grace = Math.max(1, action.gracePeriodSeconds ?? pod.terminationGracePeriodSeconds);
    return action.at + killBound(Math.max(grace, pod.terminationGracePeriodSeconds)) <= DEFAULT_HORIZON;
  };

  it('deletes a pod for good (a drained one marked DisruptionTarget): nothing starts after the request, it ends terminal and gone', () => {
    fc.assert(
      fc.property(arbitraryPod.filter(deletedInTime), (pod) => {
        const trace = traceOf(pod);
        expect(trace.finished).toBe(true);
        const requested = indexedEvents(trace, 'DeletionRequested');
        expect(requested.length).toBeGreaterThanOrEqual(1);
        expect(indexedEvents(trace, 'Started').filter((e) => e.index > requested[0]!.index)).toEqual([]);
        const deleted = indexedEvents(trace, 'PodDeleted');
        expect(deleted.length).toBe(1);
        // A forced deletion (grace 0) removes the object at once; the kubelet still stops the containers.
        const removedAt = requested[0]!.gracePeriod === 0 ? requested[0]!.t : trace.end;
        expect(deleted[0]!.t).toBe(removedAt);
        expect(trace.deletedAt).toBe(removedAt);
        expect(isTerminal(finalPhase(trace).phase)).toBe(true);
        if (firstDelete(pod)!.do === 'drain') expect(trace.conditions.at(-1)!.value.find((c) => c.type === 'DisruptionTarget')?.status).toBe('True');
      }),
      RUNS,
    );
  });

  it('records the final status before the pod object disappears', () => {
    fc.assert(
      fc.property(arbitraryPod.filter(deletedInTime), (pod) => {
        const trace = traceOf(pod);
        if (indexedEvents(trace, 'DeletionRequested')[0]!.gracePeriod === 0) return;
        expect(trace.events[trace.events.length - 1]!.type).toBe('PodDeleted');
      }),
      RUNS,
    );
  });

  // eviction_manager.go evictPod: a terminal pod, its grace period 0 (1 s from the pod worker).
  it('ends an evicted pod Failed with reason Evicted, within a 1 s kill, starting nothing after', () => {
    fc.assert(
      fc.property(arbitraryPod.filter((pod) => pod.actions.some((a) => a.do === 'evict')), (pod) => {
        const trace = traceOf(pod);
        const evicted = indexedEvents(trace, 'Evicted')[0];
        fc.pre(evicted !== undefined);
        expect(indexedEvents(trace, 'Evicted')).toHaveLength(1);
        expect(indexedEvents(trace, 'Started').filter((e) => e.index > evicted.index)).toEqual([]);
        expect(indexedEvents(trace, 'Killing').filter((e) => e.index > evicted.index).every((e) => e.reason === 'Evicted' && e.gracePeriod === 1)).toBe(true);
        // A node down during the kill holds it, and what is published, until it is back.
        const downs = indexedEvents(trace, 'NodeDown').filter((e) => e.t <= evicted.t + killBound(1));
        const terminal = indexedEvents(trace, 'PodPhase').find((e) => isTerminal(e.phase));
        expect(terminal!.t).toBeLessThanOrEqual(Math.max(evicted.t, ...downs.map((e) => e.until)) + workerBusyBound(pod) + killBound(1));
        expect(finalPhase(trace)).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
      }),
      RUNS,
    );
  });

  // nodeshutdown_manager.go killPods: within the pod's window, Failed (unless Succeeded), reason Terminated.
  it('ends a pod its node shuts down with reason Terminated, within its window, starting nothing after', () => {
    fc.assert(
      fc.property(arbitraryPod.filter((pod) => pod.actions.some((a) => a.do === 'shutdown-node')), (pod) => {
        const trace = traceOf(pod);
        const shutdown = indexedEvents(trace, 'NodeShutdown')[0];
        const killed = indexedEvents(trace, 'Killing').find((e) => e.reason === 'NodeShutdown');
        fc.pre(shutdown !== undefined && killed !== undefined);
        expect(killed.t).toBe(shutdown.killAt);
        // Stopped within the time the kubelet asked logind to hold the power-off for (a grace of 0 is raised to 1 s).
        expect(shutdown.killAt + shutdown.grace).toBeLessThanOrEqual(shutdown.t + shutdownPeriodRequested(pod.kubelet) + (shutdown.grace === 1 ? 1 : 0));
        expect(shutdown.grace).toBeLessThanOrEqual(Math.max(1, pod.terminationGracePeriodSeconds));
        expect(indexedEvents(trace, 'Killing').filter((e) => e.index >= killed.index).every((e) => e.reason === 'NodeShutdown' && e.gracePeriod === shutdown.grace)).toBe(true);
        expect(indexedEvents(trace, 'Started').filter((e) => e.index > killed.index)).toEqual([]);
        // A node down during the kill holds it, and what is published, until it is back.
        const downs = indexedEvents(trace, 'NodeDown').filter((e) => e.t <= killed.t + killBound(shutdown.grace));
        const terminal = indexedEvents(trace, 'PodPhase').find((e) => isTerminal(e.phase));
        expect(terminal!.t).toBeLessThanOrEqual(Math.max(killed.t, ...downs.map((e) => e.until)) + workerBusyBound(pod) + killBound(shutdown.grace));
        expect(finalPhase(trace)).toMatchObject({ reason: 'Terminated', message: 'Pod was terminated in response to imminent node shutdown.' });
      }),
      RUNS,
    );
  });

  it('fails a pod past its activeDeadlineSeconds with reason DeadlineExceeded', () => {
    fc.assert(
      fc.property(arbitraryPod.filter((pod) => pod.activeDeadlineSeconds !== undefined), (pod) => {
        const deadline = pod.activeDeadlineSeconds!;
        const trace = traceOf(pod);
        // Only pods still running at the deadline, not already being deleted, evicted or completed.
        const running = containerNames(pod).some((name) =>
          runsOf(trace, name).some((r) => r.start < deadline && (r.exit === undefined || r.exit.t > deadline)),
        );
        const ending = trace.events.some(
          (e) =>
            e.t <= deadline &&
            (e.type === 'DeletionRequested' ||
              e.type === 'Evicted' ||
              (e.type === 'NodeShutdown' && e.killAt <= deadline) ||
              (e.type === 'Killing' && (e.reason === 'PodCompleted' || e.reason === 'InitContainerFailed'))),
        );
        fc.pre(running && !ending);
        expect(trace.finished).toBe(true);
        // The run itself may go on to a later delete action; the pod ends when its phase turns terminal.
        const terminal = indexedEvents(trace, 'PodPhase').find((e) => isTerminal(e.phase));
        // A kubelet that is down at the deadline, or goes down while it kills the pod, acts on it (again)
        // once the node is back.
        const bound = killBound(pod.terminationGracePeriodSeconds);
        const downs = indexedEvents(trace, 'NodeDown').filter((e) => e.t <= deadline + bound);
        expect(terminal!.t).toBeLessThanOrEqual(Math.max(deadline, ...downs.map((e) => e.until)) + bound);
        expect(finalPhase(trace)).toMatchObject({ phase: 'Failed', reason: 'DeadlineExceeded' });
        expect(indexedEvents(trace, 'Started').filter((e) => e.t > deadline)).toEqual([]);
      }),
      RUNS,
    );
  });
});

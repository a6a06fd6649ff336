/**
 * What the kubelet did after a run ended, read from the trace: whether it started the container
 * again (its restart policy, its own or the pod's, or a restart rule decided so) or left it down,
 * or stopped it for a new image in the spec, to start it again with that whatever the policy.
 * Untold when the run was ended for the pod's sake (deletion, completion, deadline, eviction, the node going
 * down): no restart policy is asked then. The kubelet's sync after an exit is at the same instant
 * in the engine, so a trace that ends on an exit already holds what the kubelet did next.
 */
import type { KillReason, Trace, TraceEvent } from '../../engine/trace';

/** `newImage`: stopped because the spec names a new image, and started again with it whatever the policy. */
export type ExitOutcome = 'again' | 'stays' | 'newImage' | 'untold';

/** Kills that end a run for the pod's sake, not the container's. */
const POD_KILLS = new Set<KillReason>(['PodDeleted', 'PodCompleted', 'InitContainerFailed', 'DeadlineExceeded', 'Evicted', 'NodeShutdown']);
/** What the kubelet records for a container it sets out to start again (BackOff: it will, later). */
const RESTARTING = new Set<TraceEvent['type']>(['Pulling', 'Pulled', 'PullBackOff', 'PullFailed', 'Created', 'Started', 'BackOff']);

const cache = new WeakMap<Trace, Map<TraceEvent, ExitOutcome>>();

/** The outcome of every Exited event, in one pass over the trace (kept per trace). */
function outcomesOf(trace: Trace): Map<TraceEvent, ExitOutcome> {
  let outcomes = cache.get(trace);
  if (outcomes) return outcomes;
  outcomes = new Map();
  const lastKill = new Map<string, KillReason>();
  const waiting = new Map<string, TraceEvent>();
  let podKilled = false;
  for (const e of trace.events) {
    if (e.type === 'NodeDown' || e.type === 'DeletionRequested') {
      // What had not restarted by now stays down; from now on the pod decides.
      waiting.clear();
      podKilled = true;
    }
    if (!('container' in e)) continue;
    if (e.type === 'Killing') {
      lastKill.set(e.container, e.reason);
      if (POD_KILLS.has(e.reason)) podKilled = true;
    } else if (e.type === 'Exited') {
      const kill = lastKill.get(e.container);
      lastKill.delete(e.container);
      if (podKilled || (kill !== undefined && POD_KILLS.has(kill))) outcomes.set(e, 'untold');
      else if (kill === 'DefinitionChanged') outcomes.set(e, 'newImage');
      else {
        outcomes.set(e, 'stays');
        waiting.set(e.container, e);
      }
    } else if (RESTARTING.has(e.type)) {
      const exit = waiting.get(e.container);
      if (exit) {
        outcomes.set(exit, 'again');
        waiting.delete(e.container);
      }
    }
  }
  cache.set(trace, outcomes);
  return outcomes;
}

export function exitOutcome(trace: Trace, exit: TraceEvent): ExitOutcome {
  return outcomesOf(trace).get(exit) ?? 'untold';
}

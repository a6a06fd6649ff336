import { isStopping, type Sim } from '../runtime';
import { NODE_SHUTDOWN_MESSAGE } from '../status/record-status';
import { DEFAULT_PRIORITY, groupIndexOf, shutdownGroups, shutdownPeriodRequested, SYSTEM_CRITICAL_PRIORITY } from '../shutdown-groups';
import type { ShutdownGroup } from '../types';

/**
 * Graceful node shutdown (nodeshutdown_manager_linux.go processShutdownEvent): told that the node
 * shuts down, the kubelet stops its pods group by group, lowest priority first, each pod with its
 * group's shutdownGracePeriodSeconds or its own grace period when that is not longer, and goes on
 * to the next group once every pod of this one is gone or its period is up. The node's other pods
 * are not played: each group below this pod's takes `othersStopIn` seconds, or its whole period
 * when that is shorter or the action does not say. The status function
 * sets Failed (unless Succeeded), reason Terminated, and DisruptionTarget (TerminationByKubelet),
 * sent with the terminal phase. The node then powers off; the pod, terminal, is not touched again.
 * @param stop makes the pod worker give way to the kill
 * @param othersStopIn how long the pods of the lower groups take to stop
 */
export function shutdownNode(sim: Sim, stop: () => void, othersStopIn?: number): void {
  const kubelet = sim.model.kubelet;
  const groups = shutdownGroups(kubelet);
  if (sim.nodeDown || shutdownPeriodRequested(kubelet) === 0 || isStopping(sim)) return;
  const podPriority = sim.model.priority ?? DEFAULT_PRIORITY;
  const index = groupIndexOf(groups, podPriority);
  const group = groups[index]!;
  const lowerWait = (lower: ShutdownGroup) => Math.min(lower.shutdownGracePeriodSeconds, othersStopIn ?? Infinity);
  const killAt = sim.now + groups.slice(0, index).reduce((sum, lower) => sum + lowerWait(lower), 0);
  // pod_workers.go calculateEffectiveGracePeriod raises an override of 0 to 1 s.
  const grace = Math.max(1, Math.min(sim.model.terminationGracePeriodSeconds, group.shutdownGracePeriodSeconds));
  const byPriority = (kubelet?.shutdownGracePeriodByPodPriority?.length ?? 0) > 0;
  sim.rec.emit({
    t: sim.now,
    type: 'NodeShutdown',
    critical: podPriority >= SYSTEM_CRITICAL_PRIORITY,
    killAt,
    grace,
    ...(byPriority ? { group: { ...group, podPriority } } : {}),
    ...(othersStopIn === undefined ? {} : { othersStopIn }),
  });
  const kill = () => {
    if (isStopping(sim)) return;
    sim.shutdown = { grace };
    sim.disruption = { reason: 'TerminationByKubelet', message: NODE_SHUTDOWN_MESSAGE };
    stop();
  };
  if (killAt === sim.now) kill();
  else sim.queue.push(killAt, kill);
}

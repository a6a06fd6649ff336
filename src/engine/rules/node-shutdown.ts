import { isStopping, type Sim } from '../runtime';
import { NODE_SHUTDOWN_MESSAGE } from '../status/record-status';
import type { KubeletConfig, ShutdownGroup } from '../types';

/** scheduling.SystemCriticalPriority: a pod from this priority up is critical (kubelettypes.IsCriticalPod). */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
/** scheduling.SystemPriorityClasses: the two classes the API server makes itself, and their values. */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { 'system-node-critical': 2_000_001_000, 'system-cluster-critical': SYSTEM_CRITICAL_PRIORITY };
export const SYSTEM_NODE_CRITICAL = SYSTEM_PRIORITY_CLASSES['system-node-critical']!;
/** scheduling.DefaultPriorityWhenNoDefaultClassExists: a pod's priority when nothing sets one. */
export const DEFAULT_PRIORITY = 0;

/**
 * The groups a graceful node shutdown stops the node's pods in, lowest priority first
 * (nodeshutdown_manager_linux.go NewManager): shutdownGracePeriodByPodPriority as given, or
 * migrateConfig's two, the pods below SystemCriticalPriority with shutdownGracePeriod minus
 * shutdownGracePeriodCriticalPods and the critical ones with the rest. None: graceful node shutdown off.
 */
export function shutdownGroups({ shutdownGracePeriod = 0, shutdownGracePeriodCriticalPods = 0, shutdownGracePeriodByPodPriority = [] }: KubeletConfig = {}): ShutdownGroup[] {
  const groups: ShutdownGroup[] =
    shutdownGracePeriodByPodPriority.length > 0
      ? shutdownGracePeriodByPodPriority
      : shutdownGracePeriod === 0
        ? []
        : [
            { priority: DEFAULT_PRIORITY, shutdownGracePeriodSeconds: shutdownGracePeriod - shutdownGracePeriodCriticalPods },
            { priority: SYSTEM_CRITICAL_PRIORITY, shutdownGracePeriodSeconds: shutdownGracePeriodCriticalPods },
          ];
  return [...groups].sort((a, b) => a.priority - b.priority);
}

/** periodRequested: how long the node holds its power-off for the kubelet (logind's inhibit delay). */
export const shutdownPeriodRequested = (kubelet?: KubeletConfig): number =>
  shutdownGroups(kubelet).reduce((sum, group) => sum + group.shutdownGracePeriodSeconds, 0);

/**
 * groupByPriority: the last group whose priority is not above the pod's; a pod below every group
 * is in the lowest.
 */
export function groupIndexOf(groups: ShutdownGroup[], priority: number): number {
  const index = groups.findIndex((group) => group.priority >= priority);
  if (index === -1) return groups.length - 1;
  return index > 0 && groups[index]!.priority > priority ? index - 1 : index;
}

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

/**
 * The groups a graceful node shutdown stops a node's pods in, and the priorities that place a pod
 * in one (pkg/kubelet/nodeshutdown, pkg/apis/scheduling): the kubelet configuration's side, which
 * the scenario gate reads too; the shutdown itself is rules/node-shutdown.ts.
 */
import type { KubeletConfig, ShutdownGroup } from './types';

/** scheduling.SystemCriticalPriority: a pod from this priority up is critical (kubelettypes.IsCriticalPod). */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
export const SYSTEM_NODE_CRITICAL = 2_000_001_000;
/**
 * scheduling.SystemPriorityClasses: the two classes the API server makes itself, and their values.
 * Plain values only at the top of this module: a property read there made the bundler take the
 * module for one with side effects and split two of the first screen's modules into chunks of
 * their own (0.4 KB more gzip for the first screen).
 */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { 'system-node-critical': SYSTEM_NODE_CRITICAL, 'system-cluster-critical': SYSTEM_CRITICAL_PRIORITY };
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
      : shutdownGracePeriod === 0 || shutdownGracePeriodCriticalPods > shutdownGracePeriod
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

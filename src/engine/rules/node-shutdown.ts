import { isStopping, type Sim } from '../runtime';
import { NODE_SHUTDOWN_MESSAGE } from '../status/record-status';

/**
 * Graceful node shutdown (pkg/kubelet/nodeshutdown/nodeshutdown_manager.go killPods): told that
 * the node shuts down, the kubelet kills its pods in two groups, the others first with
 * shutdownGracePeriod - shutdownGracePeriodCriticalPods, the critical ones after that with
 * shutdownGracePeriodCriticalPods, each with its own grace period when that is shorter. The status
 * function sets Failed (unless Succeeded), reason Terminated, and DisruptionTarget
 * (TerminationByKubelet), sent with the terminal phase. A critical pod is taken to wait the whole
 * first window: the kubelet starts the next group earlier only when every pod of the first is
 * gone, and this node's other pods are not played. The node then powers off; the pod, terminal,
 * is not touched again.
 * @param stop makes the pod worker give way to the kill
 */
export function shutdownNode(sim: Sim, stop: () => void): void {
  const { shutdownGracePeriod = 0, shutdownGracePeriodCriticalPods = 0 } = sim.model.kubelet ?? {};
  if (sim.nodeDown || shutdownGracePeriod === 0 || isStopping(sim)) return;
  const critical = sim.model.critical === true;
  const window = critical ? shutdownGracePeriodCriticalPods : shutdownGracePeriod - shutdownGracePeriodCriticalPods;
  const killAt = sim.now + (critical ? shutdownGracePeriod - shutdownGracePeriodCriticalPods : 0);
  // pod_workers.go calculateEffectiveGracePeriod raises an override of 0 to 1 s.
  const grace = Math.max(1, Math.min(sim.model.terminationGracePeriodSeconds, window));
  sim.rec.emit({ t: sim.now, type: 'NodeShutdown', critical, killAt, grace });
  const kill = () => {
    if (isStopping(sim)) return;
    sim.shutdown = { grace };
    sim.disruption = { reason: 'TerminationByKubelet', message: NODE_SHUTDOWN_MESSAGE };
    stop();
  };
  if (killAt === sim.now) kill();
  else sim.queue.push(killAt, kill);
}

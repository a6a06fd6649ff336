/**
 * Whether a regular or plain init container runs again, with container-level restart policies
 * and rules (KEP-5307 ContainerRestartRules, beta and on by default since Kubernetes 1.35).
 */
import type { ContainerModel, ContainerRestartRule, RestartPolicy } from '../types';

function matches(rule: ContainerRestartRule, exitCode: number): boolean {
  const listed = rule.exitCodes.values.includes(exitCode);
  return rule.exitCodes.operator === 'In' ? listed : !listed;
}

/**
 * After an exit with `exitCode`: the first of the container's rules that matches restarts it;
 * with none matching, its own restartPolicy decides, and without one the pod's.
 * k/k: pkg/api/v1/pod/util.go ContainerShouldRestart, which ShouldContainerBeRestarted and
 * getPhase call.
 */
export function containerShouldRestart(c: ContainerModel, pod: RestartPolicy, exitCode: number): boolean {
  if (c.restartPolicy !== undefined && c.restartPolicyRules?.some((rule) => matches(rule, exitCode))) return true;
  switch (c.restartPolicy ?? pod) {
    case 'Always':
      return true;
    case 'OnFailure':
      return exitCode !== 0;
    case 'Never':
      return false;
  }
}

/**
 * Whether the kubelet starts a container again where it decides without an exit code: a container
 * it kills for a failed liveness or startup probe (computePodActions), a failed init container
 * (computeInitContainerActions). Its own restartPolicy, or the pod's, unless that is Never; the
 * rules are not consulted.
 * k/k: pkg/kubelet/kuberuntime/kuberuntime_manager.go, kuberuntime_container.go.
 */
export function restartsOnFailure(c: ContainerModel, pod: RestartPolicy): boolean {
  return (c.restartPolicy ?? pod) !== 'Never';
}

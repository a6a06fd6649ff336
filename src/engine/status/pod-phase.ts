/**
 * Pod phase from the published container statuses.
 * kubelet: pkg/kubelet/kubelet_pods.go getPhase (sidecars counted apart from regular init containers).
 * With ContainerRestartRules (on by default since 1.35) a pod whose containers have all stopped is
 * Running while any of them will run again, asked container by container with the exit code, as
 * the kubelet's restart decision is (pkg/api/v1/pod/util.go ContainerShouldRestart); without
 * container-level policies this is the pod's restartPolicy branch it replaces.
 */
import { containerShouldRestart } from '../rules/container-restart';
import type { ContainerStatus, PodPhase } from '../trace';
import type { ContainerModel, RestartPolicy } from '../types';

export interface PhaseInput {
  restartPolicy: RestartPolicy;
  /** The specs, in the order of `init` and `regular`: roles, and their own restart policies and rules. */
  initContainers: ContainerModel[];
  containers: ContainerModel[];
  init: ContainerStatus[];
  regular: ContainerStatus[];
  /** The pod worker is done with the pod: its containers will not be restarted whatever the policy. */
  podIsTerminal: boolean;
  /**
   * A regular container of the current pod sandbox exists (kubelet: pkg/kubelet/container/helpers.go
   * HasAnyActiveRegularContainerStarted): the ones that died with an old sandbox do not count.
   */
  podHasInitialized: boolean;
}

export function podPhase(input: PhaseInput): PodPhase {
  let pendingRegularInit = 0;
  let pendingSidecars = 0;
  let failedInitialization = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let stoppedForGood = 0;
  let succeeded = 0;

  input.init.forEach((s, i) => {
    const { running: isRunning, terminated, waiting: isWaiting } = s.state;
    const lastTerminated = s.lastState.terminated;
    const spec = input.initContainers[i]!;
    if (spec.role === 'sidecar') {
      if (isRunning) {
        if (!s.started) pendingSidecars++;
        running++;
      } else if (isWaiting && !lastTerminated) {
        pendingSidecars++;
        waiting++;
      }
      return;
    }
    const exited = terminated ?? (isWaiting ? lastTerminated : undefined);
    if (exited) {
      // A failure counts once the container will not run again (its own policy, else the pod's).
      if (exited.exitCode !== 0 && !containerShouldRestart(spec, input.restartPolicy, exited.exitCode)) failedInitialization++;
    } else {
      pendingRegularInit++;
    }
  });

  input.regular.forEach((s, i) => {
    const exited = s.state.terminated ?? s.lastState.terminated;
    if (s.state.running) running++;
    else if (exited) {
      stopped++;
      if (!containerShouldRestart(input.containers[i]!, input.restartPolicy, exited.exitCode)) stoppedForGood++;
      // Waiting for a restart does not count as a success, whatever the last exit code.
      if (s.state.terminated?.exitCode === 0) succeeded++;
    } else waiting++;
  });

  if (failedInitialization > 0) return 'Failed';
  // A regular init container running or waiting always means Pending (after a node reboot too);
  // a sidecar not yet started only while the current sandbox has no regular container.
  if (pendingRegularInit > 0 || (pendingSidecars > 0 && !input.podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (input.podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    // Some will run again (by the pod's restartPolicy, or their own policy or rules): Running.
    if (stoppedForGood < stopped) return 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

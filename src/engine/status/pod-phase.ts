/**
 * Pod phase from the published container statuses.
 * kubelet: pkg/kubelet/kubelet_pods.go getPhase (sidecars counted apart from regular init containers).
 */
import type { ContainerStatus, PodPhase } from '../trace';
import type { RestartPolicy } from '../types';

export interface PhaseInput {
  restartPolicy: RestartPolicy;
  /** Per init container: is it a sidecar. */
  sidecar: boolean[];
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
  let succeeded = 0;

  input.init.forEach((s, i) => {
    const { running: isRunning, terminated, waiting: isWaiting } = s.state;
    const lastTerminated = s.lastState.terminated;
    if (input.sidecar[i]) {
      if (isRunning) {
        if (!s.started) pendingSidecars++;
        running++;
      } else if (isWaiting && !lastTerminated) {
        pendingSidecars++;
        waiting++;
      }
      return;
    }
    if (terminated) {
      if (terminated.exitCode !== 0) failedInitialization++;
    } else if (isWaiting && lastTerminated) {
      if (lastTerminated.exitCode !== 0) failedInitialization++;
    } else {
      pendingRegularInit++;
    }
  });

  for (const s of input.regular) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.lastState.terminated) stopped++;
    else waiting++;
  }

  if (failedInitialization > 0 && input.restartPolicy === 'Never') return 'Failed';
  // A regular init container running or waiting always means Pending (after a node reboot too);
  // a sidecar not yet started only while the current sandbox has no regular container.
  if (pendingRegularInit > 0 || (pendingSidecars > 0 && !input.podHasInitialized) || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (input.podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (input.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (input.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/**
 * The API ContainerStatus the kubelet publishes for one container.
 * kubelet: pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses.
 */
import type { ContainerState, ContainerStatus } from '../trace';
import { isReady, isRunning, isStarted, type ContainerRuntime, type Instance, type Sim } from '../runtime';
import { containerShouldRestart, restartsOnFailure } from '../rules/container-restart';
import { terminationMessage } from '../rules/termination-message';

/** What a process that never ran has written: nothing. */
const NOTHING_WRITTEN = { message: '', logs: '' };

function terminatedState(sim: Sim, c: ContainerRuntime, inst: Instance): ContainerState {
  const containers = sim.model.initContainers.length + sim.model.containers.length;
  const ran = inst.exitReason !== 'StartError';
  const message = terminationMessage(c.spec.terminationMessagePolicy, ran ? inst.behavior : NOTHING_WRITTEN, inst.exitCode, containers, inst.runtimeMessage);
  return {
    terminated: {
      exitCode: inst.exitCode,
      reason: inst.exitReason,
      ...(message === '' ? {} : { message }),
      // A process that never started has the zero time (1970-01-01T00:00:00Z), left out here.
      ...(ran ? { startedAt: inst.startedAt } : {}),
      finishedAt: inst.finishedAt,
    },
  };
}

/** Whether the kubelet will start this container again (so a cached start error shows as waiting). */
export function willRestart(sim: Sim, c: ContainerRuntime): boolean {
  if (sim.killPodReason || sim.deletion) return false;
  const inst = c.current;
  if (!inst || !inst.exited) return true;
  if (c.spec.role === 'ephemeral') return false;
  if (c.spec.role === 'sidecar') return true;
  if (c.spec.role === 'regular') return containerShouldRestart(c.spec, sim.model.restartPolicy, inst.exitCode);
  return inst.exitCode !== 0 && restartsOnFailure(c.spec, sim.model.restartPolicy);
}

export function containerStatus(sim: Sim, c: ContainerRuntime): ContainerStatus {
  const unpublished = c.current !== undefined && !c.current.published;
  const newest = unpublished ? c.previous : c.current;
  const older = unpublished ? undefined : c.previous;
  const cached = c.reason && (c.reason.visibleAt <= sim.now ? c.reason : c.reason.shown);

  let state: ContainerState;
  let lastState: ContainerState = older?.exited ? terminatedState(sim, c, older) : {};
  if (!newest) {
    const reason = cached?.reason ?? (sim.model.initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating');
    state = { waiting: cached ? { reason, message: cached.message } : { reason } };
  } else if (!newest.exited) {
    state = { running: { startedAt: newest.startedAt } };
  } else if (cached && willRestart(sim, c)) {
    state = { waiting: { reason: cached.reason, message: cached.message } };
    lastState = terminatedState(sim, c, newest);
  } else {
    state = terminatedState(sim, c, newest);
  }

  const regularInit = c.spec.role === 'init';
  // prober_manager.go UpdatePodStatus sets ready and started of init and regular containers only:
  // an ephemeral container's read false (and no started at all).
  const ephemeral = c.spec.role === 'ephemeral';
  return {
    name: c.spec.name,
    // The runtime's record names the image it was made from; without one, the spec's image.
    image: newest?.image ?? c.spec.image,
    state,
    lastState,
    ready: ephemeral ? false : regularInit ? newest?.exited === true && newest.exitCode === 0 : isReady(c),
    started: ephemeral ? false : regularInit ? isRunning(c) && !unpublished : isStarted(c),
    restartCount: newest?.restartCount ?? 0,
  };
}

const UNKNOWN_AT_TERMINATION: ContainerState = {
  terminated: {
    exitCode: 137,
    reason: 'ContainerStatusUnknown',
    message: 'The container could not be located when the pod was terminated',
    finishedAt: 0,
  },
};

/**
 * What the status manager does once the pod worker is done with a pod: every container without a
 * terminated state becomes ContainerStatusUnknown/137, for regular containers only once the pod
 * had initialized, for init containers up to the last one that ever started.
 * kubelet: pkg/kubelet/status/status_manager.go TerminatePod.
 */
export function markUnknownAtTermination(
  sim: Sim,
  init: ContainerStatus[],
  regular: ContainerStatus[],
): void {
  const initialized = hasPodInitialized(sim, init, regular);
  const at = { terminated: { ...UNKNOWN_AT_TERMINATION.terminated!, finishedAt: sim.now } };
  if (initialized) {
    for (const s of regular) if (!s.state.terminated) s.state = at;
  }
  let last = 0;
  for (let i = init.length - 1; i >= 0; i--) {
    const s = init[i]!;
    if (!s.state.waiting || s.lastState.terminated) {
      last = i;
      break;
    }
  }
  for (let i = 0; i <= last && i < init.length; i++) {
    if (!init[i]!.state.terminated) init[i]!.state = at;
  }
}

function hasPodInitialized(sim: Sim, init: ContainerStatus[], regular: ContainerStatus[]): boolean {
  if (sim.model.initContainers.length === 0) return true;
  if (regular.some((s) => s.lastState.terminated || !s.state.waiting)) return true;
  const lastSpec = sim.init[sim.init.length - 1]!;
  const last = init[init.length - 1]!;
  if (lastSpec.spec.role === 'sidecar') return last.state.running !== undefined && last.started;
  return last.lastState.terminated?.exitCode === 0 || last.state.terminated?.exitCode === 0;
}

/**
 * What one sync of a running pod does: containers to kill, to start, or the whole pod to kill.
 * Ephemeral containers count for none of the pod's decisions: a pod whose app containers are done
 * is killed with a debug container still running.
 * kubelet: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions.
 */
import { isRunning, type ContainerRuntime, type Sim } from '../runtime';
import type { KillReason } from '../trace';
import { containerShouldRestart, restartsOnFailure } from './container-restart';
import { definitionChanged } from './image-update';
import { computeInitActions } from './init-sequence';

export interface ContainerToKill {
  c: ContainerRuntime;
  reason: KillReason;
  message: string;
}

export interface PodActions {
  killPod?: KillReason;
  toKill: ContainerToKill[];
  initToStart: ContainerRuntime[];
  toStart: ContainerRuntime[];
  /** Ephemeral containers in the spec that have never been created. */
  ephemeralToStart: ContainerRuntime[];
}

/** kubelet: pkg/kubelet/container/helpers.go ShouldContainerBeRestarted, for an exited regular container. */
function shouldRestart(sim: Sim, c: ContainerRuntime): boolean {
  return !c.current || containerShouldRestart(c.spec, sim.model.restartPolicy, c.current.exitCode);
}

function probeFailed(c: ContainerRuntime, kind: 'liveness' | 'startup'): boolean {
  const w = c.probes[kind];
  return w !== undefined && w.instanceId === c.current!.id && w.result === 'failure';
}

export function computePodActions(sim: Sim): PodActions {
  const actions: PodActions = { toKill: [], initToStart: [], toStart: [], ephemeralToStart: [] };
  // Started even while the pod initializes; never started again once they have a status.
  for (const c of sim.ephemeral) if (c.addedAt !== undefined && !c.current) actions.ephemeralToStart.push(c);
  const initialized = computeInitActions(sim, actions);
  if (actions.killPod || !initialized) return actions;

  let keepCount = 0;
  for (const c of sim.regular) {
    if (!isRunning(c)) {
      if (shouldRestart(sim, c)) actions.toStart.push(c);
      continue;
    }
    if (definitionChanged(c)) {
      // Restarted whatever the restart policy: the spec changed, not the process.
      actions.toKill.push({ c, reason: 'DefinitionChanged', message: `Container ${c.spec.name} definition changed, will be restarted` });
      actions.toStart.push(c);
      continue;
    }
    const failed = probeFailed(c, 'liveness') ? 'liveness' : probeFailed(c, 'startup') ? 'startup' : undefined;
    if (!failed) {
      keepCount++;
      continue;
    }
    const restart = restartsOnFailure(c.spec, sim.model.restartPolicy);
    const message = `Container ${c.spec.name} failed ${failed} probe`;
    actions.toKill.push({
      c,
      reason: failed === 'liveness' ? 'LivenessProbeFailed' : 'StartupProbeFailed',
      message: restart ? `${message}, will be restarted` : message,
    });
    if (restart) actions.toStart.push(c);
  }

  if (keepCount === 0 && actions.toStart.length === 0) {
    // Every regular container is done for good: stop the sidecars too, do not restart them.
    actions.killPod = 'PodCompleted';
    actions.initToStart = [];
  }
  return actions;
}

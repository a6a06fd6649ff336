/**
 * Which init containers to start or kill in this sync, and whether the pod has initialized.
 * Walks the init containers from the last to the first: the last one with a runtime record says
 * where initialization stands; earlier sidecars are kept running.
 * kubelet: pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions.
 */
import { isRunning, type ContainerRuntime, type Sim } from '../runtime';
import { restartsOnFailure } from './container-restart';
import { definitionChanged } from './image-update';
import { isPurged } from './node-reboot';
import type { PodActions } from './pod-actions';

function isInitContainerFailed(c: ContainerRuntime): boolean {
  const inst = c.current!;
  return inst.exitCode !== 0 || inst.exitReason === 'OOMKilled';
}

export function computeInitActions(sim: Sim, actions: PodActions): boolean {
  const init = sim.init;
  if (init.length === 0) return true;
  // A running regular container means initialization happened earlier (its records may be gone).
  // Only a running one counts: after a reboot every old container looks exited.
  let podHasInitialized = sim.regular.some(isRunning);
  let isPreviouslyInitialized = podHasInitialized;
  const toStart: ContainerRuntime[] = [];

  for (let i = init.length - 1; i >= 0; i--) {
    const c = init[i]!;
    const sidecar = c.spec.role === 'sidecar';
    // Records from an older sandbox were purged with it: all init containers run again.
    const inst = isPurged(sim, c) ? undefined : c.current;
    if (!inst) {
      if (isPreviouslyInitialized && sidecar) toStart.push(c);
      continue;
    }
    if (isPreviouslyInitialized && !sidecar) continue;

    if (!inst.exited) {
      if (sidecar) runningSidecar(sim, c, i, isPreviouslyInitialized, actions, toStart, () => (podHasInitialized = true));
    } else if (sidecar) {
      toStart.push(c);
    } else if (isInitContainerFailed(c)) {
      if (!restartsOnFailure(c.spec, sim.model.restartPolicy)) {
        actions.killPod = 'InitContainerFailed';
        actions.initToStart = [];
        return false;
      }
      toStart.push(c);
    } else if (i === init.length - 1) {
      podHasInitialized = true;
    } else {
      toStart.push(init[i + 1]!);
    }
    isPreviouslyInitialized = true;
  }

  if (!isPreviouslyInitialized) toStart.push(init[0]!);
  actions.initToStart = toStart.reverse();
  return podHasInitialized;
}

/** A running sidecar counts as initialized once started (startup probe passed, postStart done). */
function runningSidecar(
  sim: Sim,
  c: ContainerRuntime,
  i: number,
  isPreviouslyInitialized: boolean,
  actions: PodActions,
  toStart: ContainerRuntime[],
  initialized: () => void,
): void {
  const inst = c.current!;
  if (!inst.published) return;
  const { name } = c.spec;
  const startup = c.probes.startup;
  if (startup) {
    const result = startup.instanceId === inst.id ? startup.result : 'unknown';
    if (result === 'failure') {
      actions.toKill.push({ c, reason: 'StartupProbeFailed', message: `Init container ${name} failed startup probe` });
      toStart.push(c);
    }
    if (result !== 'success') return;
  }
  if (i === sim.init.length - 1) initialized();
  else if (!isPreviouslyInitialized) toStart.push(sim.init[i + 1]!);

  // Only a started sidecar is checked; a regular init container keeps the image it runs, and one
  // that completed never runs again.
  if (definitionChanged(c)) {
    actions.toKill.push({ c, reason: 'DefinitionChanged', message: `Init container ${name} definition changed` });
    toStart.push(c);
    return;
  }

  const liveness = c.probes.liveness;
  if (liveness && liveness.instanceId === inst.id && liveness.result === 'failure') {
    actions.toKill.push({ c, reason: 'LivenessProbeFailed', message: `Init container ${name} failed liveness probe` });
    toStart.push(c);
  }
}

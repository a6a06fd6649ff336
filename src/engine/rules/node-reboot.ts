/**
 * The node reboots: every process dies at once, and when the node is back the kubelet finds the pod
 * sandbox gone and re-creates it, running every init container again from the first.
 *
 * - containerd, restarting, finds each container that was running without its task and records it
 *   exited with code 255, reason `Unknown`, finished when it looked (containerd
 *   pkg/cri/server/restart.go loadContainer: unknownExitCode, unknownExitReason).
 * - The restarted kubelet has lost what it kept in memory: crash-loop and image-pull back-offs,
 *   the reason cache (pkg/kubelet/kubelet.go: both are built at start-up).
 * - Its next sync sees the sandbox NOTREADY (pkg/kubelet/kuberuntime/util/util.go PodSandboxChanged),
 *   records `SandboxChanged` "Pod sandbox changed, it will be killed and re-created.", kills what is
 *   left, purges every init container's records (purgeInitContainers) and creates a sandbox with
 *   Attempt + 1; computePodActions then starts from init container 0. With restartPolicy Never
 *   a dead sandbox is not re-created once any container has run: the pod is only killed.
 *   (kuberuntime_manager.go computePodActions, SyncPod.)
 */
import { changed, everyContainer, isRunning, type ContainerRuntime, type Instance, type Sim } from '../runtime';
import { nodeReachableAgain } from './node-controller';
import { recordExit } from './process';
import { crashLoopBackoff, imagePullBackoff } from './restart-backoff';

/** containerd's exit code and reason for a container whose task vanished with the node. */
export const UNKNOWN_EXIT_CODE = 255;

/**
 * An init container (regular or sidecar) whose records belong to an older sandbox: the kubelet
 * purged them, so the init sequence treats it as never run. Its API status still shows the last
 * terminated state until a new container replaces it (kubelet_pods.go convertToAPIContainerStatuses
 * keeps a terminated old status).
 */
export function isPurged(sim: Sim, c: ContainerRuntime): boolean {
  return c.spec.role !== 'regular' && c.current !== undefined && c.current.sandbox < sim.sandboxAttempt;
}

/**
 * The node goes down now and comes back `down` seconds later. The caller has already stopped every
 * kubelet goroutine (syncs, kills, pulls): they died with the kubelet.
 */
export function nodeGoesDown(sim: Sim, down: number): void {
  const up = sim.now + down;
  const dead: [ContainerRuntime, Instance][] = [];
  for (const c of everyContainer(sim)) {
    c.killing = false;
    if (!isRunning(c)) continue;
    const inst = c.current!;
    // Nobody sees it die: the status says so once containerd looks again.
    inst.exited = true;
    inst.published = true;
    inst.exitCode = UNKNOWN_EXIT_CODE;
    inst.exitReason = 'Unknown';
    inst.finishedAt = up;
    dead.push([c, inst]);
  }
  sim.nodeDown = true;
  sim.nodeDownSince = sim.now;
  sim.rec.emit({ t: sim.now, type: 'NodeDown', until: up });
  sim.queue.push(up, () => nodeComesBack(sim, dead));
}

function nodeComesBack(sim: Sim, dead: [ContainerRuntime, Instance][]): void {
  sim.nodeDown = false;
  sim.rec.emit({ t: sim.now, type: 'NodeUp' });
  nodeReachableAgain(sim);
  for (const [c, inst] of dead) recordExit(sim, c, inst);
  // A new kubelet process: nothing it held in memory survived.
  sim.crashBackoff = crashLoopBackoff(sim.model.kubelet);
  sim.imageBackoff = imagePullBackoff();
  for (const c of everyContainer(sim)) {
    c.reason = undefined;
    c.wakeAt = undefined;
    c.backoffReportedFor = undefined;
    c.pullBackoffReportedFor = undefined;
  }
  // A pod kill under way died with the kubelet; the next sync decides again from the phase.
  sim.killPodReason = undefined;
  sim.sandboxReady = false;
  sim.sandboxLost = true;
  changed(sim);
}

/**
 * The sync's sandbox step after a reboot. Returns whether the pod goes on (a new sandbox exists);
 * false: a Never pod whose containers have run is only killed, and nothing starts again.
 */
export function recreateSandbox(sim: Sim): boolean {
  const anyRecord = everyContainer(sim).some((c) => c.current !== undefined);
  if (sim.model.restartPolicy === 'Never' && anyRecord) return false;
  sim.sandboxAttempt++;
  sim.sandboxLost = false;
  sim.sandboxReady = true;
  sim.rec.emitK8s(
    { t: sim.now, type: 'SandboxChanged', attempt: sim.sandboxAttempt },
    'Normal',
    'SandboxChanged',
    'Pod sandbox changed, it will be killed and re-created.',
  );
  changed(sim);
  return true;
}

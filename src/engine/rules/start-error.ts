/**
 * A container the runtime creates but cannot start: its command is not in the image, is not
 * executable, a mount cannot be made… containerd's CRI StartContainer
 * (internal/cri/server/container_start.go) then marks it exited at once with exit code 128, reason
 * StartError and its error as the message, leaving startedAt at zero. The kubelet records Warning
 * Failed "Error: <message>" and caches RunContainerError (kuberuntime_container.go startContainer),
 * which is the waiting reason while the container is to start again (kubelet_pods.go
 * convertToAPIContainerStatuses). From there it is a dead container like any other: its restart
 * policy decides, and the crash-loop back-off holds the next start.
 */
import { at, changed, touch, type ContainerRuntime, type Instance, type Sim } from '../runtime';
import { cacheReason, recordExit, STATUS_UPDATE_DELAY } from './process';

/** containerd's exit code for a container it could not start ("the same as Docker's"). */
const START_ERROR_EXIT_CODE = 128;

const RUNC_PREFIX = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ';
const GRPC_SUFFIX = ': unknown';

/** The error containerd 2 with runc 1.2 reports for a process runc could not start, for `cause` in runc's words. */
export function startErrorMessage(cause: string): string {
  return `${RUNC_PREFIX}${cause}${GRPC_SUFFIX}`;
}

/** runc's own words in a message startErrorMessage made (the whole message otherwise). */
export function startErrorCause(message: string): string {
  return message.startsWith(RUNC_PREFIX) && message.endsWith(GRPC_SUFFIX) ? message.slice(RUNC_PREFIX.length, -GRPC_SUFFIX.length) : message;
}

/** The start of the just-created `inst` fails: it is exited before it ever ran. */
export function failStart(sim: Sim, c: ContainerRuntime, inst: Instance): void {
  const message = startErrorMessage(inst.behavior.startError);
  inst.exited = true;
  inst.exitCode = START_ERROR_EXIT_CODE;
  inst.exitReason = 'StartError';
  inst.runtimeMessage = message;
  inst.finishedAt = sim.now;
  inst.published = true;
  recordExit(sim, c, inst, { type: 'Warning', reason: 'Failed', message: `Error: ${message}` });
  touch(sim, c);
  cacheReason(sim, c, 'RunContainerError', message);
  // Unlike after a crash, the pod worker does not sync again at once: the sync that failed sets the
  // error, and the next one comes when the PLEG's relist sees the dead container.
  sim.queue.push(at(sim.now + STATUS_UPDATE_DELAY), () => changed(sim, c));
}

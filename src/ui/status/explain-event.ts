/**
 * Plain words for a trace event, for the learner alone: what happened and what it means next.
 * Only restates what the engine recorded; the sentences describe Kubernetes' documented behaviour.
 */
import type { Trace, TraceEvent } from '../../engine/trace';

type Roles = Record<string, 'init' | 'sidecar' | 'regular'>;

const rolesCache = new WeakMap<Trace, Roles>();

function rolesOf(trace: Trace): Roles {
  let roles = rolesCache.get(trace);
  if (!roles) {
    roles = {};
    for (const c of trace.pod.initContainers) roles[c.name] = c.sidecar ? 'sidecar' : 'init';
    for (const name of trace.pod.containers) roles[name] = 'regular';
    rolesCache.set(trace, roles);
  }
  return roles;
}

export function explainEvent(trace: Trace, event: TraceEvent): string | null {
  const roles = rolesOf(trace);
  switch (event.type) {
    case 'Scheduled':
      return 'The scheduler placed the pod on a node; the kubelet there takes over.';
    case 'Pulling':
      return `Pulling image ${event.image} for ${event.container}.`;
    case 'Pulled':
      return event.alreadyPresent
        ? `Image ${event.image} is already on the node.`
        : `Image ${event.image} pulled for ${event.container}.`;
    case 'PullFailed':
      return `Pulling ${event.image} failed (ErrImagePull); the kubelet retries with a growing back-off.`;
    case 'PullBackOff':
      return `${event.container}: ImagePullBackOff, next pull attempt in ${event.delay}s.`;
    case 'Created':
      return null;
    case 'Started': {
      const again = event.restartCount > 0 ? ` (restart #${event.restartCount})` : '';
      if (roles[event.container] === 'init') return `Init container ${event.container} started${again}. The next step waits until it exits with code 0.`;
      if (roles[event.container] === 'sidecar') return `Native sidecar ${event.container} started${again}. The next init step waits until it counts as started; it keeps running beside the app.`;
      return `${event.container} started${again}. The regular containers start together, once every init step is done.`;
    }
    case 'ContainerStarted':
      return `${event.container} counts as started (its startup probe passed, or it has none).`;
    case 'HookStarted':
      return event.hook === 'postStart'
        ? `${event.container}: postStart hook running; the container is not started until it returns.`
        : `${event.container}: preStop hook running; SIGTERM is sent when it returns.`;
    case 'HookFinished':
      return event.failed ? `${event.container}: the ${event.hook} hook failed, so the kubelet kills the container.` : null;
    case 'ProbeFailed':
      if (event.probe === 'liveness') return `${event.container}: liveness probe failed. Enough failures in a row and the kubelet restarts it.`;
      if (event.probe === 'readiness') return `${event.container}: readiness probe failed; it gets no Service traffic while not ready.`;
      return `${event.container}: startup probe failed; it is still starting (other probes wait).`;
    case 'Ready':
      // A regular init container never serves: the kubelet reports it ready once it exited 0.
      if (roles[event.container] === 'init') {
        return event.ready
          ? `${event.container} exited with code 0, so its status reads ready: this init step is done.`
          : `${event.container} no longer reads ready: it has to run again.`;
      }
      return event.ready
        ? `${event.container} is ready: it can receive traffic.`
        : `${event.container} is no longer ready: its traffic stops.`;
    case 'Killing':
      return `The kubelet stops ${event.container} (${event.reason}): preStop hook if any, then SIGTERM, then SIGKILL after ${event.gracePeriod}s.`;
    case 'Signal':
      return event.signal === 'SIGTERM'
        ? `SIGTERM sent to ${event.container}: it should shut down now.`
        : `SIGKILL sent to ${event.container}: the grace period is over.`;
    case 'Exited': {
      const how = `${event.container} exited with code ${event.exitCode} (${event.reason}).`;
      return event.exitCode === 0 ? how : `${how} The pod's restartPolicy decides whether it runs again.`;
    }
    case 'BackOff':
      return `${event.container} keeps crashing: CrashLoopBackOff. The kubelet waits ${event.delay}s before the next start (the wait doubles, up to 5 minutes).`;
    case 'DeletionRequested':
      return `Pod deleted, grace period ${event.gracePeriod}s: the app containers stop first, native sidecars after them in reverse order.`;
    case 'PodDeleted':
      return 'Every container has stopped: the pod object is gone from the API.';
    case 'PodPhase':
      return `The pod phase is now ${event.phase}${event.reason ? ` (${event.reason})` : ''}.`;
    case 'PodCondition':
      return `Condition ${event.condition} is now ${event.status}.`;
  }
}

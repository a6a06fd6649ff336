/**
 * Plain words for a trace event, for the learner alone: what happened and what it means next.
 * Only restates what the engine recorded; the sentences describe Kubernetes' documented behaviour.
 */
import { containerStatusAt, isKubeletOwned, NODE_MONITOR_GRACE_PERIOD, startErrorCause, valueAt } from '../../engine/index';
import type { KillReason, Trace, TraceEvent } from '../../engine/trace';
import type { ShutdownGroup } from '../../engine/types';
import { namesOf } from '../shared/names';
import { isNodeDownAt } from '../shared/node-down';
import { terminationWords } from '../shared/termination-words';
import { lastEventOf } from '../../app/trace-index';
import { exitOutcome } from './exit-outcome';

type Role = 'init' | 'sidecar' | 'regular' | 'ephemeral';

/** Reasons the kubelet stops one container, not the whole pod (whose stop orders the sidecars last). */
const ONE_CONTAINER_KILLS = new Set<KillReason>(['LivenessProbeFailed', 'StartupProbeFailed', 'FailedPostStartHook', 'DefinitionChanged']);
type Roles = Record<string, Role>;

const rolesCache = new WeakMap<Trace, Roles>();

function rolesOf(trace: Trace): Roles {
  let roles = rolesCache.get(trace);
  if (!roles) {
    roles = {};
    for (const c of trace.pod.initContainers) roles[c.name] = c.sidecar ? 'sidecar' : 'init';
    for (const name of trace.pod.containers) roles[name] = 'regular';
    for (const name of trace.pod.ephemeralContainers) roles[name] = 'ephemeral';
    rolesCache.set(trace, roles);
  }
  return roles;
}

/**
 * The sentence for an event. `names` are the containers it is about: the event's own, or several
 * that did the very same thing at the same moment (see explainMoment), and the verbs agree.
 */
export function explainEvent(trace: Trace, event: TraceEvent, names?: string[]): string | null {
  const role = 'container' in event ? rolesOf(trace)[event.container] : undefined;
  const who = 'container' in event ? namesOf(names ?? [event.container]) : '';
  const many = (names?.length ?? 1) > 1;
  const s = (one: string, several: string) => (many ? several : one);
  switch (event.type) {
    case 'Scheduled':
      return 'The scheduler placed the pod on a node; the kubelet there takes over.';
    case 'Pulling':
      return `Pulling image ${event.image} for ${who}.`;
    case 'Pulled':
      return event.alreadyPresent ? `Image ${event.image} is already on the node.` : `Image ${event.image} pulled for ${who}.`;
    case 'PullFailed':
      if (event.event?.reason === 'ErrImageNeverPull') {
        return `${who} cannot start: image ${event.image} is not on the node and ${s('its', 'their')} imagePullPolicy is Never, so the kubelet does not pull it (ErrImageNeverPull). It looks again at every sync of the pod, about every 10 s, until the image is there.`;
      }
      return `Pulling ${event.image} failed (ErrImagePull); the kubelet retries with a growing back-off.`;
    case 'PullBackOff':
      return `${who}: ImagePullBackOff, next pull attempt in ${event.delay}s.`;
    case 'Created':
      return null;
    case 'ConfigMissing':
      return `${who} cannot be created: ${s('its', 'their')} environment reads ${objectWords(event.object)}, which does not exist (CreateContainerConfigError). The kubelet tries again at every sync of the pod, about every 10 s, and ${s('it starts', 'they start')} once the object is there.`;
    case 'Started': {
      const again = event.restartCount > 0 ? ` (restart #${event.restartCount})` : '';
      if (role === 'init') return `Init container ${who} started${again}. The next step waits until it exits with code 0.`;
      if (role === 'ephemeral') {
        return `Ephemeral ${s('container', 'containers')} ${who} started: kubectl debug added ${s('it', 'them')} to the running pod. ${s('It is', 'They are')} never restarted, ${s('has', 'have')} no probes, and ${s('counts', 'count')} for nothing in the pod's readiness or in kubectl's READY.`;
      }
      const appUp = appStartedBefore(trace, event);
      if (role === 'sidecar') {
        const sidecar = `${s('Native sidecar', 'Native sidecars')} ${who} started${again}`;
        if (appUp) return `${sidecar}, beside the app containers: the init sequence is done, so nothing waits for ${s('it', 'them')}.`;
        const next = isLastInit(trace, event.container) ? 'The app containers start' : 'The next init step starts';
        return `${sidecar}. ${next} once ${s('it counts', 'they count')} as started; ${s('it keeps', 'they keep')} running beside the app.`;
      }
      if (appUp) return `${who} started${again}.`;
      return `${who} started${again}. The regular containers start together, once every init step is done.`;
    }
    case 'ContainerStarted':
      // A plain init container has no startup probe, and its `started` gates nothing: its exit does.
      if (role === 'init') return null;
      return `${who} ${s('counts', 'count')} as started (${s('its', 'their')} startup probe passed, or ${s('it has', 'they have')} none).`;
    case 'HookStarted':
      return event.hook === 'postStart'
        ? `${who}: postStart ${s('hook', 'hooks')} running; ${s('the container is not started until it returns', 'each is not started until its hook returns')}.`
        : `${who}: preStop ${s('hook', 'hooks')} running; SIGTERM is sent when ${s('it returns', 'each returns')}.`;
    case 'HookFinished':
      if (!event.failed) return null;
      return event.hook === 'postStart'
        ? `${who}: the postStart ${s('hook', 'hooks')} failed, so the kubelet kills ${s('the container', 'them')}.`
        : `${who}: the preStop ${s('hook', 'hooks')} failed (FailedPreStopHook). The kubelet only reports it and goes on stopping ${s('the container', 'them')}; the exit code is the process's own.`;
    case 'ProbeFailed':
      if (event.probe === 'liveness') return `${who}: liveness ${s('probe', 'probes')} failed. Enough failures in a row and the kubelet restarts ${s('it', 'them')}.`;
      if (event.probe === 'readiness') return `${who}: readiness ${s('probe', 'probes')} failed; ${s('it gets', 'they get')} no Service traffic while not ready.`;
      return `${who}: startup ${s('probe', 'probes')} failed; ${s('it is', 'they are')} still starting (other probes wait).`;
    case 'ProbeWarning':
      return `${who}: the ${event.probe} ${s('probe was', 'probes were')} redirected to another host (${event.location}). The kubelet follows a redirect only on the same host, so it counts this one as a success, with a ProbeWarning event at every attempt.`;
    case 'Ready':
      // A regular init container never serves: the kubelet reports it ready once it exited 0.
      if (role === 'init') {
        return event.ready
          ? `${who} exited with code 0, so ${s('its', 'their')} status reads ready: this init step is done.`
          : `${who} no longer ${s('reads', 'read')} ready: ${s('it has', 'they have')} to run again.`;
      }
      if (!event.ready) return `${who} ${s('is', 'are')} no longer ready: ${s('its', 'their')} traffic stops.`;
      // Services send traffic to a pod whose Ready condition is True, not to a ready container.
      switch (podReadyAt(trace, event.t)) {
        case 'True':
          return `${who} ${s('is', 'are')} ready: ${s('it', 'they')} can receive traffic.`;
        case 'ReadinessGatesNotReady':
          return `${who} ${s('is', 'are')} ready, but the pod's readiness gates hold its Ready condition False: no Service traffic yet.`;
        default:
          return `${who} ${s('is', 'are')} ready; the pod gets Service traffic once every container is.`;
      }
    case 'Killing': {
      // The kubelet leaves at least 2 s between SIGTERM and SIGKILL (minimumGracePeriodInSeconds).
      const killAfter = Math.max(event.gracePeriod, 2);
      if (event.reason === 'DefinitionChanged') {
        return `The pod spec gives ${who} a new image, so the kubelet stops ${s('it', 'them')} (preStop hook if any, then SIGTERM, then SIGKILL after ${killAfter}s) and starts ${s('it', 'them')} again with it, whatever the restartPolicy.`;
      }
      // A whole pod's stop orders its sidecars (kuberuntime_container.go killContainer): the
      // Killing event and the preStop hook come at once, SIGTERM only in the sidecar's turn.
      if (role === 'sidecar' && event.reason === 'PodCompleted') {
        return `The app containers are done, so the kubelet stops ${who} (PodCompleted), native sidecars in reverse order: preStop hook if any, then SIGTERM, then SIGKILL after ${killAfter}s.`;
      }
      if (role === 'sidecar' && !ONE_CONTAINER_KILLS.has(event.reason)) {
        return `The kubelet stops ${who} (${event.reason}): ${s('its preStop hook runs', 'their preStop hooks run')} now if any, but SIGTERM waits until the app containers, and the sidecars defined after ${s('it', 'them')}, have stopped, or the ${event.gracePeriod}s grace period has run out; SIGKILL when it has, and 2s after SIGTERM at the earliest.`;
      }
      return `The kubelet stops ${who} (${event.reason}): preStop hook if any, then SIGTERM, then SIGKILL after ${killAfter}s.`;
    }
    case 'Signal':
      return event.signal === 'SIGTERM'
        ? `SIGTERM sent to ${who}: ${s('it', 'they')} should shut down now.`
        : `SIGKILL sent to ${who}: the grace period is over.`;
    case 'Exited': {
      if (event.reason === 'Unknown') {
        return `${who} died with the node: containerd, starting again, finds ${s('its process', 'their processes')} gone and records exit code ${event.exitCode} (Unknown).`;
      }
      const said = many ? '' : terminationWords(exitMessage(trace, event.container, event.t));
      if (event.reason === 'StartError') return startErrorWords(trace, event, who, many ? '' : startErrorCause(exitMessage(trace, event.container, event.t) ?? ''), s, role === 'ephemeral');
      const how = `${who} exited with code ${event.exitCode} (${event.reason})${said ? `, saying "${said}"` : ''}.`;
      switch (exitOutcome(trace, event)) {
        case 'again':
          return `${how} The kubelet starts ${s('it', 'them')} again, as ${s('its', 'their')} restart policy says${event.exitCode === 0 ? ', even after a clean exit' : ''}.`;
        case 'stays':
          if (role === 'ephemeral') return `${how} Ephemeral containers are never started again.`;
          return event.exitCode === 0 ? how : `${how} ${s('It is', 'They are')} not started again: ${s('its', 'their')} restart policy says so.`;
        case 'newImage':
          return `${how} The kubelet starts ${s('it', 'them')} again with the new image.`;
        case 'untold':
          return how;
      }
    }
    case 'BackOff':
      return `${who} ${s('keeps', 'keep')} ${lastEventOf(trace, event.container, event.t, ['Exited'])?.reason === 'StartError' ? 'failing to start' : 'crashing'}: CrashLoopBackOff. The kubelet waits ${event.delay}s before the next start (the wait doubles, up to ${backOffCap(trace.pod.crashLoopBackOffMax)}).`;
    case 'ImageUpdated':
      if (role === 'init') {
        return `Init container ${who} now has the image ${event.image} in the pod spec. It is not restarted for that: a running or finished run keeps its old image; only a run after a failure uses the new one.`;
      }
      return `${role === 'sidecar' ? 'Native sidecar ' : ''}${who} now ${s('has', 'have')} the image ${event.image} in the pod spec (kubectl set image). The kubelet restarts ${s('it', 'them')} with it${role === 'sidecar' ? ' once started' : '; if already exited, only the restartPolicy can start it again'}.`;
    case 'Evicted':
      return `${event.volumeOverLimit !== undefined ? `More than its sizeLimit has been written to the emptyDir volume ${event.volumeOverLimit}` : event.containerOverLimit === undefined ? `The node is low on ${event.resource}, past a hard eviction threshold` : `Container ${event.containerOverLimit} has written more than its ephemeral-storage limit`}: the kubelet evicts the pod. It stops every container with its grace period cut to 1 s: preStop hooks and the sidecars' turn get a second at most, SIGKILL follows SIGTERM 2 s later. The pod ends Failed with reason Evicted; it stays in the API, and nothing in it starts again. A Deployment would create a new pod, on another node if this one is still short.`;
    case 'DeadlineExceeded':
      return `The pod has been active for ${event.t}s, past its activeDeadlineSeconds: the kubelet fails it (DeadlineExceeded) and stops every container, with preStop hooks and its grace period. Whatever the restart policy, nothing in it starts again; a Job would count it as a failed pod.`;
    case 'MountFailed':
      return `The volume ${event.volume} cannot be mounted: ${objectWords(event.object)} does not exist (FailedMount). Nothing of the pod starts, not even its sandbox, until it does; the kubelet tries again after 0.5 s, then twice as long each time, up to 2 min.`;
    case 'ObjectCreated':
      return `${upperFirst(objectWords(event.object))} is ${event.object.split('/').length > 2 ? 'added (kubectl edit)' : 'created (kubectl create)'}. The kubelet reads it at its next try to start what waits for it, within 10 s.`;
    case 'DeadlineUpdated':
      return event.activeDeadlineSeconds <= event.t
        ? `The pod's activeDeadlineSeconds is now ${event.activeDeadlineSeconds}: it has been active longer than that, so the kubelet stops it now and it fails with DeadlineExceeded.`
        : `The pod's activeDeadlineSeconds is now ${event.activeDeadlineSeconds} (an update of the running pod, which may only lower it): at ${event.activeDeadlineSeconds}s from its start the kubelet stops it, and it fails with DeadlineExceeded.`;
    case 'DeletionRequested':
      if (event.by === 'taint-eviction-controller') {
        return `The taint eviction controller deletes the pod, with its own grace period (${event.gracePeriod}s). The node is still down, so nothing can stop yet: the pod reads Terminating until the kubelet is back and finishes the job. A Deployment or other owner would already be starting a replacement on another node.`;
      }
      if (event.by === 'eviction-api') {
        return `The node is drained: through the Eviction API, the pod is marked DisruptionTarget and deleted, grace period ${event.gracePeriod}s. ${isNodeDownAt(trace, event.t) ? 'The node is down, so nothing can stop yet: the pod reads Terminating until the kubelet is back.' : 'The app containers stop first, native sidecars after them in reverse order.'}`;
      }
      if (isNodeDownAt(trace, event.t)) {
        return `Pod deleted, grace period ${event.gracePeriod}s. The node is down, so nothing can stop yet: the pod reads Terminating until the kubelet is back and finishes the job.`;
      }
      return `Pod deleted, grace period ${event.gracePeriod}s: the app containers stop first, native sidecars after them in reverse order.`;
    case 'PodDeleted':
      return 'Every container has stopped: the pod object is gone from the API.';
    case 'NodeShutdown':
      if (event.group) return shutdownByPriorityWords({ ...event, group: event.group });
      return event.killAt > event.t
        ? `The node is shutting down (graceful node shutdown). This is a critical pod: the kubelet stops the other pods first and this one at ${event.killAt}s, with a grace period of ${event.grace}s (shutdownGracePeriodCriticalPods, or its own if shorter). It then ends Failed (Terminated), marked DisruptionTarget, and the node powers off.`
        : `The node is shutting down (graceful node shutdown, as when a spot VM is reclaimed): the kubelet stops the pod now with a grace period of ${event.grace}s (shutdownGracePeriod minus the critical pods' share, or its own if shorter). It ends Failed (Terminated), marked DisruptionTarget, stays in the API, and nothing in it starts again; the node then powers off.`;
    case 'NodeDown':
      return `The node goes down (power off, kernel panic, reboot): every container dies at once, with no preStop and no SIGTERM. Until it is back at ${event.until}s the kubelet is gone, so the API keeps showing the last status it sent.`;
    case 'NodeUp':
      return 'The node is back; the kubelet starts and looks at what is left of the pod.';
    case 'NodeNotReady':
      return `No heartbeat from the node's kubelet for ${NODE_MONITOR_GRACE_PERIOD}s: the node controller marks the node NotReady and sets the pod's Ready condition to False, so Services stop sending it traffic. The container statuses are the last the kubelet sent: kubectl's READY column does not change.`;
    case 'TaintEviction':
      return `The node has carried the unreachable taint for ${event.t - taintedAt(trace, event.t)}s, as long as the pod tolerates it (300s unless its tolerations say otherwise): the taint eviction controller sets the pod's DisruptionTarget condition and deletes it.`;
    case 'TaintEvictionCancelled':
      return 'The node answered before the pod\'s toleration of the unreachable taint ran out: the taint is gone and the pending eviction is cancelled. The pod stays on this node.';
    case 'SandboxChanged':
      return "The pod's sandbox (its network namespace, its IP) died with the node, so the kubelet creates a new one: every init container runs again, in order, from the first, before the app starts again. Restart counts go on from where they were.";
    case 'PodPhase':
      return `The pod phase is now ${event.phase}${event.reason ? ` (${event.reason})` : ''}.`;
    case 'PodCondition':
      // Not the kubelet's, nor the eviction's DisruptionTarget: a readiness gate's, set by a client.
      if (!isKubeletOwned(event.condition) && event.condition !== 'DisruptionTarget') {
        return `A client sets condition ${event.condition} to ${event.status} through the API, as the controller behind a readiness gate does.`;
      }
      if (event.condition === 'Ready' && event.reason === 'ReadinessGatesNotReady') {
        return 'Condition Ready is now False: the containers are ready, but a readiness gate\'s condition is not True (ReadinessGatesNotReady). Services send it no traffic.';
      }
      if (event.condition === 'DisruptionTarget' && event.reason === 'EvictionByEvictionAPI') {
        return "Condition DisruptionTarget is now True (EvictionByEvictionAPI): unlike kubectl delete, an eviction first asks the pod's PodDisruptionBudget (Podlab plays none), then the API server marks the pod and deletes it. A Job's podFailurePolicy can tell this disruption from a failure of its own code (onPodConditions).";
      }
      if (event.condition === 'DisruptionTarget' && event.reason === 'TerminationByKubelet') {
        return "Condition DisruptionTarget is now True (TerminationByKubelet), sent with the Failed phase once every container has stopped: the pod was disrupted, not failed by its own code, which a Job's podFailurePolicy can tell (onPodConditions).";
      }
      return `Condition ${event.condition} is now ${event.status}.`;
  }
}

/** The node's longest crash-loop wait in words: 5 minutes by default. */
function backOffCap(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'}` : `${seconds}s`;
}

/** The pod's Ready condition at the end of instant t: True, or why not. */
function podReadyAt(trace: Trace, t: number): 'True' | string {
  const ready = valueAt(trace.conditions, t)?.find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? 'True' : (ready?.reason ?? 'unknown');
}

/** Whether a regular container started before `event` since the pod's sandbox was last made: the init sequence is done. */
function appStartedBefore(trace: Trace, event: TraceEvent): boolean {
  const roles = rolesOf(trace);
  for (let i = trace.events.indexOf(event) - 1; i >= 0; i--) {
    const earlier = trace.events[i]!;
    if (earlier.type === 'SandboxChanged') return false;
    if (earlier.type === 'Started' && roles[earlier.container] === 'regular') return true;
  }
  return false;
}

function isLastInit(trace: Trace, name: string): boolean {
  return trace.pod.initContainers.at(-1)?.name === name;
}

/** Stands for the subject while events are compared: two events with the same sentence about it group. */
const SOMEONE = '\u0000';

/** A sentence of a moment and the event it tells (the first one, when several containers share it). */
export interface MomentSentence {
  event: TraceEvent;
  text: string;
}

/**
 * The sentences for the events of one moment, in order: containers of the same role that did the
 * same thing share one sentence ("app-08, app-09 and app-10 are ready"), and a sentence is said
 * once.
 */
export function momentSentences(trace: Trace, events: TraceEvent[]): MomentSentence[] {
  const roles = rolesOf(trace);
  const groups = new Map<string, { event: TraceEvent; names: string[] }>();
  for (const event of lastStates(events)) {
    const name = 'container' in event ? event.container : null;
    const sentence = explainEvent(trace, event, name === null ? undefined : [SOMEONE]);
    if (sentence === null) continue;
    const key = name === null ? sentence : `${roles[name]} ${sentence}`;
    const group = groups.get(key);
    if (!group) groups.set(key, { event, names: name === null ? [] : [name] });
    else if (name !== null && !group.names.includes(name)) group.names.push(name);
  }
  return [...groups.values()].map(({ event, names }) => ({ event, text: explainEvent(trace, event, names.length ? names : undefined)! }));
}

/**
 * The moment's events without those a later one of the same moment undoes (a pod Pending, then
 * Running at the same instant, is Running then, as kubectl shows it; "now Pending" would be
 * wrong), nor those another one of the moment already says.
 */
function lastStates(events: TraceEvent[]): TraceEvent[] {
  const stateOf = (event: TraceEvent): string | null =>
    event.type === 'PodPhase' ? 'phase' : event.type === 'PodCondition' ? `condition ${event.condition}` : event.type === 'Ready' ? `ready ${event.container}` : null;
  const last = new Map<string, TraceEvent>();
  for (const event of events) {
    const state = stateOf(event);
    if (state !== null) last.set(state, event);
  }
  // A container that starts and counts as started at once said the second in the first, and one
  // stopped for its new image says what the image update does to it.
  const startedNow = new Set(events.flatMap((event) => (event.type === 'Started' ? [event.container] : [])));
  const stoppedForImage = new Set(events.flatMap((event) => (event.type === 'Killing' && event.reason === 'DefinitionChanged' ? [event.container] : [])));
  return events.filter((event) => {
    if (event.type === 'ContainerStarted' && startedNow.has(event.container)) return false;
    if (event.type === 'ImageUpdated' && stoppedForImage.has(event.container)) return false;
    const state = stateOf(event);
    return state === null || last.get(state) === event;
  });
}

/** Every sentence of a moment, in order (the pane shows the most telling of them: explain-importance). */
export function explainMoment(trace: Trace, events: TraceEvent[]): string[] {
  return momentSentences(trace, events).map((sentence) => sentence.text);
}

/** A start that failed: runc's words in full (they are one line), and whether the kubelet tries again. */
function startErrorWords(trace: Trace, event: TraceEvent, who: string, cause: string, s: (one: string, several: string) => string, ephemeral: boolean): string {
  const how = `The runtime created ${who} but could not start ${s('it', 'them')}${cause ? `: ${cause}` : ''}. Exit code 128 (StartError), though nothing ran`;
  switch (exitOutcome(trace, event)) {
    case 'again':
      return `${how}; the kubelet tries again at its next sync, then after a growing back-off (CrashLoopBackOff). Only a fixed image or command helps.`;
    case 'stays':
      return ephemeral ? `${how}; ephemeral containers are never started again.` : `${how}; ${s('its', 'their')} restart policy says not to start ${s('it', 'them')} again.`;
    default:
      return `${how}.`;
  }
}

/** When the node last got the unreachable taint before t: when the node controller marked the pod not ready. */
function taintedAt(trace: Trace, t: number): number {
  let at = t;
  for (const e of trace.events) {
    if (e.t > t) break;
    if (e.type === 'NodeDown') at = e.t + NODE_MONITOR_GRACE_PERIOD;
  }
  return at;
}

/** The termination message of the run of `container` that ended at t (in its state, or its last state once restarted). */
function exitMessage(trace: Trace, container: string, t: number): string | undefined {
  const status = containerStatusAt(trace, container, t);
  for (const state of [status?.state, status?.lastState]) {
    if (state?.terminated?.finishedAt === t) return state.terminated.message;
  }
  return undefined;
}

/** `configmap/app-config` as a reader says it: ConfigMap app-config; `…/KEY`: key KEY of ConfigMap app-config. */
function objectWords(object: string): string {
  const [kind, name, key] = object.split('/');
  const words = `${kind === 'secret' ? 'Secret' : 'ConfigMap'} ${name}`;
  return key === undefined ? words : `key ${key} of ${words}`;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A graceful node shutdown under shutdownGracePeriodByPodPriority, from the pod's side. */
function shutdownByPriorityWords({ t, killAt, grace, group, othersStopIn }: { t: number; killAt: number; grace: number; group: ShutdownGroup & { podPriority: number }; othersStopIn?: number }): string {
  const lower = othersStopIn === undefined ? "each lower group taken to use its whole period (the node's other pods are not played)" : `the lower groups' pods stopping in ${othersStopIn}s or their group's period`;
  const place =
    killAt > t
      ? `the groups below it go first, so this pod (priority ${group.podPriority}, in the group from ${group.priority}) is stopped at ${killAt}s, ${lower}`
      : `this pod (priority ${group.podPriority}, in the group from ${group.priority}) is stopped now, with no lower group to wait for`;
  const raised = grace > group.shutdownGracePeriodSeconds ? ', raised to 1 s' : '';
  return `The node is shutting down (graceful node shutdown by pod priority): the kubelet stops the node's pods group by group, lowest priority first, and moves on when a group's pods are gone or its period is up. Here ${place}, with a grace period of ${grace}s (the group's shutdownGracePeriodSeconds ${group.shutdownGracePeriodSeconds}, or its own if shorter${raised}). It then ends Failed (Terminated), marked DisruptionTarget, and the node powers off.`;
}


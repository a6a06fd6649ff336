/**
 * The engine's output: events in causal order, plus the history of every status the API server
 * would have shown, so that questions about any moment t are cheap binary searches.
 */
import type { HookKind, ProbeKind, QosClass, ShutdownGroup } from './types';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';
export type PodConditionType =
  | 'PodScheduled'
  | 'PodReadyToStartContainers'
  | 'Initialized'
  | 'ContainersReady'
  | 'Ready'
  /** Not the kubelet's: set by the controller that deletes the pod (here the taint eviction controller). */
  | 'DisruptionTarget'
  /** A readiness gate's own condition (`example.com/feature-1`), set by a client through the API. */
  | (string & {});
/** `Unknown` (exit code 255): containerd found the container's task gone after the node rebooted. */
/** StartError: the runtime created the container but could not start its process (exit code 128). */
export type ExitReason = 'Completed' | 'Error' | 'OOMKilled' | 'StartError' | 'Unknown' | 'ContainerStatusUnknown';

/** The Kubernetes Event the kubelet (or scheduler, or a controller) would record for a trace event. */
export interface KubeEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** The event's source component. */
  from: EventSource;
}

export type EventSource = 'kubelet' | 'default-scheduler' | 'node-controller' | 'taint-eviction-controller';
/** Who deleted the pod, when not the user: a controller, or the API server for an eviction. */
export type DeletionRequester = 'taint-eviction-controller' | 'eviction-api';

interface Base {
  /** Seconds since pod creation. */
  t: number;
  event?: KubeEvent;
}

export type TraceEvent = Base &
  (
    | { type: 'PodPhase'; phase: PodPhase; reason?: string }
    | { type: 'PodCondition'; condition: PodConditionType; status: 'True' | 'False'; reason?: string }
    | { type: 'Scheduled' }
    | { type: 'Pulling'; container: string; image: string }
    | { type: 'Pulled'; container: string; image: string; alreadyPresent: boolean }
    | { type: 'PullFailed'; container: string; image: string }
    /** An image pull held back by the image-pull backoff. */
    | { type: 'PullBackOff'; container: string; image: string; delay: number }
    | { type: 'Created'; container: string }
    /** A volume of the pod could not be mounted: its ConfigMap or Secret (`object`), or a key of it (`object/KEY`), does not exist. */
    | { type: 'MountFailed'; volume: string; object: string }
    /** The container's config reads a ConfigMap or Secret, or a key of one (`object/KEY`), that does not exist: CreateContainerConfigError. */
    | { type: 'ConfigMissing'; container: string; object: string }
    | { type: 'Started'; container: string; restartCount: number }
    /** The startup probe succeeded (or there is none): the container is `started`. */
    | { type: 'ContainerStarted'; container: string }
    | { type: 'HookStarted'; container: string; hook: HookKind }
    | { type: 'HookFinished'; container: string; hook: HookKind; failed: boolean }
    | { type: 'ProbeFailed'; container: string; probe: ProbeKind }
    /** A probe passed with a warning: an HTTP probe answered with a redirect to another host. */
    | { type: 'ProbeWarning'; container: string; probe: ProbeKind; location: string }
    | { type: 'Ready'; container: string; ready: boolean }
    | { type: 'Killing'; container: string; reason: KillReason; gracePeriod: number }
    | { type: 'Signal'; container: string; signal: 'SIGTERM' | 'SIGKILL' }
    | { type: 'Exited'; container: string; exitCode: number; reason: ExitReason; restartCount: number }
    | { type: 'BackOff'; container: string; delay: number }
    /** `by`: who deleted the pod when not the user (a controller; the API server for an eviction). */
    | { type: 'DeletionRequested'; gracePeriod: number; by?: DeletionRequester }
    /** The pod's spec now names a new image for this container (an API update; no Kubernetes Event). */
    | { type: 'ImageUpdated'; container: string; image: string }
    /** A missing ConfigMap or Secret was created, or a missing key added (an API update; no Kubernetes Event of the pod). */
    | { type: 'ObjectCreated'; object: string }
    /** The pod's spec now sets this activeDeadlineSeconds (an API update; no Kubernetes Event). */
    | { type: 'DeadlineUpdated'; activeDeadlineSeconds: number }
    /** The kubelet fails the pod for being active past its activeDeadlineSeconds. */
    | { type: 'DeadlineExceeded' }
    /**
     * The kubelet's eviction manager evicts the pod: the node ran low on `resource`, or
     * `containerOverLimit` wrote past its ephemeral-storage limit, or the emptyDir `volumeOverLimit`
     * was written past its sizeLimit (not `container`: the whole pod goes).
     */
    | { type: 'Evicted'; resource: string; containerOverLimit?: string; volumeOverLimit?: string }
    | { type: 'PodDeleted' }
    /**
     * The node starts shutting down (graceful node shutdown): the kubelet stops the pod at `killAt`
     * (later when groups of lower priority go first) with a grace period of `grace`. `group` is the
     * pod's group under shutdownGracePeriodByPodPriority; without it, `critical` says which of the
     * two groups that shutdownGracePeriod and shutdownGracePeriodCriticalPods make it is in.
     * `othersStopIn` is the action's: how long the lower groups' pods took.
     */
    | { type: 'NodeShutdown'; critical: boolean; killAt: number; grace: number; group?: ShutdownGroup & { podPriority: number }; othersStopIn?: number }
    /** The node went down: every process died, the kubelet stopped; the API keeps the last status it got. */
    | { type: 'NodeDown'; until: number }
    /** The node is back: containerd and the kubelet start again. */
    | { type: 'NodeUp' }
    /** The kubelet found the pod sandbox gone and creates a new one (attempt = the sandbox's Attempt). */
    | { type: 'SandboxChanged'; attempt: number }
    /** The node controller, without the kubelet's heartbeat for the grace period, set the pod's Ready condition False. */
    | { type: 'NodeNotReady' }
    /** The taint eviction controller's toleration time for the unreachable taint ran out: it deletes the pod. */
    | { type: 'TaintEviction' }
    /** The node is back before the toleration ran out: the pending eviction is cancelled. */
    | { type: 'TaintEvictionCancelled' }
  );

export type TraceEventType = TraceEvent['type'];
export type KillReason =
  | 'PodDeleted'
  | 'PodCompleted'
  | 'InitContainerFailed'
  | 'DeadlineExceeded'
  /** The kubelet's eviction manager stops the pod (node pressure). */
  | 'Evicted'
  /** The kubelet's shutdown manager stops the pod: its node is shutting down. */
  | 'NodeShutdown'
  | 'LivenessProbeFailed'
  | 'StartupProbeFailed'
  | 'FailedPostStartHook'
  /** The spec's image differs from the running container's (the kubelet's reason is empty). */
  | 'DefinitionChanged';

/** Kubernetes API `ContainerState` (times in seconds since pod creation instead of RFC 3339). */
export interface ContainerState {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: number };
  terminated?: {
    exitCode: number;
    reason: string;
    message?: string;
    startedAt?: number;
    finishedAt: number;
  };
}

/** Kubernetes API `ContainerStatus`. */
export interface ContainerStatus {
  name: string;
  image: string;
  state: ContainerState;
  lastState: ContainerState;
  ready: boolean;
  started: boolean;
  restartCount: number;
}

export interface PodCondition {
  type: PodConditionType;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
  lastTransitionTime: number;
}

/** A value that changed over time: one entry per change, t ascending. */
export type History<T> = { t: number; value: T }[];

export interface Trace {
  events: TraceEvent[];
  /** Pod time the simulation ran to. */
  end: number;
  /** Whether the pod reached its end (deleted, or terminal with every container stopped) by `end`. */
  finished: boolean;
  pod: {
    name: string;
    namespace: string;
    initContainers: { name: string; sidecar: boolean }[];
    containers: string[];
    /** Those `kubectl debug` adds: their statuses are the pod's ephemeralContainerStatuses. */
    ephemeralContainers: string[];
    /** `status.qosClass`, set at creation and never changed. */
    qosClass: QosClass;
    /** The longest crash-loop back-off on the node, in seconds (300 unless its kubelet says otherwise). */
    crashLoopBackOffMax: number;
  };
  phase: History<{ phase: PodPhase; reason?: string; message?: string }>;
  conditions: History<PodCondition[]>;
  /** When deletion was requested and with which grace period. */
  deletion?: { t: number; gracePeriod: number };
  /** When the pod object disappeared from the API. */
  deletedAt?: number;
  containerStatuses: Record<string, History<ContainerStatus>>;
  /** Every probe run, when `simulate` was asked for them (SimulateOptions.probeRuns). */
  probeRuns?: ProbeRun[];
}

/** One run of a probe's handler and what it returned. */
export interface ProbeRun {
  t: number;
  /** How many trace events came before it: its place in the causal order. */
  afterEvents: number;
  container: string;
  probe: ProbeKind;
  passed: boolean;
}

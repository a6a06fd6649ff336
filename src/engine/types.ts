/**
 * The engine's input and output. The input is a Pod already normalised by `src/scenario/`
 * (defaults applied, behaviours resolved); the output is a Trace: plain JSON data.
 */

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';
export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';
/**
 * init: ordinary init container; sidecar: init container with restartPolicy Always; regular:
 * spec.containers; ephemeral: spec.ephemeralContainers, which `kubectl debug` adds to a running pod.
 */
export type ContainerRole = 'init' | 'sidecar' | 'regular' | 'ephemeral';
export type ProbeKind = 'startup' | 'readiness' | 'liveness';
export type HookKind = 'postStart' | 'preStop';
/** How the kubelet fills a terminated state's message: from the file, or also from the log on a failure. */
export type TerminationMessagePolicy = 'File' | 'FallbackToLogsOnError';

/** A probe's timing, with the API defaults applied (period 10, timeout 1, thresholds 1 and 3). */
export interface ProbeTiming {
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  /** Probe-level grace period for liveness/startup kills. */
  terminationGracePeriodSeconds?: number;
  /** How the kubelet probes; only shapes the failure message. */
  handler: 'exec' | 'httpGet' | 'tcpSocket' | 'grpc';
}

/** When one probe passes: from `startup` until `unhealthyAfter` (seconds from the container's start). */
export interface HealthWindow {
  startup: number;
  unhealthyAfter: number | null;
}

/** One probe's own answers over the container's: its window, field by field, and a redirect. */
export interface ProbeAnswers extends Partial<HealthWindow> {
  /**
   * Where an HTTP probe is redirected (302 Found) on another host. The kubelet follows a redirect
   * only on the same host; this one it counts as a success with a warning (pkg/probe/http).
   */
  redirect?: string;
}

/** What the process does when it runs. Times in seconds from the container's start. */
export interface RunBehavior {
  /** Exits on its own this long after start; null: runs until stopped. */
  run: number | null;
  exitCode: number;
  /** The own exit is an OOM kill: exit code 137, reason OOMKilled. */
  oom: boolean;
  /** Probes fail until this long after start. */
  startup: number;
  /** Probes fail from this long after start on; null: never. */
  unhealthyAfter: number | null;
  /** One probe's own answers, its window field by field over `startup` and `unhealthyAfter` (e.g. the database is down: readiness fails, liveness passes). */
  probes: Partial<Record<ProbeKind, ProbeAnswers>>;
  postStart: number;
  postStartFails: boolean;
  preStop: number;
  /** The preStop hook returns an error (FailedPreStopHook); the kill goes on regardless. */
  preStopFails: boolean;
  /** Seconds from SIGTERM to exit; 'ignore': only SIGKILL stops it. */
  stop: number | 'ignore';
  stopExitCode: number;
  pull: number;
  pullFailures: number;
  /** What the process has written to its termination-message file (terminationMessagePath) when it exits. */
  message: string;
  /** What it has printed (stdout and stderr, as its log holds them) when it exits. */
  logs: string;
  /**
   * Why the runtime cannot start the process, in runc's words (`exec: "migrate": executable file
   * not found in $PATH`); '': it starts. A start that fails ends at once in StartError, exit code 128.
   */
  startError: string;
}

export interface Behavior extends RunBehavior {
  /** Overrides for the 1st, 2nd, ... run (index = restartCount). */
  attempts: Partial<RunBehavior>[];
}

/**
 * A rule of a regular container's restartPolicyRules (KEP-5307 ContainerRestartRules, beta and on
 * by default since 1.35): restart the container when its exit code is (In) or is not (NotIn) one of
 * `values`. "Restart" is the only action the API server accepts by default.
 */
export interface ContainerRestartRule {
  action: 'Restart';
  exitCodes: { operator: 'In' | 'NotIn'; values: number[] };
}

export interface ContainerModel {
  name: string;
  image: string;
  role: ContainerRole;
  imagePullPolicy: PullPolicy;
  terminationMessagePolicy: TerminationMessagePolicy;
  startupProbe?: ProbeTiming;
  readinessProbe?: ProbeTiming;
  livenessProbe?: ProbeTiming;
  /** Whether the spec declares the hook. */
  hooks: { postStart: boolean; preStop: boolean };
  /**
   * The container's own restartPolicy, over the pod's: any of the three for a regular container,
   * OnFailure or Never for a plain init container (a sidecar's Always is its role). Absent: the pod's.
   */
  restartPolicy?: RestartPolicy;
  /** Checked in order when the container exits, before its restartPolicy (set whenever these are). */
  restartPolicyRules?: ContainerRestartRule[];
  /** `resources.limits.ephemeral-storage`, as written: the eviction message names it. */
  ephemeralStorageLimit?: string;
  /** The ConfigMaps and Secrets its environment reads, in the kubelet's order: envFrom, then env. */
  configRefs?: ConfigRef[];
  /** An ephemeral container's `targetContainerName`: whose process namespace it joins. */
  targetContainerName?: string;
  behavior: Behavior;
}

/** A ConfigMap or Secret a container's environment reads: `configmap/NAME` or `secret/NAME`. */
export interface ConfigRef {
  object: string;
  /** The key an env variable reads of it (absent: envFrom, which reads them all). */
  key?: string;
  /** `optional: true`: a missing object or key is skipped, not an error. */
  optional: boolean;
}

/** A ConfigMap or Secret volume that a container mounts, not optional: `keys` are those its `items` name. */
export interface VolumeObject {
  volume: string;
  object: string;
  keys?: string[];
}

export type PodAction =
  | { at: number; do: 'delete'; gracePeriodSeconds?: number }
  /** From `at` on, the container's spec names this image (`kubectl set image`); the kubelet restarts it. */
  | { at: number; do: 'set-image'; container: string; image: string }
  /** `kubectl debug`: the ephemeral container of that name is added to the pod's spec (the ephemeralcontainers subresource). */
  | { at: number; do: 'debug'; container: string }
  | { at: number; do: 'kill'; container: string; exitCode: number; oom: boolean }
  /**
   * The node goes down at `at` (every process dies at once, no preStop, no grace) and is back `down`
   * seconds later, when the kubelet finds the pod sandbox gone and re-creates it.
   */
  | { at: number; do: 'reboot-node'; down: number }
  /** From `at` on, the container's probes (only `probe`, when given) fail. */
  | { at: number; do: 'fail-probes'; container: string; probe?: ProbeKind }
  /**
   * A client patches the pod's status with this condition (`kubectl patch --subresource=status`),
   * as the controller behind a readiness gate does; the kubelet then works Ready out again.
   */
  | { at: number; do: 'set-condition'; condition: string; status: 'True' | 'False' }
  /** The pod's spec.activeDeadlineSeconds is set, or lowered, to this (an update of the running pod). */
  | { at: number; do: 'set-deadline'; activeDeadlineSeconds: number }
  /**
   * The kubelet's eviction manager evicts the pod: the node runs low on `resource` past a hard
   * threshold; or, with `container`, that container writes more than its ephemeral-storage limit;
   * or, with `volume`, more than that emptyDir's sizeLimit is written to it.
   */
  | { at: number; do: 'evict'; resource: EvictionResource; container?: string; volume?: string }
  /**
   * An API-initiated eviction, what `kubectl drain` asks for each pod on the node: the API server
   * marks the pod disrupted, then deletes it (with `gracePeriodSeconds` when given, as
   * `kubectl drain --grace-period` does).
   */
  | { at: number; do: 'drain'; gracePeriodSeconds?: number }
  /**
   * The node shuts down (a spot instance reclaimed, `systemctl poweroff`) with graceful node shutdown
   * on. `othersStopIn`: how long the node's other pods, in the groups below this pod's priority, take
   * to stop (a group waits at most its period); left out, each such group takes its whole period.
   */
  | { at: number; do: 'shutdown-node'; othersStopIn?: number }
  /**
   * A missing ConfigMap or Secret (`configmap/NAME`) is created, as `kubectl create` does, or a
   * missing key (`configmap/NAME/KEY`) is added to its object.
   */
  | { at: number; do: 'create'; object: string };

/** What a node can run low on, as the kubelet's eviction signals name it. */
export type EvictionResource = 'memory' | 'ephemeral-storage' | 'pid';

/** A `spec.tolerations` entry as written (empty key with Exists: every taint; empty effect: every effect). */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  /** How long a NoExecute taint is tolerated; absent: forever. */
  tolerationSeconds?: number;
}

/** A pod's quality of service class, from its containers' cpu and memory requests and limits. */
export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

export interface PodModel {
  name: string;
  namespace: string;
  restartPolicy: RestartPolicy;
  terminationGracePeriodSeconds: number;
  activeDeadlineSeconds?: number;
  /** The spec's own tolerations, before the API server's DefaultTolerationSeconds admission adds its defaults. */
  tolerations?: Toleration[];
  /** `spec.readinessGates`: condition types that must also be True for the pod to be Ready. */
  readinessGates?: string[];
  /** `status.qosClass`, which the API server sets at creation from the resources (absent: BestEffort). */
  qosClass?: QosClass;
  /** The node's kubelet configuration, when not the defaults (`podlab.dev/kubelet`). */
  kubelet?: KubeletConfig;
  /**
   * `spec.priority`, as the priority admission plugin sets it from the priorityClassName (absent: 0,
   * the priority when no default class exists). It decides when a graceful node shutdown stops the pod.
   */
  priority?: number;
  /** The emptyDir volumes with a `sizeLimit`, as written, by name: the eviction message names it. */
  emptyDirSizeLimits?: Record<string, string>;
  /**
   * The ConfigMaps and Secrets its containers use that do not exist when it is created, and the keys
   * they read that their object lacks: `configmap/NAME`, `secret/NAME/KEY` (`podlab.dev/missing`).
   */
  missingObjects?: string[];
  /** Its ConfigMap and Secret volumes that a container mounts and that are not optional. */
  volumeObjects?: VolumeObject[];
  initContainers: ContainerModel[];
  containers: ContainerModel[];
  /** Added only by a `debug` action each: a pod is never created with them. */
  ephemeralContainers?: ContainerModel[];
  actions: PodAction[];
}

/**
 * The kubelet feature gates Podlab plays: KubeletCrashLoopBackOffMax (beta, on by default since
 * 1.35) and ReduceDefaultCrashLoopBackOffDecay (alpha, off).
 */
export type KubeletFeatureGate = 'KubeletCrashLoopBackOffMax' | 'ReduceDefaultCrashLoopBackOffDecay';

/** What Podlab plays of the node's KubeletConfiguration; absent fields are the 1.35 defaults. */
export interface KubeletConfig {
  featureGates?: Partial<Record<KubeletFeatureGate, boolean>>;
  /** `crashLoopBackOff.maxContainerRestartPeriod`, in seconds (not with KubeletCrashLoopBackOffMax off). */
  maxContainerRestartPeriod?: number;
  /** `shutdownGracePeriod`, seconds: how long a shutting-down node waits for its pods (0: graceful node shutdown off). */
  shutdownGracePeriod?: number;
  /** `shutdownGracePeriodCriticalPods`, seconds: the end of that wait kept for critical pods. */
  shutdownGracePeriodCriticalPods?: number;
  /** `shutdownGracePeriodByPodPriority`: the shutdown's groups, each from its priority up (not with the two above). */
  shutdownGracePeriodByPodPriority?: ShutdownGroup[];
}

/** One group of a graceful node shutdown: the pods from `priority` up to the next group's, and how long they get. */
export interface ShutdownGroup {
  priority: number;
  shutdownGracePeriodSeconds: number;
}

export interface SimulateOptions {
  /** Stop the simulation at this pod time (seconds). Default: when the pod is gone or finished, at most 600 s. */
  until?: number;
  /**
   * Also record every probe run, passed or failed, in `Trace.probeRuns` (as a node's log of its probe
   * commands would show them). Off by default: a long run holds many.
   */
  probeRuns?: boolean;
}

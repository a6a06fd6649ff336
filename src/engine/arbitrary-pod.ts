/**
 * fast-check arbitraries of the engine's input, for the property tests: pods of every shape the
 * composer accepts, with times kept small so that one simulation stays cheap. Every generated pod
 * also passes the scenario validator (`podManifest`, in pod-manifest.ts, writes the manifest that
 * parses back to it).
 */
import fc from 'fast-check';
import { DEFAULT_BEHAVIOR } from './default-behavior';
import { SYSTEM_NODE_CRITICAL } from './shutdown-groups';
import type {
  Behavior,
  ContainerModel,
  ContainerRestartRule,
  EvictionResource,
  HealthWindow,
  KubeletConfig,
  PodAction,
  PodModel,
  ProbeKind,
  ProbeTiming,
  RestartPolicy,
  RunBehavior,
  ShutdownGroup,
} from './types';

const shutdownGroup: fc.Arbitrary<ShutdownGroup> = fc.record({ priority: fc.integer({ min: -10, max: 3000 }), shutdownGracePeriodSeconds: fc.integer({ min: 0, max: 30 }) });

/** Seconds in half-second steps: fractions exercise the millisecond rounding and whole-second truncation. */
const seconds = (max: number) => fc.integer({ min: 0, max: 2 * max }).map((n) => n / 2);
const rarely = <T>(usual: T, rare: fc.Arbitrary<T>, odds = 3) =>
  fc.oneof({ arbitrary: fc.constant(usual), weight: odds }, { arbitrary: rare, weight: 1 });
/** Absent about half the time (fc.option's `freq` is the inverse odds of the absent value). */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });

const dnsLabel = fc.stringMatching(/^[a-z]([a-z0-9-]{0,6}[a-z0-9])?$/);
const exitCode = fc.constantFrom(0, 1, 137);
const restartPolicy = fc.constantFrom<RestartPolicy>('Always', 'OnFailure', 'Never');

/** A regular container's own restart policy and rules, about one time in four (rules only beside a policy). */
type OwnRestart = Pick<ContainerModel, 'restartPolicy' | 'restartPolicyRules'>;
const restartRule: fc.Arbitrary<ContainerRestartRule> = fc.record({
  action: fc.constant('Restart' as const),
  exitCodes: fc.record({ operator: fc.constantFrom<'In' | 'NotIn'>('In', 'NotIn'), values: fc.subarray([0, 1, 137]) }),
});
const ownRestart: fc.Arbitrary<OwnRestart> = rarely<OwnRestart>(
  {},
  fc
    .record({ restartPolicy, rules: maybe(fc.array(restartRule, { minLength: 1, maxLength: 2 })) })
    .map(({ restartPolicy: policy, rules }) => (rules ? { restartPolicy: policy, restartPolicyRules: rules } : { restartPolicy: policy })),
);
/** A plain init container may set OnFailure or Never over the pod's policy. */
const ownInitRestart: fc.Arbitrary<OwnRestart> = rarely<OwnRestart>({}, fc.constantFrom<RestartPolicy>('OnFailure', 'Never').map((p) => ({ restartPolicy: p })));

const probeKind = fc.constantFrom<ProbeKind>('startup', 'readiness', 'liveness');
const healthWindow: fc.Arbitrary<Partial<HealthWindow>> = fc.record(
  { startup: seconds(10), unhealthyAfter: fc.option(seconds(60), { nil: null, freq: 2 }) },
  { requiredKeys: [] },
);

const runFields = {
  run: fc.option(seconds(120), { nil: null, freq: 4 }),
  exitCode,
  oom: rarely(false, fc.constant(true)),
  startup: rarely(0, seconds(10)),
  unhealthyAfter: fc.option(seconds(60), { nil: null, freq: 2 }),
  probes: rarely({}, fc.dictionary(probeKind, healthWindow, { maxKeys: 3 })),
  postStart: seconds(5),
  postStartFails: rarely(false, fc.constant(true)),
  preStop: seconds(10),
  preStopFails: rarely(false, fc.constant(true)),
  stop: fc.oneof(seconds(10), fc.constant('ignore' as const)),
  stopExitCode: fc.constantFrom(0, 1, 143),
  pull: rarely(0, seconds(5)),
  pullFailures: rarely(0, fc.integer({ min: 1, max: 2 })),
  message: rarely('', fc.string({ maxLength: 12 })),
  logs: rarely('', fc.string({ maxLength: 12 })),
  // Rare: a container that never runs leaves the other rules little to exercise.
  startError: rarely('', fc.constant('exec: "app": executable file not found in $PATH'), 12),
};

const behavior: fc.Arbitrary<Behavior> = fc.record({
  ...runFields,
  attempts: fc.array(fc.record(runFields, { requiredKeys: [] }), { maxLength: 3 }),
});

function probe(kind: ProbeKind): fc.Arbitrary<ProbeTiming> {
  return fc
    .record(
      {
        initialDelaySeconds: fc.integer({ min: 0, max: 3 }),
        timeoutSeconds: fc.constant(1),
        periodSeconds: fc.integer({ min: 1, max: 5 }),
        successThreshold: kind === 'readiness' ? fc.integer({ min: 1, max: 2 }) : fc.constant(1),
        failureThreshold: fc.integer({ min: 1, max: 3 }),
        terminationGracePeriodSeconds: fc.integer({ min: 1, max: 5 }),
        handler: fc.constantFrom('exec', 'httpGet', 'tcpSocket', 'grpc'),
      },
      {
        requiredKeys: ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'handler'],
      },
    )
    .map((timing) => {
      // The API forbids a probe-level grace period on readiness probes.
      if (kind === 'readiness') delete timing.terminationGracePeriodSeconds;
      return timing;
    });
}

type Unnamed = Omit<ContainerModel, 'name' | 'image'> & { tag: string };

const imageTag = fc.constantFrom('1.0', 'latest');
const pullPolicy = fc.constantFrom<ContainerModel['imagePullPolicy']>('IfNotPresent', 'IfNotPresent', 'Always', 'Never');
const messagePolicy = fc.constantFrom<ContainerModel['terminationMessagePolicy']>('File', 'FallbackToLogsOnError');

const ordinaryInit: fc.Arbitrary<Unnamed> = fc
  .record({
    role: fc.constant('init' as const),
    tag: imageTag,
    imagePullPolicy: pullPolicy,
    terminationMessagePolicy: messagePolicy,
    hooks: fc.constant({ postStart: false, preStop: false }),
    behavior,
    own: ownInitRestart,
  })
  .map(({ own, ...rest }) => ({ ...rest, ...own }));

/** What `kubectl debug` adds: no probes, no hooks, no restart policy (the API forbids them). */
const debugContainer: fc.Arbitrary<Unnamed> = fc.record({
  role: fc.constant('ephemeral' as const),
  tag: imageTag,
  imagePullPolicy: pullPolicy,
  terminationMessagePolicy: messagePolicy,
  hooks: fc.constant({ postStart: false, preStop: false }),
  behavior,
});

/** Sidecars and regular containers: the ones that may have probes and hooks. */
function probedContainer(role: 'sidecar' | 'regular'): fc.Arbitrary<Unnamed> {
  return fc
    .record({
      tag: imageTag,
      imagePullPolicy: pullPolicy,
      terminationMessagePolicy: messagePolicy,
      hooks: fc.record({ postStart: rarely(false, fc.constant(true)), preStop: rarely(false, fc.constant(true)) }),
      behavior,
      startupProbe: maybe(probe('startup')),
      readinessProbe: maybe(probe('readiness')),
      livenessProbe: maybe(probe('liveness')),
      own: role === 'regular' ? ownRestart : fc.constant({}),
    })
    .map(({ startupProbe, readinessProbe, livenessProbe, own, ...rest }) => ({
      role,
      ...rest,
      ...own,
      ...(startupProbe ? { startupProbe } : {}),
      ...(readinessProbe ? { readinessProbe } : {}),
      ...(livenessProbe ? { livenessProbe } : {}),
    }));
}

/** An action on the container at index `target` (modulo the number of containers). */
type UnboundAction =
  | { at: number; do: 'delete'; gracePeriodSeconds?: number }
  | { at: number; do: 'drain'; gracePeriodSeconds?: number }
  | { at: number; do: 'kill'; target: number; exitCode: number; oom: boolean }
  | { at: number; do: 'fail-probes'; target: number; probe?: ProbeKind }
  | { at: number; do: 'set-image'; target: number; image: string }
  | { at: number; do: 'reboot-node'; down: number }
  | { at: number; do: 'evict'; resource: EvictionResource }
  /** On the readiness gate at index `gate` (modulo the number of gates; dropped when there are none). */
  | { at: number; do: 'set-condition'; gate: number; status: 'True' | 'False' };

/** Readiness gates' condition types, of which a pod lists none (mostly), one or two. */
const GATES = ['example.com/lb-ready', 'example.com/warmed'];

function actionArb(maxAt: number): fc.Arbitrary<UnboundAction> {
  const at = seconds(maxAt);
  return fc.oneof(
    fc
      .record({ at, kind: rarely('delete' as const, fc.constant('drain' as const)), grace: maybe(fc.integer({ min: 0, max: 10 })) })
      .map(({ at, kind, grace }): UnboundAction => (grace === undefined ? { at, do: kind } : { at, do: kind, gracePeriodSeconds: grace })),
    fc.record({ at, do: fc.constant('kill' as const), target: fc.nat(5), exitCode, oom: rarely(false, fc.constant(true)) }),
    fc.record({ at, do: fc.constant('fail-probes' as const), target: fc.nat(5), probe: maybe(probeKind) }, { requiredKeys: ['at', 'do', 'target'] }),
    fc.record({ at, do: fc.constant('set-image' as const), target: fc.nat(5), image: fc.constantFrom('example/v2:1.0', 'example/v3:1.0') }),
    fc.record({ at, do: fc.constant('reboot-node' as const), down: seconds(40) }),
    fc.record({ at, do: fc.constant('evict' as const), resource: fc.constantFrom<EvictionResource>('memory', 'ephemeral-storage', 'pid') }),
    fc.record({ at, do: fc.constant('set-condition' as const), gate: fc.nat(1), status: fc.constantFrom<'True' | 'False'>('True', 'False') }),
  );
}

function bind(actions: UnboundAction[], names: string[], gates: string[]): PodAction[] {
  let nodeUpAt = -1;
  return actions
    .filter((a) => a.do !== 'set-condition' || gates.length > 0)
    .map((a): PodAction => {
      if (a.do === 'delete' || a.do === 'drain' || a.do === 'reboot-node' || a.do === 'evict') return a;
      if (a.do === 'set-condition') return { at: a.at, do: 'set-condition', condition: gates[a.gate % gates.length]!, status: a.status };
      const container = names[a.target % names.length]!;
      if (a.do === 'set-image') return { at: a.at, do: 'set-image', container, image: a.image };
      return a.do === 'kill'
        ? { at: a.at, do: 'kill', container, exitCode: a.exitCode, oom: a.oom }
        : { at: a.at, do: 'fail-probes', container, ...(a.probe ? { probe: a.probe } : {}) };
    })
    .sort((a, b) => a.at - b.at)
    // The gate rejects a reboot while the node is still down from the one before.
    .filter((a) => {
      if (a.do !== 'reboot-node') return true;
      if (a.at < nodeUpAt) return false;
      nodeUpAt = a.at + a.down;
      return true;
    });
}

function named(c: Unnamed, name: string): ContainerModel {
  const { tag, ...rest } = c;
  return { name, image: `registry.example/${name}:${tag}`, ...rest };
}

/** Up to 3 init containers, 3 regular ones and an ephemeral one. */
const MAX_CONTAINERS = 7;

/**
 * Any pod: 0–3 init containers (regular ones and native sidecars in any order), 1–3 regular
 * containers, any restart policy (the pod's, and now and then a container's own, with rules),
 * behaviours, probes, hooks, now and then readiness gates and an ephemeral container that
 * `kubectl debug` adds, and up to three user actions in the first 200 s.
 */
export const arbitraryPod: fc.Arbitrary<PodModel> = fc
  .record({
    name: dnsLabel,
    names: fc.uniqueArray(dnsLabel, { minLength: MAX_CONTAINERS, maxLength: MAX_CONTAINERS }),
    restartPolicy,
    terminationGracePeriodSeconds: fc.integer({ min: 0, max: 10 }),
    activeDeadlineSeconds: rarely<number | undefined>(undefined, fc.integer({ min: 1, max: 200 }), 5),
    initContainers: fc.array(fc.oneof(ordinaryInit, probedContainer('sidecar')), { maxLength: 3 }),
    containers: fc.array(probedContainer('regular'), { minLength: 1, maxLength: 3 }),
    actions: fc.array(actionArb(200), { maxLength: 3 }),
    gates: rarely(0, fc.integer({ min: 1, max: GATES.length })),
    debugged: rarely<{ at: number; c: Unnamed } | undefined>(undefined, fc.record({ at: seconds(200), c: debugContainer }), 4),
    // Now and then a node with graceful node shutdown (by pod priority now and then), which shuts down.
    shutdown: rarely<{ at: number; period: number; criticalShare: number; critical: boolean; groups: ShutdownGroup[] | undefined; priority: number; othersStopIn: number | undefined } | undefined>(
      undefined,
      fc.integer({ min: 1, max: 30 }).chain((period) =>
        fc.record({
          at: seconds(200),
          period: fc.constant(period),
          criticalShare: fc.integer({ min: 0, max: period }),
          critical: fc.boolean(),
          groups: rarely(undefined, fc.array(shutdownGroup, { minLength: 1, maxLength: 3 }), 2),
          priority: fc.integer({ min: -10, max: 3000 }),
          othersStopIn: rarely(undefined, fc.integer({ min: 0, max: 30 }), 2),
        }),
      ),
      4,
    ),
  })
  .map((p) => {
    const initContainers = p.initContainers.map((c, i) => named(c, p.names[i]!));
    const containers = p.containers.map((c, i) => named(c, p.names[3 + i]!));
    const model: PodModel = {
      name: p.name,
      namespace: 'default',
      restartPolicy: p.restartPolicy,
      terminationGracePeriodSeconds: p.terminationGracePeriodSeconds,
      initContainers,
      containers,
      actions: bind(p.actions, [...initContainers, ...containers].map((c) => c.name), GATES.slice(0, p.gates)),
    };
    if (p.debugged) {
      const debug = named(p.debugged.c, p.names[6]!);
      model.ephemeralContainers = [debug];
      model.actions = [...model.actions, { at: p.debugged.at, do: 'debug' as const, container: debug.name }].sort((a, b) => a.at - b.at);
    }
    if (p.activeDeadlineSeconds !== undefined) model.activeDeadlineSeconds = p.activeDeadlineSeconds;
    if (p.gates > 0) model.readinessGates = GATES.slice(0, p.gates);
    if (p.shutdown) {
      const { at, period, criticalShare, critical, groups, priority, othersStopIn } = p.shutdown;
      if (groups) {
        // At least one second in all, or the node would not wait for its pods at all.
        model.kubelet = { shutdownGracePeriodByPodPriority: groups.map((g, i) => (i === 0 ? { ...g, shutdownGracePeriodSeconds: Math.max(1, g.shutdownGracePeriodSeconds) } : g)) };
        if (priority !== 0) model.priority = priority;
      } else {
        model.kubelet = { shutdownGracePeriod: period, ...(criticalShare > 0 ? { shutdownGracePeriodCriticalPods: criticalShare } : {}) };
        if (critical) model.priority = SYSTEM_NODE_CRITICAL;
      }
      const shutdown = othersStopIn === undefined ? { at, do: 'shutdown-node' as const } : { at, do: 'shutdown-node' as const, othersStopIn };
      model.actions = [...model.actions, shutdown].sort((a, b) => a.at - b.at);
    }
    return model;
  });


const crashRun = fc.oneof({ arbitrary: seconds(30), weight: 3 }, { arbitrary: seconds(700), weight: 1 });

/**
 * Pods where nothing but crash-loop backoff decides when a container restarts: 1–3 regular
 * containers that exit on their own or are killed, images present, no init containers, probes,
 * hooks or deletion; some with a restart policy and rules of their own. Runs may last past the
 * 600 s that resets the backoff.
 */
export const arbitraryCrashLoopPod: fc.Arbitrary<PodModel> = fc
  .record({
    names: fc.uniqueArray(dnsLabel, { minLength: 3, maxLength: 3 }),
    restartPolicy: fc.constantFrom<RestartPolicy>('Always', 'OnFailure'),
    containers: fc.array(
      fc.record({
        run: crashRun,
        exitCode,
        attempts: fc.array(fc.record({ run: crashRun, exitCode }, { requiredKeys: [] }), { maxLength: 8 }),
        own: ownRestart,
      }),
      { minLength: 1, maxLength: 3 },
    ),
    kills: fc.array(
      fc.record({ at: seconds(2000), do: fc.constant('kill' as const), target: fc.nat(2), exitCode, oom: fc.constant(false) }),
      { maxLength: 3 },
    ),
    // The node's crash-loop settings (KEP-4603's alpha gates), now and then.
    node: maybe(fc.record({ reduced: fc.boolean(), max: maybe(fc.integer({ min: 1, max: 300 })), maxOff: fc.boolean() })),
  })
  .map((p) => {
    const containers = p.containers.map(
      ({ run, exitCode: code, attempts, own }, i): ContainerModel => ({
        name: p.names[i]!,
        image: `registry.example/${p.names[i]}:1.0`,
        role: 'regular',
        imagePullPolicy: 'IfNotPresent',
        terminationMessagePolicy: 'File',
        hooks: { postStart: false, preStop: false },
        behavior: { ...DEFAULT_BEHAVIOR, run, exitCode: code, attempts: attempts as Partial<RunBehavior>[] },
        ...own,
      }),
    );
    const kubelet = p.node && kubeletConfig(p.node.reduced, p.node.max, p.node.maxOff);
    return {
      name: 'crashloop',
      namespace: 'default',
      restartPolicy: p.restartPolicy,
      terminationGracePeriodSeconds: 30,
      initContainers: [],
      containers,
      actions: bind(p.kills, containers.map((c) => c.name), []),
      ...(kubelet ? { kubelet } : {}),
    };
  });

/**
 * ReduceDefaultCrashLoopBackOffDecay when `reduced`; the node's longest wait `max`; without one,
 * KubeletCrashLoopBackOffMax off when `maxOff` (on by default, it may be named or not).
 */
function kubeletConfig(reduced: boolean, max: number | undefined, maxOff: boolean): KubeletConfig {
  const gates = { ...(reduced ? { ReduceDefaultCrashLoopBackOffDecay: true } : {}), ...(max === undefined && maxOff ? { KubeletCrashLoopBackOffMax: false } : {}) };
  return { ...(Object.keys(gates).length > 0 ? { featureGates: gates } : {}), ...(max === undefined ? {} : { maxContainerRestartPeriod: max }) };
}

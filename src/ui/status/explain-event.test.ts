import { describe, expect, it } from 'vitest';
import { runOf } from '../../app/derived';
import { BUSY_POD } from '../../app/fixtures/busy-pod';
import type { Trace } from '../../engine/trace';
import { namesOf } from '../shared/names';
import { explainEvent, explainMoment } from './explain-event';

const busy = runOf(BUSY_POD, null)!.trace;
const readyOf = (container: string) => busy.events.find((e) => e.type === 'Ready' && e.container === container && e.ready)!;

/** Five app containers with nothing to wait for: they start, and are ready, at the same moment. */
const FIVE_APPS = `apiVersion: v1
kind: Pod
metadata:
  name: five
spec:
  containers:
${['a', 'b', 'c', 'd', 'e'].map((name) => `    - name: ${name}\n      image: nginx:1.27\n`).join('')}`;

const momentOf = (trace: Trace, type: string) => {
  const t = trace.events.find((e) => e.type === type)!.t;
  return trace.events.filter((e) => e.t === t);
};

describe('plain words for a trace event', () => {
  it('say that a regular init container reads ready because it is done, not that it takes traffic', () => {
    const words = explainEvent(busy, readyOf('setup'))!;
    expect(words).toContain('setup exited with code 0');
    expect(words).not.toContain('traffic');
  });

  it('say that an image under imagePullPolicy Never is not pulled, and when the kubelet looks again', () => {
    const never = runOf(`apiVersion: v1
kind: Pod
metadata:
  name: offline
  annotations:
    podlab.dev/behavior: |
      app: {pull: 5}
spec:
  containers:
    - name: app
      image: registry.example/app:2.0
      imagePullPolicy: Never
`, null)!.trace;
    const failed = never.events.find((e) => e.type === 'PullFailed')!;
    expect(explainEvent(never, failed)).toBe(
      'app cannot start: image registry.example/app:2.0 is not on the node and its imagePullPolicy is Never, so the kubelet does not pull it (ErrImageNeverPull). It looks again at every sync of the pod, about every 10 s, until the image is there.',
    );
  });

  it('say that a ready app container gets traffic', () => {
    expect(explainEvent(busy, readyOf('web'))).toBe('web is ready: it can receive traffic.');
  });

  it('name several containers as a list that stays short', () => {
    expect(namesOf(['a'])).toBe('a');
    expect(namesOf(['a', 'b'])).toBe('a and b');
    expect(namesOf(['a', 'b', 'c', 'd'])).toBe('a, b, c and d');
    expect(namesOf(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('a, b, c and 3 more');
  });
});

describe('plain words for a moment', () => {
  it('tell containers that did the same thing at once in one sentence, with the verbs agreeing', () => {
    const trace = runOf(FIVE_APPS, null)!.trace;
    const lines = explainMoment(trace, momentOf(trace, 'Ready'));
    expect(lines).toContain('a, b, c and 2 more are ready: they can receive traffic.');
    expect(lines.filter((line) => line.includes(' ready:'))).toHaveLength(1);
    expect(lines).toContain('Image nginx:1.27 is already on the node.');
  });

  it('tell the state a moment ends in, not one it passed through at the same instant', () => {
    const trace = runOf(FIVE_APPS, null)!.trace;
    const zero = trace.events.filter((e) => e.t === 0);
    expect(zero.filter((e) => e.type === 'PodPhase').map((e) => e.type === 'PodPhase' && e.phase)).toEqual(['Pending', 'Running']);
    const lines = explainMoment(trace, zero);
    expect(lines).toContain('The pod phase is now Running.');
    expect(lines).not.toContain('The pod phase is now Pending.');
    expect(lines).toContain('Condition Initialized is now True.');
    expect(lines).not.toContain('Condition Initialized is now False.');
    // Started and counted as started at once (no startup probe): the first sentence says both.
    expect(lines.filter((line) => line.includes('counts as started') || line.includes('count as started'))).toEqual([]);
  });

  it('say what a native sidecar start holds back: the next init step, the app, or once the app runs, nothing', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata:
  name: sidecars
  annotations:
    podlab.dev/behavior: |
      proxy: {run: 20, exitCode: 1}
      setup: {run: 1}
    podlab.dev/actions: |
      - {at: 60, do: reboot-node, down: 10}
spec:
  initContainers:
    - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}
    - {name: setup, image: busybox:1.36}
    - {name: logs, image: fluent/fluent-bit:3.1, restartPolicy: Always}
  containers:
    - {name: app, image: nginx:1.27}
`;
    const trace = runOf(pod, null)!.trace;
    const starts = (name: string) => trace.events.filter((e) => e.type === 'Started' && e.container === name).map((e) => explainEvent(trace, e));
    expect(starts('proxy')[0]).toBe('Native sidecar proxy started. The next init step starts once it counts as started; it keeps running beside the app.');
    expect(starts('logs')[0]).toBe('Native sidecar logs started. The app containers start once it counts as started; it keeps running beside the app.');
    expect(starts('proxy')[1]).toBe('Native sidecar proxy started (restart #1), beside the app containers: the init sequence is done, so nothing waits for it.');
    expect(starts('app')).toEqual([
      'app started. The regular containers start together, once every init step is done.',
      // After the reboot the kubelet runs the init sequence again in a new sandbox: the app waits for it again.
      'app started (restart #1). The regular containers start together, once every init step is done.',
    ]);
    // A plain init container's `started` gates nothing (its exit does): not told.
    expect(explainEvent(trace, trace.events.find((e) => e.type === 'ContainerStarted' && e.container === 'setup')!)).toBeNull();
    const afterReboot = trace.events.find((e) => e.type === 'Started' && e.container === 'proxy' && e.t > 60)!;
    expect(explainEvent(trace, afterReboot)).toContain('The next init step starts once it counts as started');
  });

  it("say that a deleted pod's sidecars get their preStop at once but SIGTERM only in their turn", () => {
    const pod = FIVE_APPS.replace('  name: five\n', '  name: five\n  annotations:\n    podlab.dev/actions: |\n      - {at: 10, do: delete}\n').replace(
      'spec:\n',
      'spec:\n  initContainers:\n    - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}\n',
    );
    const trace = runOf(pod, null)!.trace;
    const killing = (name: string) => explainEvent(trace, trace.events.find((e) => e.type === 'Killing' && e.container === name)!);
    expect(killing('proxy')).toBe(
      'The kubelet stops proxy (PodDeleted): its preStop hook runs now if any, but SIGTERM waits until the app containers, and the sidecars defined after it, have stopped, or the 30s grace period has run out; SIGKILL when it has, and 2s after SIGTERM at the earliest.',
    );
    expect(killing('a')).toBe('The kubelet stops a (PodDeleted): preStop hook if any, then SIGTERM, then SIGKILL after 30s.');

    // The work done, nothing is left to wait for.
    const job = `apiVersion: v1
kind: Pod
metadata:
  name: job
  annotations:
    podlab.dev/behavior: |
      work: {run: 3}
spec:
  restartPolicy: Never
  initContainers:
    - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}
  containers:
    - {name: work, image: busybox:1.36}
`;
    const done = runOf(job, null)!.trace;
    const stop = done.events.find((e) => e.type === 'Killing' && e.container === 'proxy')!;
    expect(explainEvent(done, stop)).toBe(
      'The app containers are done, so the kubelet stops proxy (PodCompleted), native sidecars in reverse order: preStop hook if any, then SIGTERM, then SIGKILL after 30s.',
    );
  });

  it('say what a readiness gate does: the container is ready, the pod waits for the gate\'s condition', () => {
    const gated = FIVE_APPS.replace('  name: five\n', '  name: five\n  annotations:\n    podlab.dev/actions: |\n      - {at: 5, do: set-condition, condition: example.com/lb, status: "True"}\n').replace(
      'spec:\n',
      'spec:\n  readinessGates: [{conditionType: example.com/lb}]\n',
    );
    const trace = runOf(gated, null)!.trace;
    expect(explainMoment(trace, momentOf(trace, 'Ready'))).toContain("a, b, c and 2 more are ready, but the pod's readiness gates hold its Ready condition False: no Service traffic yet.");
    expect(explainMoment(trace, trace.events.filter((e) => e.t === 5))).toEqual([
      'A client sets condition example.com/lb to True through the API, as the controller behind a readiness gate does.',
      'Condition Ready is now True.',
    ]);
  });

  it('say what a lowered deadline does, now or later', () => {
    const lowered = (at: number, seconds: number) => {
      const trace = runOf(FIVE_APPS.replace('  name: five\n', `  name: five\n  annotations:\n    podlab.dev/actions: |\n      - {at: ${at}, do: set-deadline, activeDeadlineSeconds: ${seconds}}\n`), null)!.trace;
      return explainEvent(trace, trace.events.find((e) => e.type === 'DeadlineUpdated')!);
    };
    const passed = runOf(FIVE_APPS.replace('spec:\n', 'spec:\n  activeDeadlineSeconds: 30\n'), null)!.trace;
    expect(explainEvent(passed, passed.events.find((e) => e.type === 'DeadlineExceeded')!)).toMatch(/^The pod has been active for 30s, past its activeDeadlineSeconds: the kubelet fails it \(DeadlineExceeded\)/);
    expect(lowered(10, 5)).toBe("The pod's activeDeadlineSeconds is now 5: it has been active longer than that, so the kubelet stops it now and it fails with DeadlineExceeded.");
    expect(lowered(10, 40)).toBe(
      "The pod's activeDeadlineSeconds is now 40 (an update of the running pod, which may only lower it): at 40s from its start the kubelet stops it, and it fails with DeadlineExceeded.",
    );
  });

  it('say why the kubelet evicts the pod, and that nothing in it starts again', () => {
    const evicted = (action: string, resources = '') => {
      const trace = runOf(FIVE_APPS.replace('  name: five\n', `  name: five\n  annotations:\n    podlab.dev/actions: |\n      - ${action}\n`).replace('    - name: a\n      image: nginx:1.27\n', `    - name: a\n      image: nginx:1.27\n${resources}`), null)!.trace;
      return explainEvent(trace, trace.events.find((e) => e.type === 'Evicted')!);
    };
    expect(evicted('{at: 10, do: evict, resource: pid}')).toMatch(/^The node is low on pid, past a hard eviction threshold: the kubelet evicts the pod\. .* The pod ends Failed with reason Evicted; it stays in the API, and nothing in it starts again\./);
    const pressure = runOf(FIVE_APPS.replace('  name: five\n', '  name: five\n  annotations:\n    podlab.dev/actions: "[{at: 10, do: evict}]"\n'), null)!.trace;
    const target = pressure.events.find((e) => e.type === 'PodCondition' && e.condition === 'DisruptionTarget')!;
    expect(explainEvent(pressure, target)).toMatch(/^Condition DisruptionTarget is now True \(TerminationByKubelet\), sent with the Failed phase once every container has stopped/);
    expect(evicted('{at: 10, do: evict, container: a}', '      resources: {limits: {ephemeral-storage: 1Gi}}\n')).toMatch(
      /^Container a has written more than its ephemeral-storage limit: the kubelet evicts the pod\./,
    );
    const cached = runOf(`${FIVE_APPS.replace('  name: five\n', '  name: five\n  annotations:\n    podlab.dev/actions: "[{at: 10, do: evict, volume: cache}]"\n')}  volumes: [{name: cache, emptyDir: {sizeLimit: 1Gi}}]\n`, null)!.trace;
    expect(explainEvent(cached, cached.events.find((e) => e.type === 'Evicted')!)).toMatch(/^More than its sizeLimit has been written to the emptyDir volume cache: the kubelet evicts the pod\./);
  });

  it('say that draining the node evicts the pod through the API: DisruptionTarget, then a graceful deletion', () => {
    const trace = runOf(FIVE_APPS.replace('  name: five\n', '  name: five\n  annotations:\n    podlab.dev/actions: "[{at: 10, do: drain}]"\n'), null)!.trace;
    const target = trace.events.find((e) => e.type === 'PodCondition' && e.condition === 'DisruptionTarget')!;
    expect(explainEvent(trace, target)).toMatch(/^Condition DisruptionTarget is now True \(EvictionByEvictionAPI\): unlike kubectl delete, an eviction first asks the pod's PodDisruptionBudget/);
    expect(explainEvent(trace, trace.events.find((e) => e.type === 'DeletionRequested')!)).toBe(
      'The node is drained: through the Eviction API, the pod is marked DisruptionTarget and deleted, grace period 30s. The app containers stop first, native sidecars after them in reverse order.',
    );
  });

  /** FIVE_APPS on a node set with `kubelet`, shut down at 10 s by `action`'s fields, with `spec` lines added. */
  const shutDown = (kubelet: string, spec = '', action = '') =>
    runOf(
      FIVE_APPS.replace('  name: five\n', `  name: five\n  annotations:\n    podlab.dev/kubelet: "${kubelet}"\n    podlab.dev/actions: "[{at: 10, do: shutdown-node${action}}]"\n`).replace('spec:\n', `spec:\n${spec}`),
      null,
    )!.trace;
  const shutdownWords = (trace: Trace) => explainEvent(trace, trace.events.find((e) => e.type === 'NodeShutdown')!);

  it('say that a shutting-down node stops the pod within its window, the critical ones last', () => {
    const node = (critical: string) => shutDown('{shutdownGracePeriod: 30s, shutdownGracePeriodCriticalPods: 10s}', critical);
    expect(shutdownWords(node(''))).toMatch(/^The node is shutting down \(graceful node shutdown, as when a spot VM is reclaimed\): the kubelet stops the pod now with a grace period of 20s/);
    expect(shutdownWords(node('  priorityClassName: system-cluster-critical\n'))).toMatch(/^The node is shutting down \(graceful node shutdown\)\. This is a critical pod: the kubelet stops the other pods first and this one at 30s, with a grace period of 10s/);
  });

  it('say how a node that shuts down by pod priority comes to this pod', () => {
    const groups = (second: number) => `{shutdownGracePeriodByPodPriority: [{priority: 0, shutdownGracePeriodSeconds: 15}, {priority: 1000, shutdownGracePeriodSeconds: ${second}}]}`;
    expect(shutdownWords(shutDown(groups(0)))).toContain('Here this pod (priority 0, in the group from 0) is stopped now, with no lower group to wait for, with a grace period of 15s (the group\'s shutdownGracePeriodSeconds 15, or its own if shorter).');
    expect(shutdownWords(shutDown(groups(10), '  priority: 1000\n', ', othersStopIn: 4'))).toContain("is stopped at 14s, the lower groups' pods stopping in 4s or their group's period, with a grace period of 10s");
    expect(shutdownWords(shutDown(groups(0), '  priority: 5000\n'))).toContain('so this pod (priority 5000, in the group from 1000) is stopped at 25s, each lower group taken to use its whole period (the node\'s other pods are not played), with a grace period of 1s (the group\'s shutdownGracePeriodSeconds 0, or its own if shorter, raised to 1 s).');
  });

  it('agree for failing probes too', () => {
    const probed = FIVE_APPS.replace('  name: five\n', '  name: five\n  annotations:\n    podlab.dev/behavior: |\n      a: {startup: 5}\n      b: {startup: 5}\n')
      .replaceAll('image: nginx:1.27\n', 'image: nginx:1.27\n      readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 2}\n');
    const trace = runOf(probed, null)!.trace;
    expect(explainMoment(trace, momentOf(trace, 'ProbeFailed'))).toContain('a and b: readiness probes failed; they get no Service traffic while not ready.');
  });

  it('say that a failed preStop hook is only reported, where a failed postStart gets its container killed', () => {
    const hooked = (fails: string) =>
      FIVE_APPS.replace('name: five', `name: five\n  annotations:\n    podlab.dev/behavior: '{a: {${fails}: true}}'\n    podlab.dev/actions: '[{at: 5, do: delete}]'`).replace(
        '    - name: a\n      image: nginx:1.27\n',
        '    - name: a\n      image: nginx:1.27\n      lifecycle: {postStart: {exec: {command: [run]}}, preStop: {exec: {command: [run]}}}\n',
      );
    const words = (fails: string) => {
      const trace = runOf(hooked(fails), null)!.trace;
      return explainEvent(trace, trace.events.find((e) => e.type === 'HookFinished' && e.failed)!);
    };
    expect(words('preStopFails')).toBe("a: the preStop hook failed (FailedPreStopHook). The kubelet only reports it and goes on stopping the container; the exit code is the process's own.");
    expect(words('postStartFails')).toBe('a: the postStart hook failed, so the kubelet kills the container.');
  });

  it('keep one sentence per container when they did different things', () => {
    const lines = explainMoment(busy, momentOf(busy, 'BackOff'));
    expect(lines.some((line) => line.startsWith('crash keeps crashing'))).toBe(true);
    expect(new Set(lines).size).toBe(lines.length);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from './simulate';
import { admittedTolerations, unreachableTolerationSeconds } from './rules/node-controller';
import { kubectlRow } from './status/kubectl-row';
import { podStatusAt } from './status/status-at';
import { app, eventsOf, pod, probe, timesOf } from './testing/pod-builder';
import type { Toleration } from './types';
import type { Trace } from './trace';

// kube-controller-manager while the node is silent (rules/node-controller.ts): the node lifecycle
// controller after --node-monitor-grace-period (50 s), the taint eviction controller after the
// pod's toleration of node.kubernetes.io/unreachable:NoExecute (300 s by default).

const DOWN_AT = 10;
const reboot = (down: number, spec: { tolerations?: Toleration[]; terminationGracePeriodSeconds?: number } = {}) =>
  simulate(pod({ containers: [app('web')], actions: [{ at: DOWN_AT, do: 'reboot-node', down }], ...spec }), { until: 600 });

const conditionAt = (trace: Trace, t: number, type: string) => podStatusAt(trace, t).conditions.find((c) => c.type === type);
const controllerEvents = (trace: Trace) => trace.events.filter((e) => e.event && e.event.from !== 'kubelet' && e.event.from !== 'default-scheduler');

describe('a short downtime', () => {
  it('is over before the node controller notices: no event, no condition from the control plane', () => {
    const trace = reboot(30);
    expect(controllerEvents(trace)).toEqual([]);
    expect(trace.conditions.some((entry) => entry.value.some((c) => c.type === 'DisruptionTarget'))).toBe(false);
    expect(conditionAt(trace, DOWN_AT + 29, 'Ready')?.status).toBe('True');
  });

  it('of exactly the grace period is still in time (the controller needs the heartbeat to be older than 50 s)', () => {
    expect(controllerEvents(reboot(50))).toEqual([]);
  });
});

describe('down 120 s: the node controller marks the pod not ready', () => {
  const trace = reboot(120);
  const marked = DOWN_AT + 50;

  it('sets only Ready to False at +50, with a Warning NodeNotReady from node-controller', () => {
    const before = podStatusAt(trace, marked - 1).conditions;
    const after = podStatusAt(trace, marked).conditions;
    expect(after.map((c) => c.type)).toEqual(before.map((c) => c.type));
    for (let i = 0; i < before.length; i++) {
      if (before[i]!.type === 'Ready') expect(after[i]).toEqual({ ...before[i], status: 'False', lastTransitionTime: marked });
      else expect(after[i]).toEqual(before[i]);
    }
    const atMark = trace.events.filter((e) => e.t === marked);
    expect(atMark.map((e) => e.type)).toEqual(['PodCondition', 'NodeNotReady']);
    expect(atMark[0]).toMatchObject({ condition: 'Ready', status: 'False' });
    expect(atMark[1]!.event).toEqual({ type: 'Warning', reason: 'NodeNotReady', message: 'Node is not ready', from: 'node-controller' });
  });

  it('leaves the container statuses as the kubelet last sent them: kubectl still reads 1/1 Running', () => {
    expect(podStatusAt(trace, marked + 1).containerStatuses).toEqual(podStatusAt(trace, marked - 1).containerStatuses);
    expect(kubectlRow(trace, marked + 1)).toMatchObject({ ready: '1/1', status: 'Running' });
  });

  it('cancels the pending eviction when the node is back, and the kubelet makes the pod Ready again', () => {
    const up = DOWN_AT + 120;
    const cancelled = eventsOf(trace, 'TaintEvictionCancelled');
    expect(cancelled.map((e) => e.t)).toEqual([up]);
    expect(cancelled[0]!.event).toEqual({ type: 'Normal', reason: 'TaintManagerEviction', message: 'Cancelling deletion of Pod default/test', from: 'taint-eviction-controller' });
    expect(timesOf(trace, 'TaintEviction')).toEqual([]);
    expect(timesOf(trace, 'DeletionRequested')).toEqual([]);
    expect(conditionAt(trace, up, 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: up });
    expect(trace.deletedAt).toBeUndefined();
  });
});

describe('down 400 s: the taint eviction controller deletes the pod at +350', () => {
  const trace = reboot(400, { terminationGracePeriodSeconds: 45 });
  const evicted = DOWN_AT + 350;
  const up = DOWN_AT + 400;

  it('records the event, adds DisruptionTarget, then deletes with the pod\'s own grace period', () => {
    const atEviction = trace.events.filter((e) => e.t === evicted);
    expect(atEviction.map((e) => e.type)).toEqual(['TaintEviction', 'PodCondition', 'DeletionRequested']);
    expect(atEviction[0]!.event).toEqual({ type: 'Normal', reason: 'TaintManagerEviction', message: 'Marking for deletion Pod default/test', from: 'taint-eviction-controller' });
    expect(atEviction[1]).toMatchObject({ condition: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager' });
    expect(atEviction[2]).toMatchObject({ gracePeriod: 45, by: 'taint-eviction-controller' });
    expect(trace.deletion).toEqual({ t: evicted, gracePeriod: 45 });
  });

  it('appends DisruptionTarget after the kubelet\'s conditions, as UpdatePodCondition does', () => {
    const conditions = podStatusAt(trace, evicted).conditions;
    expect(conditions.map((c) => c.type)).toEqual(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled', 'DisruptionTarget']);
    expect(conditions[5]).toEqual({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
      lastTransitionTime: evicted,
    });
  });

  it('reads Terminating in kubectl while the node is still down, READY unchanged', () => {
    expect(kubectlRow(trace, evicted + 10)).toMatchObject({ ready: '1/1', status: 'Terminating' });
  });

  it('is finished by the kubelet when the node is back: nothing to stop, nothing re-created, the pod leaves the API', () => {
    const afterUp = trace.events.filter((e) => e.t >= up).map((e) => e.type);
    expect(afterUp).not.toContain('SandboxChanged');
    expect(afterUp).not.toContain('Started');
    expect(afterUp).not.toContain('Killing');
    expect(afterUp).not.toContain('TaintEvictionCancelled');
    expect(eventsOf(trace, 'Exited', 'web')).toMatchObject([{ t: up, exitCode: 255, reason: 'Unknown' }]);
    expect(trace.deletedAt).toBe(up);
    expect(trace.finished).toBe(true);
    expect(kubectlRow(trace, up + 1).deleted).toBe(true);
  });

  it('keeps DisruptionTarget through the kubelet\'s last status, first, as mergePodStatus orders them', () => {
    const last = trace.conditions[trace.conditions.length - 1]!;
    expect(last.t).toBe(up);
    expect(last.value.map((c) => c.type)).toEqual(['DisruptionTarget', 'PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);
    expect(last.value[0]).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', lastTransitionTime: evicted });
    expect(podStatusAt(trace, up).phase).toBe('Failed');
  });
});

describe('the pod\'s tolerations decide when, or whether, it is evicted', () => {
  it('never, with a toleration for the unreachable taint and no tolerationSeconds', () => {
    const trace = reboot(400, { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] });
    expect(timesOf(trace, 'NodeNotReady')).toEqual([DOWN_AT + 50]);
    expect(timesOf(trace, 'TaintEviction')).toEqual([]);
    expect(timesOf(trace, 'DeletionRequested')).toEqual([]);
    // No eviction was scheduled, so none is cancelled.
    expect(timesOf(trace, 'TaintEvictionCancelled')).toEqual([]);
    expect(conditionAt(trace, DOWN_AT + 400, 'Ready')?.status).toBe('True');
    expect(trace.deletedAt).toBeUndefined();
  });

  it('after 10 s of taint, with tolerationSeconds 10: at +60', () => {
    const trace = reboot(400, { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] });
    expect(timesOf(trace, 'TaintEviction')).toEqual([DOWN_AT + 60]);
    expect(trace.deletion).toEqual({ t: DOWN_AT + 60, gracePeriod: 30 });
    expect(trace.deletedAt).toBe(DOWN_AT + 400);
  });

  it('does not evict a pod whose node is back in time, even with a short toleration', () => {
    const trace = reboot(55, { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }] });
    expect(timesOf(trace, 'TaintEviction')).toEqual([]);
    expect(timesOf(trace, 'TaintEvictionCancelled')).toEqual([DOWN_AT + 55]);
  });
});

describe('the tolerations the API server admits (DefaultTolerationSeconds) and the time they give', () => {
  const spec = (tolerations?: Toleration[]) => pod({ containers: [app('web')], ...(tolerations ? { tolerations } : {}) });

  it('adds unreachable:NoExecute for 300 s to a pod without one', () => {
    expect(admittedTolerations(spec())).toEqual([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]);
    expect(unreachableTolerationSeconds(spec())).toBe(300);
    // A toleration of another taint changes nothing.
    expect(unreachableTolerationSeconds(spec([{ key: 'example.com/gpu', operator: 'Exists', effect: 'NoExecute' }]))).toBe(300);
    // NoSchedule does not cover NoExecute.
    expect(unreachableTolerationSeconds(spec([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoSchedule' }]))).toBe(300);
  });

  it('leaves alone a pod that tolerates it: an empty key with Exists, or an empty effect, tolerates forever', () => {
    expect(unreachableTolerationSeconds(spec([{ operator: 'Exists' }]))).toBeNull();
    expect(unreachableTolerationSeconds(spec([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' }]))).toBeNull();
    expect(unreachableTolerationSeconds(spec([{ operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 600 }]))).toBe(600);
  });

  it('takes the smallest tolerationSeconds of the matching ones; 0 or less evicts at once', () => {
    const both: Toleration[] = [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 120 },
      { operator: 'Exists', tolerationSeconds: 60 },
    ];
    expect(unreachableTolerationSeconds(spec(both))).toBe(60);
    expect(unreachableTolerationSeconds(spec([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }]))).toBe(0);
  });

  it('admits, but does not match, an Equal toleration with a value: the pod is evicted at once', () => {
    // The admission plugin looks only at key and effect; ToleratesTaint also compares the value.
    expect(unreachableTolerationSeconds(spec([{ key: 'node.kubernetes.io/unreachable', operator: 'Equal', value: 'x', effect: 'NoExecute' }]))).toBe(0);
  });
});

describe('what the controllers leave alone', () => {
  it('a pod already not ready: MarkPodsNotReady changes nothing and records no event', () => {
    const trace = simulate(
      pod({
        containers: [app('web', { probes: { readiness: { startup: 1000 } } }, { readinessProbe: probe() })],
        actions: [{ at: DOWN_AT, do: 'reboot-node', down: 120 }],
      }),
      { until: 200 },
    );
    expect(conditionAt(trace, DOWN_AT - 1, 'Ready')?.status).toBe('False');
    expect(timesOf(trace, 'NodeNotReady')).toEqual([]);
  });

  it('a pod the user deleted while the node was down: the kubelet finishes it when the node is back', () => {
    const trace = simulate(
      pod({ containers: [app('web')], actions: [{ at: DOWN_AT, do: 'reboot-node', down: 100 }, { at: DOWN_AT + 20, do: 'delete' }] }),
      { until: 600 },
    );
    expect(trace.deletion).toEqual({ t: DOWN_AT + 20, gracePeriod: 30 });
    expect(timesOf(trace, 'SandboxChanged')).toEqual([]);
    expect(trace.deletedAt).toBe(DOWN_AT + 100);
    // The eviction scheduled at +50 was still pending: the node's return cancels it.
    expect(timesOf(trace, 'TaintEvictionCancelled')).toEqual([DOWN_AT + 100]);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate';
import { app, pod } from '../../engine/testing/pod-builder';
import type { Trace } from '../../engine/trace';
import { explainEvent } from './explain-event';
import { tellMoment } from './explain-importance';

const reboot = (down: number, tolerationSeconds?: number) =>
  simulate(
    pod({
      containers: [app('web')],
      actions: [{ at: 10, do: 'reboot-node', down }],
      ...(tolerationSeconds === undefined ? {} : { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds }] }),
    }),
    { until: 600 },
  );
const first = (trace: Trace, type: string) => trace.events.find((e) => e.type === type)!;
const moment = (trace: Trace, t: number) => trace.events.filter((e) => e.t === t);

describe('plain words for the control plane while the node is down', () => {
  const evicted = reboot(400);

  it('say that the node controller marks the pod not ready, and that READY does not change', () => {
    expect(explainEvent(evicted, first(evicted, 'NodeNotReady'))).toBe(
      "No heartbeat from the node's kubelet for 50s: the node controller marks the node NotReady and sets the pod's Ready condition to False, so Services stop sending it traffic. The container statuses are the last the kubelet sent: kubectl's READY column does not change.",
    );
  });

  it('say how long the taint was tolerated when the pod is evicted, and that it stays Terminating until the node is back', () => {
    expect(explainEvent(evicted, first(evicted, 'TaintEviction'))).toBe(
      "The node has carried the unreachable taint for 300s, as long as the pod tolerates it (300s unless its tolerations say otherwise): the taint eviction controller sets the pod's DisruptionTarget condition and deletes it.",
    );
    expect(explainEvent(reboot(400, 10), first(reboot(400, 10), 'TaintEviction'))).toMatch(/^The node has carried the unreachable taint for 10s,/);
    expect(explainEvent(evicted, first(evicted, 'DeletionRequested'))).toMatch(
      /^The taint eviction controller deletes the pod, with its own grace period \(30s\)\. The node is still down, so nothing can stop yet: the pod reads Terminating/,
    );
  });

  it('say that a node back in time cancels the eviction', () => {
    const back = reboot(120);
    expect(explainEvent(back, first(back, 'TaintEvictionCancelled'))).toBe(
      "The node answered before the pod's toleration of the unreachable taint ran out: the taint is gone and the pending eviction is cancelled. The pod stays on this node.",
    );
  });

  it('tell the eviction and the deletion before the condition that echoes them', () => {
    const told = tellMoment(evicted, moment(evicted, 360));
    expect(told.lines).toHaveLength(3);
    expect(told.lines[0]).toMatch(/^The node has carried the unreachable taint/);
    expect(told.lines[1]).toMatch(/^The taint eviction controller deletes the pod/);
    expect(tellMoment(evicted, moment(evicted, 60)).lines[0]).toMatch(/^No heartbeat from the node's kubelet/);
  });

  it('say that a deletion while the node is down stops nothing until the node is back', () => {
    const trace = simulate(pod({ containers: [app('web')], actions: [{ at: 10, do: 'reboot-node', down: 60 }, { at: 20, do: 'delete' }] }), { until: 600 });
    expect(explainEvent(trace, first(trace, 'DeletionRequested'))).toBe(
      'Pod deleted, grace period 30s. The node is down, so nothing can stop yet: the pod reads Terminating until the kubelet is back and finishes the job.',
    );
    const later = simulate(pod({ containers: [app('web')], actions: [{ at: 20, do: 'delete' }] }), { until: 600 });
    expect(explainEvent(later, first(later, 'DeletionRequested'))).toMatch(/^Pod deleted, grace period 30s: the app containers stop first/);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate';
import { app, init, pod } from '../../engine/testing/pod-builder';
import { explainEvent, explainMoment } from './explain-event';

const trace = simulate(
  pod({ initContainers: [init('migrate', { run: 1 })], containers: [app('web'), app('worker')], actions: [{ at: 10, do: 'reboot-node', down: 20 }] }),
  { until: 60 },
);
const first = (type: string) => trace.events.find((e) => e.type === type)!;

describe('plain words for a node reboot', () => {
  it('say that every container dies at once and that the API keeps the last status until the node is back', () => {
    expect(explainEvent(trace, first('NodeDown'))).toBe(
      'The node goes down (power off, kernel panic, reboot): every container dies at once, with no preStop and no SIGTERM. Until it is back at 30s the kubelet is gone, so the API keeps showing the last status it sent.',
    );
    expect(explainEvent(trace, first('NodeUp'))).toBe('The node is back; the kubelet starts and looks at what is left of the pod.');
  });

  it('say how the containers that died with the node are reported, together', () => {
    const moment = trace.events.filter((e) => e.t === 30 && e.type === 'Exited');
    expect(explainMoment(trace, moment)).toEqual([
      'web and worker died with the node: containerd, starting again, finds their processes gone and records exit code 255 (Unknown).',
    ]);
  });

  it('say what SandboxChanged means: every init container again, restart counts going on', () => {
    expect(explainEvent(trace, first('SandboxChanged'))).toMatch(/^The pod's sandbox \(its network namespace, its IP\) died with the node, so the kubelet creates a new one: every init container runs again, in order, from the first/);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate';
import { app, eventsOf, pod, probe, sidecar } from '../../engine/testing/pod-builder';
import type { Trace } from '../../engine/trace';
import type { PodModel } from '../../engine/types';
import { explainEvent } from './explain-event';
import { exitOutcome } from './exit-outcome';

const outcomes = (trace: Trace, name: string) => eventsOf(trace, 'Exited', name).map((e) => exitOutcome(trace, e));
const play = (model: PodModel, until = 120) => simulate(model, { until });

describe('what the kubelet did after an exit', () => {
  it('starts a crashed container again under Always, and not under Never', () => {
    expect(outcomes(play(pod({ containers: [app('web', { run: 5, exitCode: 1 })] }), 30), 'web').slice(0, 2)).toEqual(['again', 'again']);
    expect(outcomes(play(pod({ restartPolicy: 'Never', containers: [app('job', { run: 5, exitCode: 1 })] })), 'job')).toEqual(['stays']);
  });

  it("follows a container's own restart rule: again on exit 42, not on exit 1", () => {
    const worker = app('worker', { run: 5, exitCode: 42, attempts: [{}, { exitCode: 1 }] }, {
      restartPolicy: 'Never',
      restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }],
    });
    const trace = play(pod({ restartPolicy: 'Never', containers: [worker] }));
    expect(outcomes(trace, 'worker')).toEqual(['again', 'stays']);
    const [first, second] = eventsOf(trace, 'Exited', 'worker');
    expect(explainEvent(trace, first!)).toBe('worker exited with code 42 (Error). The kubelet starts it again, as its restart policy says.');
    expect(explainEvent(trace, second!)).toBe('worker exited with code 1 (Error). It is not started again: its restart policy says so.');
  });

  it('says nothing of the restart policy for runs the pod ended: a deletion, a sidecar stopped when the work is done', () => {
    const deleted = play(pod({ containers: [app('web', { run: null })], actions: [{ at: 10, do: 'delete' }] }));
    expect(outcomes(deleted, 'web')).toEqual(['untold']);
    const done = play(pod({ restartPolicy: 'Never', initContainers: [sidecar('shipper', { run: null })], containers: [app('job', { run: 5, exitCode: 0 })] }));
    expect(outcomes(done, 'job')).toEqual(['stays']);
    expect(outcomes(done, 'shipper')).toEqual(['untold']);
    const exit = eventsOf(done, 'Exited', 'shipper')[0]!;
    expect(explainEvent(done, exit)).toBe(`shipper exited with code ${exit.exitCode} (${exit.reason}).`);
  });

  it('tells a run stopped for a new image as started again with it, under Never too', () => {
    const trace = play(pod({ restartPolicy: 'Never', containers: [app('web', { run: null })], actions: [{ at: 10, do: 'set-image', container: 'web', image: 'nginx:1.28' }] }));
    expect(outcomes(trace, 'web')).toEqual(['newImage']);
    expect(explainEvent(trace, eventsOf(trace, 'Exited', 'web')[0]!)).toMatch(/^web exited with code \d+ \(\w+\)\. The kubelet starts it again with the new image\.$/);
  });

  it('tells a clean exit restarted under Always', () => {
    const trace = play(pod({ containers: [app('tick', { run: 5, exitCode: 0 })] }), 30);
    expect(explainEvent(trace, eventsOf(trace, 'Exited', 'tick')[0]!)).toBe(
      'tick exited with code 0 (Completed). The kubelet starts it again, as its restart policy says, even after a clean exit.',
    );
  });

  it('starts a container killed by its liveness probe again under Always', () => {
    const trace = play(pod({ containers: [app('web', { run: null, unhealthyAfter: 0 }, { livenessProbe: probe() })] }), 80);
    expect(outcomes(trace, 'web')[0]).toBe('again');
  });

  it('knows what followed an exit the trace ends on', () => {
    const trace = play(pod({ containers: [app('web', { run: 5, exitCode: 1 })] }), 5);
    expect(outcomes(trace, 'web')).toEqual(['again']);
  });
});

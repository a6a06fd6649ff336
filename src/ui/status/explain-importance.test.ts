import { describe, expect, it } from 'vitest';
import { runOf } from '../../app/derived';
import { EXAMPLE_SCENARIO } from '../../app/example-scenario';
import { BUSY_POD } from '../../app/fixtures/busy-pod';
import { simulate } from '../../engine/simulate';
import { app, init, pod } from '../../engine/testing/pod-builder';
import type { Trace, TraceEventType } from '../../engine/trace';
import { explainMoment, momentSentences } from './explain-event';
import { importanceOf, tellMoment } from './explain-importance';

const momentAt = (trace: Trace, t: number) => trace.events.filter((e) => e.t === t);
const timeOf = (trace: Trace, type: TraceEventType) => trace.events.find((e) => e.type === type)!.t;
const momentsOf = (trace: Trace) => [...new Set(trace.events.map((e) => e.t))].map((t) => momentAt(trace, t));

const rebooted = simulate(
  pod({ initContainers: [init('migrate', { run: 1 })], containers: [app('web'), app('worker')], actions: [{ at: 10, do: 'reboot-node', down: 20 }] }),
  { until: 60 },
);
const crashed = simulate(pod({ restartPolicy: 'Never', containers: [app('job', { run: 2, exitCode: 1 })] }), { until: 10 });
/** The example pod (sidecars, an init step, a deletion) and the busy one (crash loop, kill, deletion). */
const played = [runOf(EXAMPLE_SCENARIO, null)!.trace, runOf(BUSY_POD, null)!.trace, rebooted];

describe('the most telling sentences of a moment', () => {
  it('keep the node coming back and the new sandbox over conditions and images already present', () => {
    const moment = momentAt(rebooted, timeOf(rebooted, 'NodeUp'));
    expect(explainMoment(rebooted, moment).length).toBeGreaterThan(10);
    const { lines } = tellMoment(rebooted, moment);
    expect(lines).toEqual([
      'The node is back; the kubelet starts and looks at what is left of the pod.',
      expect.stringMatching(/^The pod's sandbox \(its network namespace, its IP\) died with the node/),
      'web and worker died with the node: containerd, starting again, finds their processes gone and records exit code 255 (Unknown).',
    ]);
  });

  it('keep a crash that three condition changes used to push out', () => {
    const moment = momentAt(crashed, timeOf(crashed, 'Exited'));
    expect(moment.filter((e) => e.type === 'PodCondition')).toHaveLength(3);
    const { lines } = tellMoment(crashed, moment);
    expect(lines[0]).toBe('job exited with code 1 (Error). It is not started again: its restart policy says so.');
    expect(lines.some((line) => line.startsWith('Condition'))).toBe(false);
  });

  it('keep a deletion, and the kubelet stopping the containers, over the preStop hook starting', () => {
    const [example] = played;
    const { lines } = tellMoment(example!, momentAt(example!, timeOf(example!, 'DeletionRequested')));
    expect(lines[0]).toMatch(/^Pod deleted, grace period 30s/);
    expect(lines.slice(1).every((line) => line.startsWith('The kubelet stops'))).toBe(true);
  });

  it('put the most telling first: the pod gone from the API over the last container exiting', () => {
    const [example] = played;
    const { lines } = tellMoment(example!, momentAt(example!, timeOf(example!, 'PodDeleted')));
    expect(lines[0]).toBe('Every container has stopped: the pod object is gone from the API.');
  });

  it('put the most telling first, and keep the order in which things happened among sentences as telling', () => {
    for (const trace of played) {
      for (const moment of momentsOf(trace)) {
        const sentences = momentSentences(trace, moment);
        const shown = tellMoment(trace, moment).lines.map((line) => sentences.findIndex((s) => s.text === line));
        for (let i = 1; i < shown.length; i++) {
          const [before, after] = [importanceOf(sentences[shown[i - 1]!]!.event), importanceOf(sentences[shown[i]!]!.event)];
          expect(before > after || (before === after && shown[i - 1]! < shown[i]!)).toBe(true);
        }
      }
    }
  });
});

describe('the line for what is left out', () => {
  it('counts every sentence not shown, and is there only when one is not', () => {
    for (const trace of played) {
      for (const moment of momentsOf(trace)) {
        const all = explainMoment(trace, moment).length;
        const { lines, untold } = tellMoment(trace, moment);
        expect(lines).toHaveLength(Math.min(all, 3));
        if (all <= 3) expect(untold).toBeNull();
        else expect(untold).toMatch(new RegExp(`^And ${all - 3} (smaller|more) things?: see the status and Events below\\.$`));
      }
    }
  });

  it('says "smaller" when all it leaves tells less than what is shown, and "more" when not', () => {
    expect(tellMoment(crashed, momentAt(crashed, timeOf(crashed, 'Exited'))).untold).toBe('And 3 smaller things: see the status and Events below.');
    const [example, busy] = played;
    expect(tellMoment(example!, momentAt(example!, 40)).untold).toBe('And 1 smaller thing: see the status and Events below.');
    // Deleting the busy pod stops web, and web exiting then is as telling as the kill shown before it.
    const deleted = tellMoment(busy!, momentAt(busy!, timeOf(busy!, 'DeletionRequested')));
    expect(deleted.untold).toBe('And 5 more things: see the status and Events below.');
  });
});

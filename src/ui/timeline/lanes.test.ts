import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate';
import { app, pod, sidecar } from '../../engine/testing/pod-builder';
import { spanTimes } from './lane-geometry';
import { lanesOf } from './lanes';
import { shownEnd } from './shown-end';

const spansOf = (trace: ReturnType<typeof simulate>, name: string) => lanesOf(trace).find((lane) => lane.name === name)!.spans;

describe('the lanes of a run', () => {
  it('draw the states a finished pod was left in past the end, and say they last', () => {
    const job = simulate(pod({ restartPolicy: 'Never', initContainers: [sidecar('proxy')], containers: [app('report', { run: 8 })] }));
    expect(job.finished).toBe(true);
    const reach = shownEnd(job);
    expect(reach).toBeGreaterThan(job.end);
    expect(spansOf(job, 'Pod').at(-1)).toMatchObject({ label: 'Succeeded', from: job.end, to: reach, last: true });
    expect(spansOf(job, 'report').at(-1)).toMatchObject({ label: 'Completed (exit 0)', to: reach, last: true });
    expect(spanTimes(spansOf(job, 'Pod').at(-1)!)).toBe(`from ${job.end.toFixed(1)} s on`);
    expect(spanTimes(spansOf(job, 'Pod')[0]!)).toMatch(/^0\.0–\d+\.\d s$/);
  });

  it('show a deleted pod as Deleted past its removal, its containers gone with it', () => {
    const deleted = simulate(pod({ containers: [app('web')], actions: [{ at: 10, do: 'delete' }] }));
    expect(deleted.deletedAt).toBe(deleted.end);
    expect(spansOf(deleted, 'Pod').at(-1)).toMatchObject({ label: 'Deleted', from: deleted.end, to: shownEnd(deleted), last: true });
    expect(spansOf(deleted, 'web').at(-1)!.to).toBe(deleted.end);
    expect(spansOf(deleted, 'web').at(-1)!.last).toBeUndefined();
  });

  it('stop at the horizon for a pod that goes on', () => {
    const running = simulate(pod({ containers: [app('web')] }), { until: 60 });
    expect(running.finished).toBe(false);
    expect(shownEnd(running)).toBe(60);
    expect(spansOf(running, 'Pod').at(-1)).toMatchObject({ label: 'Running', to: 60 });
    expect(spansOf(running, 'Pod').at(-1)!.last).toBeUndefined();
  });
});

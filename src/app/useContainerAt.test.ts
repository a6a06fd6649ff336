import { describe, expect, it } from 'vitest';
import { runOf } from './derived';
import { BUSY_POD } from './fixtures/busy-pod';
import { valueAt } from './trace-index';
import { containerAt, momentOf } from './useContainerAt';

describe('containers at t', () => {
  it('are what the run says at every moment, while playing forward and scrubbing back', () => {
    const trace = runOf(BUSY_POD, null)!.trace;
    const moments = [];
    for (let t = 0; t <= trace.end; t += 0.07) moments.push(t);
    for (let t = trace.end; t >= 0; t -= 0.9) moments.push(t);
    const countdowns = new Set<number>();
    for (const t of moments) {
      for (const name of ['setup', 'crash', 'web']) {
        const shown = containerAt(trace, t, name);
        expect(shown, `${name} at ${t}`).toEqual({ status: valueAt(trace.containerStatuses[name], t), moment: momentOf(trace, name, t) });
        if (shown?.moment.kind === 'backoff') countdowns.add(shown.moment.secondsLeft);
      }
    }
    // The crash loop's back-off counts down second by second.
    expect(countdowns.size).toBeGreaterThan(5);
  });

  it('keep the same objects while nothing shown changes', () => {
    const trace = runOf(BUSY_POD, null)!.trace;
    const at = (t: number) => containerAt(trace, t, 'crash');
    const first = at(40.31);
    expect(at(40.32)).toBe(first);
  });
});

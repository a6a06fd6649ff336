import { describe, expect, it } from 'vitest';
import { describeEvents, kubectlRow } from '../engine/index';
import { runOf } from './derived';
import { BUSY_POD as SCENARIO } from './fixtures/busy-pod';
import { eventsOf, kubectlRowOf, MAX_EVENT_ROWS } from './useStatusAt';

describe('status panes at t', () => {
  it('show what the engine answers at every moment, while playing forward and scrubbing back', () => {
    const trace = runOf(SCENARIO, null)!.trace;
    expect(trace.events.length).toBeGreaterThan(MAX_EVENT_ROWS);
    const moments = [];
    for (let t = 0; t <= trace.end; t += 0.07) moments.push(t);
    for (let t = trace.end; t >= 0; t -= 0.9) moments.push(t);
    for (const t of moments) {
      expect(kubectlRowOf({ trace, t }), `kubectl at ${t}`).toEqual(kubectlRow(trace, t));
      const expected = describeEvents(trace, t).slice(-MAX_EVENT_ROWS);
      const shown = eventsOf({ trace, t });
      expect(shown.map((e) => [e.reason, e.age, e.message, e.t]), `events at ${t}`).toEqual(expected.map((e) => [e.reason, e.age, e.message, e.t]));
    }
  });

  it('return the same objects while nothing shown changes', () => {
    const trace = runOf(SCENARIO, null)!.trace;
    const at = (t: number) => [kubectlRowOf({ trace, t }), eventsOf({ trace, t })];
    const [row, events] = at(40.31);
    expect(at(40.32)[0]).toBe(row);
    expect(at(40.33)[1]).toBe(events);
  });
});

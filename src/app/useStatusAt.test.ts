import { afterEach, describe, expect, it } from 'vitest';
import { describeEvents, kubectlRow } from '../engine/index';
import { runOf } from './derived';
import { BUSY_POD as SCENARIO } from './fixtures/busy-pod';
import { initialState, useAppStore } from './store';
import { MAX_EVENT_ROWS, selectEvents, selectKubectlRow } from './useStatusAt';

afterEach(() => useAppStore.setState(initialState()));

describe('status panes at t', () => {
  it('show what the engine answers at every moment, while playing forward and scrubbing back', () => {
    useAppStore.setState({ scenario: { source: SCENARIO } });
    const trace = runOf(SCENARIO, null)!.trace;
    expect(trace.events.length).toBeGreaterThan(MAX_EVENT_ROWS);
    const moments = [];
    for (let t = 0; t <= trace.end; t += 0.07) moments.push(t);
    for (let t = trace.end; t >= 0; t -= 0.9) moments.push(t);
    for (const t of moments) {
      useAppStore.setState((s) => ({ playback: { ...s.playback, t } }));
      const state = useAppStore.getState();
      expect(selectKubectlRow(state), `kubectl at ${t}`).toEqual(kubectlRow(trace, t));
      const expected = describeEvents(trace, t).slice(-MAX_EVENT_ROWS);
      const shown = selectEvents(state);
      expect(shown.map((e) => [e.reason, e.age, e.message, e.t]), `events at ${t}`).toEqual(expected.map((e) => [e.reason, e.age, e.message, e.t]));
    }
  });

  it('return the same objects while nothing shown changes', () => {
    useAppStore.setState({ scenario: { source: SCENARIO } });
    const at = (t: number) => {
      useAppStore.setState((s) => ({ playback: { ...s.playback, t } }));
      return [selectKubectlRow(useAppStore.getState()), selectEvents(useAppStore.getState())];
    };
    const [row, events] = at(40.31);
    expect(at(40.32)[0]).toBe(row);
    expect(at(40.33)[1]).toBe(events);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { runOf } from './derived';
import { BUSY_POD } from './fixtures/busy-pod';
import { initialState, useAppStore } from './store';
import { valueAt } from './trace-index';
import { momentOf, selectContainer, shownContainer } from './containers-at';

afterEach(() => useAppStore.setState(initialState()));

describe('containers at t', () => {
  it('are what the run says at every moment, while playing forward and scrubbing back', () => {
    useAppStore.setState({ scenario: { source: BUSY_POD } });
    const trace = runOf(BUSY_POD, null)!.trace;
    const moments = [];
    for (let t = 0; t <= trace.end; t += 0.07) moments.push(t);
    for (let t = trace.end; t >= 0; t -= 0.9) moments.push(t);
    const countdowns = new Set<number>();
    for (const t of moments) {
      useAppStore.setState((s) => ({ playback: { ...s.playback, t } }));
      for (const name of ['setup', 'crash', 'web']) {
        const shown = selectContainer(useAppStore.getState(), name);
        expect(shown, `${name} at ${t}`).toEqual({ status: valueAt(trace.containerStatuses[name], t), moment: momentOf(trace, name, t) });
        if (shown?.moment.kind === 'backoff') countdowns.add(shown.moment.secondsLeft!);
      }
    }
    // The crash loop's back-off counts down second by second.
    expect(countdowns.size).toBeGreaterThan(5);
  });

  it('keep the same objects while nothing shown changes', () => {
    useAppStore.setState({ scenario: { source: BUSY_POD } });
    const at = (t: number) => {
      useAppStore.setState((s) => ({ playback: { ...s.playback, t } }));
      return selectContainer(useAppStore.getState(), 'crash');
    };
    const first = at(40.31);
    expect(at(40.32)).toBe(first);
  });

  it('go without the back-off countdown where it is not shown, so they do not change every second', () => {
    useAppStore.setState({ scenario: { source: BUSY_POD } });
    const trace = runOf(BUSY_POD, null)!.trace;
    // A moment well inside a back-off of the crash-looping container.
    let start = 0;
    while (momentOf(trace, 'crash', start).kind !== 'backoff' || momentOf(trace, 'crash', start + 3).kind !== 'backoff') start += 0.25;
    const left = (t: number) => (momentOf(trace, 'crash', t) as { secondsLeft: number }).secondsLeft;
    const at = (t: number, countdown: boolean) => {
      useAppStore.setState((s) => ({ playback: { ...s.playback, t } }));
      return shownContainer('crash', countdown);
    };
    const first = at(start, false);
    expect(first.moment).toEqual({ kind: 'backoff' });
    expect(at(start + 1.5, false)).toBe(first);
    expect(at(start + 1.5, true).moment).toEqual({ kind: 'backoff', secondsLeft: left(start + 1.5) });
    expect(at(start + 2.5, true).moment).toEqual({ kind: 'backoff', secondsLeft: left(start + 1.5) - 1 });
  });

  it('are not worked out anew while only ages tick over', () => {
    const steady = BUSY_POD.replace("      crash: {run: 2.5, exitCode: 1}\n", '').replace(/    - name: crash\n      image: busybox:1.36\n/, '').replace(/readinessProbe: .*\n/, '');
    useAppStore.setState({ scenario: { source: steady } });
    const at = (t: number) => {
      useAppStore.setState((s) => ({ playback: { ...s.playback, t } }));
      return selectContainer(useAppStore.getState(), 'web');
    };
    // web runs from about 2 s until the kill at 33.3 s; nothing about the containers changes between.
    const first = at(10.2);
    for (let t = 10.2; t < 30; t += 0.35) expect(at(t), `at ${t}`).toBe(first);
  });

  it('are worked out each on its own: one crash-looping container does not renew the others', () => {
    useAppStore.setState({ scenario: { source: BUSY_POD } });
    const at = (t: number, name: string) => {
      useAppStore.setState((s) => ({ playback: { ...s.playback, t } }));
      return selectContainer(useAppStore.getState(), name);
    };
    const web = at(10.2, 'web');
    const crash = new Set([at(10.2, 'crash')]);
    for (let t = 10.2; t < 30; t += 0.35) {
      crash.add(at(t, 'crash'));
      expect(at(t, 'web'), `web at ${t}`).toBe(web);
    }
    expect(crash.size).toBeGreaterThan(5);
  });
});

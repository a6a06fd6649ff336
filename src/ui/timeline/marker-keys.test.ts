import { describe, expect, it } from 'vitest';
import type { Lane, Marker } from './lanes';
import { markerAfterKey, shownMarkers, tabStopOf } from './marker-keys';

const marker = (t: number): Marker => ({ t, reason: `R${t}`, message: '', warning: false });
const lane = (name: string, times: number[]): Lane => ({ name, role: 'regular', spans: [], markers: times.map(marker) });
const view = { from: 0, to: 100 };
const lanes = [lane('pod', [0, 50]), lane('a', [10, 20, 30]), lane('empty', []), lane('b', [24, 90])];

describe('shownMarkers', () => {
  it('keeps the markers inside the window and draws near ones as the first of them', () => {
    expect(shownMarkers(lane('x', [1, 1.2, 5, 200]), view).map((m) => m.t)).toEqual([1, 5]);
    expect(shownMarkers(lane('x', [1, 1.2, 5, 200]), { from: 0, to: 10 }).map((m) => m.t)).toEqual([1, 1.2, 5]);
  });
});

describe('markerAfterKey', () => {
  it('moves along a lane and stops at its ends', () => {
    const from = { lane: 'a', index: 1 };
    expect(markerAfterKey('ArrowLeft', from, lanes, view)).toEqual({ lane: 'a', index: 0 });
    expect(markerAfterKey('ArrowRight', from, lanes, view)).toEqual({ lane: 'a', index: 2 });
    expect(markerAfterKey('Home', from, lanes, view)).toEqual({ lane: 'a', index: 0 });
    expect(markerAfterKey('End', from, lanes, view)).toEqual({ lane: 'a', index: 2 });
    expect(markerAfterKey('ArrowRight', { lane: 'a', index: 2 }, lanes, view)).toBeNull();
  });

  it('goes up and down to the nearest marker in time, past lanes without one', () => {
    expect(markerAfterKey('ArrowDown', { lane: 'a', index: 1 }, lanes, view)).toEqual({ lane: 'b', index: 0 });
    expect(markerAfterKey('ArrowUp', { lane: 'b', index: 1 }, lanes, view)).toEqual({ lane: 'a', index: 2 });
    expect(markerAfterKey('ArrowUp', { lane: 'a', index: 2 }, lanes, view)).toEqual({ lane: 'pod', index: 1 });
    expect(markerAfterKey('ArrowDown', { lane: 'b', index: 0 }, lanes, view)).toBeNull();
  });

  it('ignores other keys', () => {
    expect(markerAfterKey('Enter', { lane: 'a', index: 0 }, lanes, view)).toBeNull();
  });
});

describe('tabStopOf', () => {
  it('is the first marker in view until one is used, then that one while its lane shows it', () => {
    expect(tabStopOf(lanes, view, null)).toEqual({ lane: 'pod', index: 0 });
    expect(tabStopOf(lanes, view, { lane: 'b', index: 1 })).toEqual({ lane: 'b', index: 1 });
    expect(tabStopOf(lanes, { from: 0, to: 25 }, { lane: 'b', index: 1 })).toEqual({ lane: 'b', index: 0 });
    expect(tabStopOf(lanes, { from: 60, to: 80 }, null)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { hitAt, MARKER_DROP, spanBox } from './lane-geometry';
import type { Lane, Span } from './lanes';

const span = (from: number, to: number, label: string): Span => ({ from, to, tone: 'running', label });
const lanes: Lane[] = [
  { name: 'pod', role: 'pod', spans: [span(0, 40, 'Pending'), span(40, 100, 'Running')], markers: [{ t: 50, reason: 'Started', message: 'hi', warning: false }] },
  { name: 'app', role: 'regular', spans: [span(10, 100, 'Ready')], markers: [] },
];
const rows = [{ y: 0, height: 20 }, { y: 24, height: 20 }];
const view = { from: 0, to: 100 };

describe('spanBox', () => {
  it('cuts a span to the window, in pixels', () => {
    expect(spanBox(span(40, 100, ''), view, 200)).toEqual({ x: 80, w: 120 });
    expect(spanBox(span(40, 100, ''), { from: 50, to: 150 }, 200)).toEqual({ x: 0, w: 100 });
    expect(spanBox(span(0, 10, ''), { from: 50, to: 150 }, 200)).toBeNull();
  });
});

describe('hitAt', () => {
  it('finds a marker near the pointer first, else the span under it', () => {
    const marker = hitAt(lanes, rows, view, 200, 103, MARKER_DROP + 2);
    expect(marker?.kind === 'marker' && marker.marker.reason).toBe('Started');
    const pending = hitAt(lanes, rows, view, 200, 30, 10);
    expect(pending?.kind === 'span' && pending.span.label).toBe('Pending');
    const ready = hitAt(lanes, rows, view, 200, 103, 30);
    expect(ready?.kind === 'span' && ready.span.label).toBe('Ready');
  });

  it('finds nothing between lanes or where a lane has no span', () => {
    expect(hitAt(lanes, rows, view, 200, 100, 22)).toBeNull();
    expect(hitAt(lanes, rows, view, 200, 5, 30)).toBeNull();
  });
});

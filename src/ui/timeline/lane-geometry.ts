/**
 * Where the timeline's spans and markers are, in CSS pixels of the tracks: shared by the drawing,
 * the pointer (what is under it) and the focused marker's button, which sits on its drawn marker.
 */
import { formatSeconds } from '../shared/format';
import type { Lane, Marker, Span } from './lanes';
import { shownMarkers, type MarkerSlot, type Window } from './marker-keys';

/** Where a lane sits, from the top of the tracks (measured from its name's row). */
export interface Row {
  y: number;
  height: number;
}

export const MARKER_SIZE = 14;
/** A marker's centre sits this far below its lane's top, so it overlaps the lane's upper edge. */
export const MARKER_DROP = 3;

export const xOf = (t: number, view: Window, width: number) => ((t - view.from) / (view.to - view.from)) * width;

/** A span's left edge and width, cut to the window; null when it is outside. */
export function spanBox(span: Span, view: Window, width: number): { x: number; w: number } | null {
  if (span.to < view.from || span.from > view.to) return null;
  const x = xOf(Math.max(span.from, view.from), view, width);
  return { x, w: Math.max(1, xOf(Math.min(span.to, view.to), view, width) - x) };
}

export type Hit = { kind: 'marker'; slot: MarkerSlot; marker: Marker; lane: Lane } | { kind: 'span'; span: Span; lane: Lane };

/** The marker (first) or span under a point of the tracks. */
export function hitAt(lanes: readonly Lane[], rows: readonly Row[], view: Window, width: number, x: number, y: number): Hit | null {
  const reach = MARKER_SIZE / 2;
  for (let i = 0; i < lanes.length; i++) {
    const row = rows[i];
    if (!row || Math.abs(y - (row.y + MARKER_DROP)) > reach) continue;
    const markers = shownMarkers(lanes[i]!, view);
    let best = -1;
    markers.forEach((marker, index) => {
      const d = Math.abs(xOf(marker.t, view, width) - x);
      if (d <= reach && (best < 0 || d < Math.abs(xOf(markers[best]!.t, view, width) - x))) best = index;
    });
    if (best >= 0) return { kind: 'marker', slot: { lane: lanes[i]!.name, index: best }, marker: markers[best]!, lane: lanes[i]! };
  }
  const i = rows.findIndex((row) => y >= row.y && y < row.y + row.height);
  const lane = lanes[i];
  if (!lane) return null;
  const span = lane.spans.find((s) => {
    const box = spanBox(s, view, width);
    return box !== null && x >= box.x && x < box.x + box.w;
  });
  return span ? { kind: 'span', span, lane } : null;
}

/** Beyond this share of the window, a tip opens to the left so the timeline's edge does not cut it. */
export const LATE_SHARE = 0.6;

export const markerWords = (marker: Marker) => `${marker.reason} at ${formatSeconds(marker.t)}: ${marker.message}`;
export const spanTimes = (span: Span) => (span.last ? `from ${formatSeconds(span.from)} on` : `${span.from.toFixed(1)}–${formatSeconds(span.to)}`);
export const spanWords = (lane: Lane, span: Span) => `${lane.name}: ${span.label}, ${spanTimes(span)}`;

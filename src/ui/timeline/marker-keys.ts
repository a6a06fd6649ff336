/**
 * The timeline's event markers as one tab stop (a roving focus), not one each: a crash-looping
 * pod has hundreds of them. Left and Right move along a lane, Up and Down to the marker nearest
 * in time on the next lane above or below that has one, Home and End to a lane's first and last.
 * Works on the markers a lane shows in the window, so it needs no DOM.
 */
import type { Lane, Marker } from './lanes';

export interface Window {
  from: number;
  to: number;
}

/** A marker by its lane's name and its index among the markers that lane shows. */
export interface MarkerSlot {
  lane: string;
  index: number;
}

/** Markers closer than this share of the window are drawn as one (the first of them). */
const MIN_GAP = 0.004;

const shownCache = new WeakMap<Lane, { from: number; to: number; markers: Marker[] }>();

/** The markers a lane shows in the window: those inside it, thinned where they would overlap. */
export function shownMarkers(lane: Lane, view: Window): Marker[] {
  const cached = shownCache.get(lane);
  if (cached && cached.from === view.from && cached.to === view.to) return cached.markers;
  const markers: Marker[] = [];
  let lastShare = -1;
  for (const marker of lane.markers) {
    if (marker.t < view.from || marker.t > view.to) continue;
    const share = (marker.t - view.from) / (view.to - view.from);
    if (share - lastShare < MIN_GAP) continue;
    lastShare = share;
    markers.push(marker);
  }
  shownCache.set(lane, { from: view.from, to: view.to, markers });
  return markers;
}

/** The tab stop: the slot last focused while its lane still shows it, else the first marker in view. */
export function tabStopOf(lanes: readonly Lane[], view: Window, last: MarkerSlot | null): MarkerSlot | null {
  if (last) {
    const lane = lanes.find((l) => l.name === last.lane);
    const count = lane ? shownMarkers(lane, view).length : 0;
    if (count > 0) return { lane: last.lane, index: Math.min(last.index, count - 1) };
  }
  const first = lanes.find((lane) => shownMarkers(lane, view).length > 0);
  return first ? { lane: first.name, index: 0 } : null;
}

/** The slot the key moves to from `from`, or null when the key is not one of ours or leads nowhere. */
export function markerAfterKey(key: string, from: MarkerSlot, lanes: readonly Lane[], view: Window): MarkerSlot | null {
  const at = lanes.findIndex((lane) => lane.name === from.lane);
  if (at < 0) return null;
  const markers = shownMarkers(lanes[at]!, view);
  const here = (index: number) => (index >= 0 && index < markers.length ? { lane: from.lane, index } : null);
  switch (key) {
    case 'ArrowLeft':
      return here(from.index - 1);
    case 'ArrowRight':
      return here(from.index + 1);
    case 'Home':
      return here(0);
    case 'End':
      return here(markers.length - 1);
    case 'ArrowUp':
    case 'ArrowDown': {
      const t = markers[from.index]?.t;
      if (t === undefined) return null;
      const step = key === 'ArrowUp' ? -1 : 1;
      for (let i = at + step; i >= 0 && i < lanes.length; i += step) {
        const candidates = shownMarkers(lanes[i]!, view);
        if (candidates.length > 0) return { lane: lanes[i]!.name, index: nearest(candidates, t) };
      }
      return null;
    }
    default:
      return null;
  }
}

function nearest(markers: readonly Marker[], t: number): number {
  let best = 0;
  markers.forEach((marker, i) => {
    if (Math.abs(marker.t - t) < Math.abs(markers[best]!.t - t)) best = i;
  });
  return best;
}

/**
 * Arrow keys between the timeline's event markers, which are one tab stop together (a roving
 * tabindex), not one each: a crash-looping pod has hundreds of them. Left and Right move along a
 * lane, Up and Down to the nearest marker in time on the lane above or below, Home and End to a
 * lane's first and last marker. Works on the DOM the lanes rendered: each marker button carries
 * its lane's name and its index there.
 */
export interface MarkerSlot {
  lane: string;
  index: number;
}

export function slotOf(element: Element | null): MarkerSlot | null {
  if (!(element instanceof HTMLElement) || element.dataset.markerLane === undefined) return null;
  return { lane: element.dataset.markerLane, index: Number(element.dataset.markerIndex) };
}

/** The marker the key moves to from `from`, or null when the key is not one of ours or leads nowhere. */
export function markerAfterKey(key: string, from: HTMLElement): HTMLElement | null {
  const lane = from.parentElement;
  if (!lane) return null;
  const inLane = (element: Element | null) => (element ? [...element.querySelectorAll<HTMLElement>('[data-marker-lane]')] : []);
  const markers = inLane(lane);
  const at = markers.indexOf(from);
  switch (key) {
    case 'ArrowLeft':
      return markers[at - 1] ?? null;
    case 'ArrowRight':
      return markers[at + 1] ?? null;
    case 'Home':
      return markers[0] ?? null;
    case 'End':
      return markers.at(-1) ?? null;
    case 'ArrowUp':
    case 'ArrowDown': {
      const x = from.getBoundingClientRect().left;
      for (let next = step(lane, key); next; next = step(next, key)) {
        const candidates = inLane(next);
        if (candidates.length > 0) return nearest(candidates, x);
      }
      return null;
    }
    default:
      return null;
  }
}

const step = (lane: Element, key: string) => (key === 'ArrowUp' ? lane.previousElementSibling : lane.nextElementSibling);

function nearest(candidates: HTMLElement[], x: number): HTMLElement {
  let best = candidates[0]!;
  for (const c of candidates) if (Math.abs(c.getBoundingClientRect().left - x) < Math.abs(best.getBoundingClientRect().left - x)) best = c;
  return best;
}

import { memo, useLayoutEffect, useRef } from 'react';
import { cssContext } from './css-canvas';
import { drawLanes, paletteOf, redrawLanes } from './draw-lanes';
import type { Row } from './lane-geometry';
import type { Lane } from './lanes';

interface Drawn {
  lanes: readonly Lane[];
  rows: readonly Row[];
  from: number;
  to: number;
  width: number;
  height: number;
}

/**
 * The lanes drawn on one canvas the size of the tracks, at the screen's pixel density. Nothing
 * here depends on t: it is drawn again when the run, the window or the size changes, never
 * while playing (the cursor moves on its own layer above it). An edit that changes a few lanes
 * and nothing else has only those drawn again.
 */
export const LaneCanvas = memo(function LaneCanvas({ lanes, rows, from, to, width, height }: Drawn) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawn = useRef<Drawn | null>(null);
  useLayoutEffect(() => {
    const element = canvas.current!;
    const next = { lanes, rows, from, to, width, height };
    const changed = drawn.current && changedLanes(drawn.current, next);
    const partial = element.getContext('2d');
    if (changed && partial) {
      redrawLanes(partial, lanes, rows, changed, { from, to }, width, paletteOf(element));
    } else {
      const ctx = cssContext(element, width, height);
      if (!ctx || width === 0) return;
      drawLanes(ctx, lanes, rows, { from, to }, width, paletteOf(element));
    }
    drawn.current = next;
  }, [lanes, rows, from, to, width, height]);
  return <canvas ref={canvas} className="timeline-canvas" aria-hidden="true" />;
});

/**
 * The lanes that differ when only some lanes do (same rows, window and size, same names in the
 * same places); null when the canvas is better drawn whole.
 */
function changedLanes(before: Drawn, after: Drawn): number[] | null {
  const same = before.rows === after.rows && before.from === after.from && before.to === after.to && before.width === after.width && before.height === after.height;
  if (!same || before.lanes.length !== after.lanes.length) return null;
  const changed: number[] = [];
  for (let i = 0; i < after.lanes.length; i++) {
    if (before.lanes[i] === after.lanes[i]) continue;
    if (before.lanes[i]!.name !== after.lanes[i]!.name) return null;
    changed.push(i);
  }
  return changed.length * 2 > after.lanes.length ? null : changed;
}

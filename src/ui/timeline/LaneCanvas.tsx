import { memo, useLayoutEffect, useRef } from 'react';
import { cssContext } from './css-canvas';
import { drawLanes, paletteOf } from './draw-lanes';
import type { Row } from './lane-geometry';
import type { Lane } from './lanes';

/**
 * The lanes drawn on one canvas the size of the tracks, at the screen's pixel density. Nothing
 * here depends on t: it is drawn again when the run, the window or the size changes, never
 * while playing (the cursor moves on its own layer above it).
 */
export const LaneCanvas = memo(function LaneCanvas({ lanes, rows, from, to, width, height }: { lanes: readonly Lane[]; rows: readonly Row[]; from: number; to: number; width: number; height: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const element = canvas.current!;
    const ctx = cssContext(element, width, height);
    if (!ctx || width === 0) return;
    drawLanes(ctx, lanes, rows, { from, to }, width, paletteOf(element));
  }, [lanes, rows, from, to, width, height]);
  return <canvas ref={canvas} className="timeline-canvas" aria-hidden="true" />;
});

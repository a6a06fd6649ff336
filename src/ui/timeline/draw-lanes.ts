/**
 * Draws the timeline's lanes (their spans and event markers) on a 2D canvas, as profilers draw
 * their flame charts. In the DOM they were some five hundred positioned boxes, and every frame
 * that changed anything else on the page paid for sorting them into layers again.
 * Colours come from the stylesheet's custom properties, so the canvas and the canvas nodes agree.
 */
import { MARKER_DROP, MARKER_SIZE, spanBox, xOf, type Row } from './lane-geometry';
import type { Lane, Span } from './lanes';
import { shownMarkers, type Window } from './marker-keys';

export interface Palette {
  lane: string;
  font: string;
  tones: Record<Span['tone'], { bg: string; ink: string; line: string }>;
}

const SPAN_TONES: Record<Span['tone'], string> = {
  idle: 'idle',
  waiting: 'waiting',
  pending: 'waiting',
  starting: 'starting',
  running: 'running',
  ready: 'ready',
  done: 'done',
  succeeded: 'done',
  failed: 'failed',
  stopping: 'stopping',
  terminating: 'stopping',
  gone: 'idle',
};

const palettes = new WeakMap<Element, Palette>();

/**
 * The palette as the stylesheet sets it on `element` (custom properties inherit from :root), read
 * once per canvas: the stylesheet does not change, and reading computed styles on every redraw
 * cost an edit a millisecond.
 */
export function paletteOf(element: Element): Palette {
  let palette = palettes.get(element);
  if (!palette) palettes.set(element, (palette = readPalette(element)));
  return palette;
}

function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  const tones = Object.fromEntries(
    Object.entries(SPAN_TONES).map(([tone, css]) => [tone, { bg: read(`--tone-${css}-bg`), ink: read(`--tone-${css}-ink`), line: read(`--tone-${css}-line`) }]),
  ) as Palette['tones'];
  tones.gone = { bg: '#f3f4f6', ink: read('--muted'), line: read('--line') };
  return { lane: '#f3f4f6', font: `700 ${Math.round(parseFloat(style.fontSize) * 0.75)}px ${style.fontFamily}`, tones };
}

/** Draws the lanes on a cleared context in CSS pixels (see cssContext). */
export function drawLanes(ctx: CanvasRenderingContext2D, lanes: readonly Lane[], rows: readonly Row[], view: Window, width: number, palette: Palette): void {
  drawRows(ctx, lanes, rows, lanes.map((_, i) => i), view, width, palette);
}

/**
 * Draws again only the lanes at `changed` (an edit changes a few; the others keep their object,
 * see lanesOf), each over the band its drawing covers: cleared, then every lane that reaches into
 * it drawn again in the order drawLanes draws them, so the band ends up as a full redraw leaves it.
 */
export function redrawLanes(ctx: CanvasRenderingContext2D, lanes: readonly Lane[], rows: readonly Row[], changed: readonly number[], view: Window, width: number, palette: Palette): void {
  const ratio = ctx.getTransform().a || 1;
  for (const i of changed) {
    const row = rows[i];
    if (!row) continue;
    // Whole device pixels, so the clip's edges blend nothing with what was there.
    const top = Math.floor(Math.max(0, row.y - REACH_ABOVE) * ratio) / ratio;
    const bottom = Math.ceil((row.y + reachBelow(row)) * ratio) / ratio;
    const reaching = rows.flatMap((other, j) => (other.y - REACH_ABOVE < bottom && other.y + reachBelow(other) > top ? [j] : []));
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, top, width, bottom - top);
    ctx.clip();
    ctx.clearRect(0, top, width, bottom - top);
    drawRows(ctx, lanes, rows, reaching, view, width, palette);
    ctx.restore();
  }
}

/** How far a lane's drawing reaches above its row's top and below it: its markers, strokes and smoothing. */
const REACH_ABOVE = MARKER_SIZE / 2 + 1;
const reachBelow = (row: Row) => Math.max(row.height, MARKER_DROP + MARKER_SIZE / 2) + 1;

/** The spans of the lanes at `indices`, then their markers, which lie over the spans of the lane above. */
function drawRows(ctx: CanvasRenderingContext2D, lanes: readonly Lane[], rows: readonly Row[], indices: readonly number[], view: Window, width: number, palette: Palette): void {
  ctx.font = palette.font;
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'miter'; // the markers leave it round: spans are drawn alike on any redraw
  const { hatch, gone } = patternsOf(ctx);
  for (const i of indices) {
    const lane = lanes[i];
    const row = rows[i];
    if (!lane || !row) continue;
    ctx.fillStyle = palette.lane;
    roundRect(ctx, 0, row.y, width, row.height, 4);
    ctx.fill();
    for (const span of lane.spans) {
      const box = spanBox(span, view, width);
      if (box) drawSpan(ctx, span, box, row, palette, span.tone === 'failed' ? hatch : span.tone === 'gone' ? gone : null);
    }
  }
  for (const i of indices) {
    const lane = lanes[i];
    const row = rows[i];
    if (!lane || !row) continue;
    for (const marker of shownMarkers(lane, view)) {
      drawMarker(ctx, xOf(marker.t, view, width), row.y + MARKER_DROP, marker.warning);
    }
  }
}

function drawSpan(ctx: CanvasRenderingContext2D, span: Span, { x, w }: { x: number; w: number }, row: Row, palette: Palette, pattern: CanvasPattern | null) {
  const tone = palette.tones[span.tone];
  ctx.fillStyle = tone.bg;
  roundRect(ctx, x + 0.5, row.y + 0.5, w - 1, row.height - 1, 3);
  ctx.fill();
  if (pattern) {
    ctx.fillStyle = pattern;
    ctx.fill();
  }
  ctx.strokeStyle = tone.line;
  ctx.lineWidth = 1;
  ctx.stroke();
  const room = w - 10;
  if (room < 8) return;
  ctx.fillStyle = tone.ink;
  ctx.fillText(fitted(ctx, span.label, room), x + 5, row.y + row.height / 2 + 0.5);
}

function drawMarker(ctx: CanvasRenderingContext2D, x: number, y: number, warning: boolean) {
  const r = MARKER_SIZE / 2 - 1.4;
  ctx.beginPath();
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
  ctx.fillStyle = warning ? '#b91c1c' : '#fff';
  ctx.fill();
  ctx.strokeStyle = warning ? '#450a0a' : '#0f172a';
  ctx.lineWidth = 2;
  ctx.lineJoin = 'round';
  ctx.stroke();
}

/** The label cut to `room` pixels with an ellipsis, as the spans' CSS did. */
function fitted(ctx: CanvasRenderingContext2D, label: string, room: number): string {
  if (ctx.measureText(label).width <= room) return label;
  let lo = 0;
  let hi = label.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${label.slice(0, mid)}…`).width <= room) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${label.slice(0, lo)}…`;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.min(r, w / 2, h / 2));
}

const patterns = new WeakMap<CanvasRenderingContext2D, { hatch: CanvasPattern | null; gone: CanvasPattern | null }>();

/** The failed and gone spans' stripes, made once per context: a tile is a canvas of its own. */
function patternsOf(ctx: CanvasRenderingContext2D) {
  let made = patterns.get(ctx);
  if (!made) patterns.set(ctx, (made = { hatch: stripes(ctx, 'rgb(185 28 28 / 0.12)', null), gone: stripes(ctx, '#e5e7eb', '#f9fafb') }));
  return made;
}

/** Diagonal stripes 6 px wide every 12 px, as the failed and deleted spans had in CSS. */
function stripes(ctx: CanvasRenderingContext2D, ink: string, ground: string | null): CanvasPattern | null {
  const size = 17; // lines x + y = 17k are 17/√2 ≈ 12 px apart, and the tile repeats seamlessly
  const tile = new OffscreenCanvas(size, size);
  const c = tile.getContext('2d');
  if (!c) return null;
  if (ground) {
    c.fillStyle = ground;
    c.fillRect(0, 0, size, size);
  }
  c.strokeStyle = ink;
  c.lineWidth = 6;
  for (const offset of [-size, 0, size]) {
    c.beginPath();
    c.moveTo(offset, size);
    c.lineTo(offset + size, 0);
    c.stroke();
  }
  return ctx.createPattern(tile, 'repeat');
}

import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject, type WheelEvent } from 'react';
import { seek } from '../../app/actions';
import { selectPlaying } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { useTrace } from '../../app/useStatusAt';
import { formatAge, formatSeconds } from '../shared/format';
import { LaneCanvas } from './LaneCanvas';
import { hitAt, LATE_SHARE, markerWords, MARKER_DROP, MARKER_SIZE, spanWords, xOf, type Row } from './lane-geometry';
import { LaneWords } from './LaneWords';
import { lanesOf, tickStep, type Lane } from './lanes';
import { shownEnd } from './shown-end';
import { markerAfterKey, shownMarkers, tabStopOf, type MarkerSlot, type Window } from './marker-keys';
import { TimelineCursor } from './TimelineCursor';

const MIN_WINDOW = 2;
const NO_LANES: Lane[] = [];

/** A marker's or span's words beside the pointer. */
interface Tip {
  text: string;
  x: number;
  y: number;
}

/**
 * One lane per container, its states as spans over time, events as markers, a cursor at t.
 * Click or drag on the lanes to move t; zoom and pan for long runs. The lanes are drawn on a
 * canvas (see draw-lanes); the markers are one tab stop, a button on the focused one. In a chunk
 * of its own, inside the panel that Timeline puts on the first screen at once.
 */
export default function TimelinePanel() {
  const trace = useTrace();
  const end = trace?.end ?? 0;
  const reach = trace ? shownEnd(trace) : 0;
  const [zoom, setZoom] = useState<Window | null>(null);
  const view = clampWindow(zoom ?? { from: 0, to: Math.max(reach, MIN_WINDOW) }, reach);
  const tracks = useRef<HTMLDivElement>(null);
  const names = useRef<HTMLDivElement>(null);
  const pressed = useRef(false);
  const [lastStop, setLastStop] = useState<MarkerSlot | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const lanes = trace ? lanesOf(trace) : NO_LANES;
  const { width, height, rows } = useTrackLayout(tracks, names, lanes);

  useFollowCursor(zoom, setZoom);

  const timeAt = (clientX: number) => {
    const box = tracks.current!.getBoundingClientRect();
    return view.from + ((clientX - box.left) / box.width) * (view.to - view.from);
  };
  const hitOf = (event: PointerEvent<HTMLDivElement>) => {
    const box = tracks.current!.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    return { hit: hitAt(lanes, rows, view, width, x, y), x, y };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('button') || event.button !== 0) return;
    const { hit } = hitOf(event);
    if (hit?.kind === 'marker') {
      setLastStop(hit.slot);
      seek(hit.marker.t);
      return;
    }
    pressed.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    seek(timeAt(event.clientX));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (pressed.current) return seek(timeAt(event.clientX));
    const { hit, x, y } = hitOf(event);
    const text = !hit ? null : hit.kind === 'marker' ? markerWords(hit.marker) : spanWords(hit.lane, hit.span);
    if (text !== tip?.text) setTip(text ? { text, x, y } : null);
  };
  const onPointerUp = () => void (pressed.current = false);

  const zoomBy = (factor: number, around = useAppStore.getState().playback.t) => {
    const span = Math.max(MIN_WINDOW, (view.to - view.from) * factor);
    if (span >= reach) return setZoom(null);
    const share = (around - view.from) / (view.to - view.from);
    setZoom(clampWindow({ from: around - share * span, to: around - share * span + span }, reach));
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey) {
      zoomBy(event.deltaY > 0 ? 1.25 : 0.8, timeAt(event.clientX));
    } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      const shift = ((event.deltaX || event.deltaY) / 800) * (view.to - view.from);
      if (zoom) setZoom(clampWindow({ from: view.from + shift, to: view.to + shift }, reach));
    }
  };

  const stop = tabStopOf(lanes, view, lastStop);
  return (
    <>
      <div className="timeline-head">
        <div className="timeline-title">
          <h2 className="panel-title">Timeline</h2>
          <div className="timeline-zoom" role="group" aria-label="Zoom" title="Click or drag on the lanes to move in time; Ctrl+wheel zooms, Shift+wheel pans">
            <button type="button" onClick={() => zoomBy(0.5)} aria-label="Zoom in">+</button>
            <button type="button" onClick={() => zoomBy(2)} disabled={!zoom} aria-label="Zoom out">−</button>
            <button type="button" onClick={() => setZoom(null)} disabled={!zoom} aria-label="Whole run">⤢</button>
          </div>
        </div>
        <div className="timeline-axis-wrap">
          <Axis from={view.from} to={view.to} />
        </div>
      </div>
      <div className="timeline-body">
        <div className="timeline-names" ref={names}>
          {lanes.map((lane) => (
            <div key={lane.name} className={`lane-name lane-${lane.role}`}>{lane.name}</div>
          ))}
        </div>
        <div
          className="timeline-tracks"
          ref={tracks}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onPointerLeave={() => setTip(null)}
          onWheel={onWheel}
        >
          <LaneCanvas lanes={lanes} rows={rows} from={view.from} to={view.to} width={width} height={height} />
          {stop && <MarkerStop lanes={lanes} rows={rows} view={view} width={width} slot={stop} onMove={setLastStop} />}
          {tip && (
            <div className={`timeline-tip${tip.x > width * LATE_SHARE ? ' is-late' : ''}`} role="tooltip" style={{ left: tip.x, top: tip.y }}>
              {tip.text}
            </div>
          )}
          <TimelineCursor from={view.from} to={view.to} end={end} />
        </div>
      </div>
      <LaneWords lanes={lanes} />
    </>
  );
}

/**
 * The markers' one tab stop: a button on the marker in `slot`. The arrow keys move it (see
 * marker-keys); each marker is a button of its own, so a screen reader reads the new one.
 */
function MarkerStop({ lanes, rows, view, width, slot, onMove }: { lanes: readonly Lane[]; rows: readonly Row[]; view: Window; width: number; slot: MarkerSlot; onMove: (slot: MarkerSlot) => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useLayoutEffect(() => {
    if (moved.current) button.current?.focus();
    moved.current = false;
  });
  const at = lanes.findIndex((lane) => lane.name === slot.lane);
  const marker = at >= 0 ? shownMarkers(lanes[at]!, view)[slot.index] : undefined;
  const row = rows[at];
  if (!marker || !row) return null;
  const x = xOf(marker.t, view, width);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = markerAfterKey(event.key, slot, lanes, view);
    if (!next) return;
    event.preventDefault();
    moved.current = true;
    onMove(next);
  };
  const words = markerWords(marker);
  return (
    <button
      key={`${slot.lane}/${slot.index}`}
      ref={button}
      type="button"
      className={`marker${marker.warning ? ' is-warning' : ''}${x > width * LATE_SHARE ? ' is-late' : ''}`}
      style={{ left: x, top: row.y + MARKER_DROP - MARKER_SIZE / 2 }}
      aria-label={words}
      data-tip={`${marker.reason} · ${formatSeconds(marker.t)}`}
      title={words}
      onClick={() => seek(marker.t)}
      onKeyDown={onKeyDown}
      onFocus={() => onMove(slot)}
    />
  );
}

/** The tracks' size and each lane's row, measured from the names column beside them. */
function useTrackLayout(tracks: RefObject<HTMLDivElement | null>, names: RefObject<HTMLDivElement | null>, lanes: readonly Lane[]) {
  const [layout, setLayout] = useState<{ width: number; height: number; rows: Row[] }>({ width: 0, height: 0, rows: [] });
  // The rows follow the names column, which an edit of a behaviour leaves as it is: measuring it
  // then would only force a layout in the middle of the edit.
  const column = lanes.map((lane) => `${lane.role} ${lane.name}`).join('\n');
  useLayoutEffect(() => {
    const measure = () => {
      const column = names.current!;
      const rows = [...column.children].map((name) => {
        const element = name as HTMLElement;
        return { y: element.offsetTop - column.offsetTop, height: element.offsetHeight };
      });
      const { clientWidth: width, clientHeight: height } = tracks.current!;
      setLayout((old) => (old.width === width && old.height === height && sameRows(old.rows, rows) ? old : { width, height, rows }));
    };
    measure();
    const resize = new ResizeObserver(measure);
    resize.observe(tracks.current!);
    resize.observe(names.current!);
    return () => resize.disconnect();
  }, [tracks, names, column]);
  return layout;
}

const sameRows = (a: Row[], b: Row[]) => a.length === b.length && a.every((row, i) => row.y === b[i]!.y && row.height === b[i]!.height);

const pct = (t: number, from: number, to: number) => `${((t - from) / (to - from)) * 100}%`;

function Axis({ from, to }: Window) {
  const step = tickStep(to - from);
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return (
    <div className="timeline-axis" aria-hidden="true">
      {ticks.map((t) => (
        <span key={t} style={{ left: pct(t, from, to) }}>{t < 120 ? `${Math.round(t * 10) / 10}s` : formatAge(t)}</span>
      ))}
    </div>
  );
}

/** While playing in a zoomed view, pans so the cursor stays in sight. */
function useFollowCursor(zoom: Window | null, setZoom: (window: Window) => void) {
  const playing = useAppStore(selectPlaying);
  useEffect(() => {
    if (!zoom || !playing) return;
    return useAppStore.subscribe((state) => {
      const t = state.playback.t;
      const width = zoom.to - zoom.from;
      if (t > zoom.to || t < zoom.from) setZoom({ from: t - width * 0.1, to: t + width * 0.9 });
    });
  }, [zoom, playing, setZoom]);
}

function clampWindow(window: Window, end: number): Window {
  const width = window.to - window.from;
  const max = Math.max(end, MIN_WINDOW);
  if (width >= max) return { from: 0, to: max };
  const from = Math.max(0, Math.min(window.from, max - width));
  return { from, to: from + width };
}

import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import { seek } from '../../app/actions';
import { selectPlaying } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { useTrace } from '../../app/useStatusAt';
import { formatAge } from '../shared/format';
import { LaneTrack } from './LaneTrack';
import { lanesOf, tickStep, type Lane } from './lanes';
import { markerAfterKey, slotOf, type MarkerSlot } from './marker-keys';
import { TimelineCursor } from './TimelineCursor';

interface Window {
  from: number;
  to: number;
}

const MIN_WINDOW = 2;

/**
 * One lane per container, its states as spans over time, events as markers, a cursor at t.
 * Click or drag on the lanes to move t; zoom and pan for long runs.
 */
export function Timeline() {
  const trace = useTrace();
  const end = trace?.end ?? 0;
  const [zoom, setZoom] = useState<Window | null>(null);
  const view = clampWindow(zoom ?? { from: 0, to: Math.max(end, MIN_WINDOW) }, end);
  const tracks = useRef<HTMLDivElement>(null);
  const pressed = useRef(false);
  const [tabStop, setTabStop] = useState<MarkerSlot | null>(null);

  useFollowCursor(zoom, setZoom);

  const timeAt = useCallback(
    (clientX: number) => {
      const box = tracks.current!.getBoundingClientRect();
      return view.from + ((clientX - box.left) / box.width) * (view.to - view.from);
    },
    [view.from, view.to],
  );

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('button') || event.button !== 0) return;
    pressed.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    seek(timeAt(event.clientX));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (pressed.current) seek(timeAt(event.clientX));
  };
  const onPointerUp = () => void (pressed.current = false);

  const zoomBy = (factor: number, around = useAppStore.getState().playback.t) => {
    const width = Math.max(MIN_WINDOW, (view.to - view.from) * factor);
    if (width >= end) return setZoom(null);
    const share = (around - view.from) / (view.to - view.from);
    setZoom(clampWindow({ from: around - share * width, to: around - share * width + width }, end));
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey) {
      zoomBy(event.deltaY > 0 ? 1.25 : 0.8, timeAt(event.clientX));
    } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
      const shift = ((event.deltaX || event.deltaY) / 800) * (view.to - view.from);
      if (zoom) setZoom(clampWindow({ from: view.from + shift, to: view.to + shift }, end));
    }
  };

  const onMarkerKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = slotOf(event.target as Element) && markerAfterKey(event.key, event.target as HTMLElement);
    if (!next) return;
    event.preventDefault();
    next.focus();
  };
  const onMarkerFocus = (event: FocusEvent<HTMLDivElement>) => {
    const slot = slotOf(event.target);
    if (slot && (slot.lane !== tabStop?.lane || slot.index !== tabStop.index)) setTabStop(slot);
  };

  const lanes = trace ? lanesOf(trace) : [];
  const stopLane = tabStopLane(lanes, tabStop, view);
  return (
    <section className="timeline" aria-label="Timeline">
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
        <div className="timeline-names">
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
          onWheel={onWheel}
          onKeyDown={onMarkerKey}
          onFocus={onMarkerFocus}
        >
          {lanes.map((lane) => (
            <LaneTrack
              key={lane.name}
              lane={lane}
              from={view.from}
              to={view.to}
              tabbable={lane.name === stopLane ? (lane.name === tabStop?.lane ? tabStop.index : 0) : null}
            />
          ))}
          <TimelineCursor from={view.from} to={view.to} end={end} />
        </div>
      </div>
    </section>
  );
}

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

/** The lane holding the markers' tab stop: the last one focused, else the first lane with a marker in view. */
function tabStopLane(lanes: Lane[], tabStop: MarkerSlot | null, view: Window): string | undefined {
  const inView = (lane: Lane) => lane.markers.some((m) => m.t >= view.from && m.t <= view.to);
  if (tabStop && lanes.some((lane) => lane.name === tabStop.lane && inView(lane))) return tabStop.lane;
  return lanes.find(inView)?.name;
}

function clampWindow(window: Window, end: number): Window {
  const width = window.to - window.from;
  const max = Math.max(end, MIN_WINDOW);
  if (width >= max) return { from: 0, to: max };
  const from = Math.max(0, Math.min(window.from, max - width));
  return { from, to: from + width };
}

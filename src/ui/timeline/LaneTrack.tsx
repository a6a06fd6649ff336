import { memo, useMemo } from 'react';
import { seek } from '../../app/actions';
import type { Lane, Marker } from './lanes';

const pct = (t: number, from: number, to: number) => `${((t - from) / (to - from)) * 100}%`;

/**
 * One lane's spans and event markers in a time window. Nothing here depends on t, so playing
 * never re-renders a lane; a zoom does, and a new run only where this lane changed.
 * `tabbable`: the index of this lane's marker that is the timeline's one tab stop (see marker-keys).
 */
export const LaneTrack = memo(function LaneTrack({ lane, from, to, tabbable }: { lane: Lane; from: number; to: number; tabbable: number | null }) {
  const markers = useMemo(() => {
    const shown: Marker[] = [];
    let lastShare = -1;
    for (const marker of lane.markers) {
      if (marker.t < from || marker.t > to) continue;
      const share = (marker.t - from) / (to - from);
      if (share - lastShare < 0.004) continue;
      lastShare = share;
      shown.push(marker);
    }
    return shown;
  }, [lane, from, to]);
  return (
    <div className={`lane lane-${lane.role}`}>
      {lane.spans
        .filter((span) => span.to >= from && span.from <= to)
        .map((span) => (
          <div
            key={span.from}
            className={`span tone-${span.tone}`}
            style={{ left: pct(Math.max(span.from, from), from, to), width: pct(Math.min(span.to, to) - Math.max(span.from, from) + from, from, to) }}
            title={`${lane.name}: ${span.label}, ${span.from.toFixed(1)}–${span.to.toFixed(1)} s`}
          >
            <span className="span-label">{span.label}</span>
          </div>
        ))}
      {markers.map((marker, i) => (
        <button
          key={i}
          type="button"
          className={`marker${marker.warning ? ' is-warning' : ''}${(marker.t - from) / (to - from) > 0.6 ? ' is-late' : ''}`}
          style={{ left: pct(marker.t, from, to) }}
          tabIndex={i === Math.min(tabbable ?? -1, markers.length - 1) ? 0 : -1}
          data-marker-lane={lane.name}
          data-marker-index={i}
          aria-label={`${marker.reason} at ${marker.t.toFixed(1)} s: ${marker.message}`}
          data-tip={`${marker.reason} · ${marker.t.toFixed(1)} s`}
          title={`${marker.reason} at ${marker.t.toFixed(1)} s: ${marker.message}`}
          onClick={() => seek(marker.t)}
        />
      ))}
    </div>
  );
});

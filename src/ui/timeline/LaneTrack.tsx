import { memo, useMemo } from 'react';
import { seek } from '../../app/actions';
import { containerEvents } from '../../app/trace-index';
import type { Trace } from '../../engine/trace';
import type { Lane } from './lanes';

const pct = (t: number, from: number, to: number) => `${((t - from) / (to - from)) * 100}%`;

/**
 * One lane's spans and event markers for a trace and a time window. Nothing here depends on t,
 * so playing never re-renders a lane; only a new trace or a zoom does.
 */
export const LaneTrack = memo(function LaneTrack({ lane, trace, from, to }: { lane: Lane; trace: Trace; from: number; to: number }) {
  const markers = useMemo(() => {
    const events = lane.role === 'pod' ? trace.events.filter((e) => !('container' in e)) : containerEvents(trace, lane.name);
    const shown = [];
    let lastShare = -1;
    for (const event of events) {
      if (!event.event || event.t < from || event.t > to) continue;
      const share = (event.t - from) / (to - from);
      if (share - lastShare < 0.004) continue;
      lastShare = share;
      shown.push(event);
    }
    return shown;
  }, [lane, trace, from, to]);
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
      {markers.map((event, i) => (
        <button
          key={i}
          type="button"
          className={`marker${event.event!.type === 'Warning' ? ' is-warning' : ''}`}
          style={{ left: pct(event.t, from, to) }}
          aria-label={`${event.event!.reason} at ${event.t.toFixed(1)} s: ${event.event!.message}`}
          data-tip={`${event.event!.reason} · ${event.t.toFixed(1)} s`}
          title={`${event.event!.reason} at ${event.t.toFixed(1)} s: ${event.event!.message}`}
          onClick={() => seek(event.t)}
        />
      ))}
    </div>
  );
});

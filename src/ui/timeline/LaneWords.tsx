import { memo } from 'react';
import { spanTimes } from './lane-geometry';
import type { Lane } from './lanes';

/** The lanes' spans in words, for screen readers and for finding text: the canvas has none. */
export const LaneWords = memo(function LaneWords({ lanes }: { lanes: readonly Lane[] }) {
  return (
    <ul className="visually-hidden" aria-label="States over time">
      {lanes.map((lane) => (
        <li key={lane.name}>
          {lane.name}: {lane.spans.map((span) => `${span.label} ${spanTimes(span)}`).join('; ')}
        </li>
      ))}
    </ul>
  );
});

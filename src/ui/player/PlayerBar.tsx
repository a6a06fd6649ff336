import type { CSSProperties } from 'react';
import { pause, play, restart, seek, setSpeed, stepBack, stepForward } from '../../app/actions';
import { selectEnd, selectPlaying, selectSpeed, selectSwift } from '../../app/selectors';
import type { AppState } from '../../app/store';
import { useAppStore, type Speed } from '../../app/store';
import { useSwiftSecond } from '../../app/useSwiftSecond';
import { formatSeconds } from '../shared/format';
import { Icon } from '../shared/Icon';

const SPEEDS: { value: string; label: string }[] = [
  { value: '0.5', label: '0.5×' },
  { value: '1', label: '1×' },
  { value: '2', label: '2×' },
  { value: '5', label: '5×' },
  { value: '10', label: '10×' },
  { value: '20', label: '20×' },
  { value: 'events', label: 'Events' },
];

/** Play, pause, step between events, scrub, restart: everything moves t and nothing else. */
export function PlayerBar() {
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const end = useAppStore(selectEnd);
  return (
    <div className="player" role="group" aria-label="Player">
      <button type="button" className="player-button player-play" onClick={playing ? pause : play} aria-keyshortcuts="Space">
        <Icon name={playing ? 'pause' : 'play'} /> {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className="player-button" onClick={stepBack} aria-label="Step back" aria-keyshortcuts=", PageUp" title="Previous event (, or Page Up)">
        <Icon name="stepBack" />
      </button>
      <button type="button" className="player-button" onClick={stepForward} aria-label="Step forward" aria-keyshortcuts=". PageDown" title="Next event (. or Page Down)">
        <Icon name="stepForward" />
      </button>
      <button type="button" className="player-button" onClick={restart} aria-label="Restart" title="Back to 0 s">
        <Icon name="restart" />
      </button>
      <TimeSlider end={end} />
      <label className="player-speed">
        <span aria-hidden="true">Speed</span>
        <select
          aria-label="Speed"
          value={String(speed)}
          onChange={(event) => setSpeed(event.target.value === 'events' ? 'events' : (Number(event.target.value) as Speed))}
        >
          {SPEEDS.map((s) => (
            <option key={s.value} value={s.value}>{s.label}</option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** t itself, except while playing swiftly (then null: see useSwiftSecond). */
const selectExactT = (s: AppState): number | null => (selectSwift(s) ? null : s.playback.t);

function TimeSlider({ end }: { end: number }) {
  // Paused or slow, t itself, at once: a drag must follow the hand.
  const exact = useAppStore(selectExactT);
  const second = useSwiftSecond();
  const t = exact ?? second ?? 0;
  return (
    <div className="player-time">
      <div className="player-time-body">
        <input
          type="range"
          aria-label="Time"
          min={0}
          max={end}
          step={0.1}
          value={t}
          aria-valuetext={`${t.toFixed(1)} seconds`}
          style={{ '--at': end > 0 ? Math.min(1, t / end) : 0 } as CSSProperties}
          onChange={(event) => seek(Number(event.target.value))}
        />
        <output className="player-clock" aria-live="off">
          <strong>{formatSeconds(t)}</strong> / {formatSeconds(end)}
        </output>
      </div>
    </div>
  );
}

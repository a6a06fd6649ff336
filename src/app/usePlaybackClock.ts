import { useEffect } from 'react';
import { nextEventTime, runOf } from './derived';
import { selectPlaying } from './selectors';
import { useAppStore } from './store';

/** Real seconds between two stops in "next event" mode. */
const EVENT_STEP_SECONDS = 0.9;
/** A frame longer than this (a background tab) does not jump the pod forward. */
const MAX_FRAME_SECONDS = 0.1;

/**
 * The one owner of requestAnimationFrame: while playing, advances t by the speed. Everything
 * else on screen is derived from t, so this is the only loop.
 */
export function usePlaybackClock(): void {
  const playing = useAppStore(selectPlaying);
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let sinceStop = 0;
    const tick = (now: number) => {
      const dt = Math.min((now - last) / 1000, MAX_FRAME_SECONDS);
      last = now;
      const { scenario, playback } = useAppStore.getState();
      const trace = runOf(scenario.source, playback.horizon)?.trace;
      if (!trace) return;
      let t = playback.t;
      if (playback.speed === 'events') {
        sinceStop += dt;
        if (sinceStop >= EVENT_STEP_SECONDS) {
          sinceStop = 0;
          t = nextEventTime(trace, t) ?? trace.end;
        }
      } else {
        t = Math.min(trace.end, t + dt * playback.speed);
      }
      const done = t >= trace.end;
      useAppStore.setState({ playback: { ...playback, t, playing: !done } });
      if (!done) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
}

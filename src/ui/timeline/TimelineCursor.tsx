import { useLayoutEffect, useRef } from 'react';
import { useAppStore, type PlaybackSlice } from '../../app/store';
import { useSwiftSecond } from '../../app/useSwiftSecond';

/** How far (share of the window) the cursor may drift from t before it is set right. */
const TOLERANCE = 0.002;

/**
 * The cursor at t, the one thing on the timeline that moves while playing. It never goes
 * through React's rendering. Paused, a store subscription sets its transform. Playing at a
 * steady speed, it runs as one linear animation of its transform to the end of the window, which
 * the compositor plays; the subscription only restarts it when t leaves its path (a seek, a new
 * speed, a frame the clock capped). Playing swiftly, it steps by whole pod seconds with the slider
 * and the clock (see useSwiftSecond): a running animation still costs the main thread a restyle
 * in every frame, which a slow machine feels most when the pod changes fastest.
 */
export function TimelineCursor({ from, to, end }: { from: number; to: number; end: number }) {
  const track = useRef<HTMLDivElement>(null);
  const cursor = useRef<HTMLDivElement>(null);
  const second = useSwiftSecond();
  const swiftSecond = useRef(second);
  swiftSecond.current = second;
  const refollow = useRef(() => {});
  useLayoutEffect(() => {
    const element = cursor.current!;
    const tracks = track.current!.parentElement!;
    let width = tracks.clientWidth;
    let run: { animation: Animation; t: number; speed: number } | null = null;
    let placed = '';
    const x = (t: number) => `translateX(${((t - from) / (to - from)) * width}px)`;

    const stop = () => {
      run?.animation.cancel();
      run = null;
    };
    const place = (t: number) => {
      stop();
      const visibility = t < from || t > to ? 'hidden' : 'visible';
      const transform = x(t);
      if (`${visibility} ${transform}` === placed) return;
      placed = `${visibility} ${transform}`;
      element.style.visibility = visibility;
      element.style.transform = transform;
    };
    const follow = ({ t, playing, speed }: PlaybackSlice) => {
      const stopAt = Math.min(to, end);
      if (swiftSecond.current !== null) return place(swiftSecond.current);
      if (!playing || speed === 'events' || t >= stopAt || t < from) return place(t);
      if (run && run.speed === speed) {
        const onPath = run.t + ((Number(run.animation.currentTime) || 0) / 1000) * speed;
        if (Math.abs(onPath - t) <= TOLERANCE * (to - from)) return;
      }
      stop();
      placed = '';
      element.style.visibility = 'visible';
      element.style.transform = x(t);
      const animation = element.animate([{ transform: x(t) }, { transform: x(stopAt) }], {
        duration: ((stopAt - t) / speed) * 1000,
        easing: 'linear',
        fill: 'forwards',
      });
      // Started at this frame's time, the moment t was computed for, not when it gets composited.
      animation.startTime = document.timeline.currentTime;
      run = { animation, t, speed };
    };
    refollow.current = () => follow(useAppStore.getState().playback);

    const resize = new ResizeObserver(() => {
      width = tracks.clientWidth;
      stop();
      placed = '';
      refollow.current();
    });
    resize.observe(tracks);
    refollow.current();
    const unsubscribe = useAppStore.subscribe((state, previous) => {
      if (state.playback !== previous.playback) follow(state.playback);
    });
    return () => {
      unsubscribe();
      resize.disconnect();
      stop();
    };
  }, [from, to, end]);
  useLayoutEffect(() => refollow.current(), [second]);
  return (
    <div className="timeline-cursor-track" ref={track} aria-hidden="true">
      <div className="timeline-cursor" ref={cursor} />
    </div>
  );
}

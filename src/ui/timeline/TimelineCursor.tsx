import { useLayoutEffect, useRef } from 'react';
import { useAppStore, type PlaybackSlice } from '../../app/store';
import { useSwiftSecond } from '../../app/useSwiftSecond';
import { cssContext } from './css-canvas';
import { xOf } from './lane-geometry';

/** How far (share of the window) the cursor may drift from t before it is set right. */
const TOLERANCE = 0.002;
/** The cursor's shape in CSS pixels, as .timeline-cursor draws it: its line and its tip. */
const CURSOR_INSET = 8;
const CURSOR_WIDTH = 3;
const TIP_HALF = 7;
const TIP_HEIGHT = 9;

/**
 * The cursor at t, the one thing on the timeline that moves while playing. Where it stands is
 * never rendered by React. Paused, a store subscription sets its transform. Playing at a
 * steady speed, it runs as one linear animation of its transform to the end of the window, which
 * the compositor plays; the subscription only restarts it when t leaves its path (a seek, a new
 * speed, a frame the clock capped). Playing swiftly, it steps by whole pod seconds with the slider
 * and the clock (see useSwiftSecond), drawn on a canvas of its own: a running animation costs the
 * main thread a restyle in every frame, and a transform set from script makes Chromium rebuild
 * the page's compositing layers, while a canvas that changes is only painted again.
 */
export function TimelineCursor({ from, to, end }: { from: number; to: number; end: number }) {
  const track = useRef<HTMLDivElement>(null);
  const cursor = useRef<HTMLDivElement>(null);
  const steps = useRef<HTMLCanvasElement>(null);
  const second = useSwiftSecond();
  const swiftSecond = useRef(second);
  swiftSecond.current = second;
  const refollow = useRef(() => {});
  useLayoutEffect(() => {
    const element = cursor.current!;
    const canvas = steps.current!;
    const tracks = track.current!.parentElement!;
    let width = tracks.clientWidth;
    let height = tracks.clientHeight;
    let run: { animation: Animation; t: number; speed: number } | null = null;
    let placed = '';
    /** The second the canvas shows (null: nothing; undefined: not known, so the next draw repaints). */
    let drawn: number | null | undefined;
    const color = getComputedStyle(element).borderLeftColor;
    const px = (t: number) => xOf(t, { from, to }, width);
    const x = (t: number) => `translateX(${px(t)}px)`;

    const stop = () => {
      run?.animation.cancel();
      run = null;
    };
    // Kept here, not read back from the element's style: playing swiftly, every frame asks.
    let shown = '';
    const show = (visibility: 'visible' | 'hidden') => {
      if (visibility === shown) return;
      shown = visibility;
      element.style.visibility = visibility;
    };
    /** The cursor as the element shows it (see .timeline-cursor), on the canvas; null clears it. */
    const draw = (t: number | null) => {
      if (t === drawn) return;
      drawn = t;
      const context = cssContext(canvas, width + 2 * CURSOR_INSET, height);
      if (!context || t === null || t < from || t > to) return;
      const left = CURSOR_INSET + px(t);
      context.fillStyle = color;
      context.fillRect(left, 0, CURSOR_WIDTH, height);
      context.beginPath();
      context.moveTo(left - TIP_HALF + CURSOR_WIDTH / 2, 0);
      context.lineTo(left + TIP_HALF + CURSOR_WIDTH / 2, 0);
      context.lineTo(left + CURSOR_WIDTH / 2, TIP_HEIGHT);
      context.fill();
    };
    const place = (t: number) => {
      stop();
      draw(null);
      show(t < from || t > to ? 'hidden' : 'visible');
      const transform = x(t);
      if (transform === placed) return;
      placed = transform;
      element.style.transform = transform;
    };
    const step = (second: number) => {
      stop();
      show('hidden');
      draw(second);
    };
    const follow = ({ t, playing, speed }: PlaybackSlice) => {
      const stopAt = Math.min(to, end);
      if (swiftSecond.current !== null) return step(swiftSecond.current);
      if (!playing || speed === 'events' || t >= stopAt || t < from) return place(t);
      if (run && run.speed === speed) {
        const onPath = run.t + ((Number(run.animation.currentTime) || 0) / 1000) * speed;
        if (Math.abs(onPath - t) <= TOLERANCE * (to - from)) return;
      }
      stop();
      draw(null);
      placed = '';
      show('visible');
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
      height = tracks.clientHeight;
      stop();
      placed = '';
      drawn = undefined;
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
      <canvas className="timeline-cursor-steps" ref={steps} />
    </div>
  );
}

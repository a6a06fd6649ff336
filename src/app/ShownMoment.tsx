/**
 * The moment the canvas and the panes show, kept in one place and moved on at transition
 * priority. Playing moves t every frame; what is shown changes only at the next recorded change
 * or the next second of an age or a countdown (see nextShownChange). When it does, the clock and
 * the timeline's cursor move in that frame, and React works out and renders the nodes and the
 * panes in a task of its own between frames, instead of in the frame. An edit (a new run) is
 * shown at once.
 */
import { createContext, startTransition, use, useEffect, useState, type ReactNode } from 'react';
import type { Trace } from '../engine/trace';
import { selectRun } from './selectors';
import { useAppStore, type AppState } from './store';
import { untilNextChange } from './trace-index';

/** A run and a pod time in the current shown moment: any t in it gives the same answers. */
export interface Shown {
  trace: Trace | undefined;
  t: number;
}

/** The t at which the current shown moment was first seen (until the next shown change). */
const momentStart = untilNextChange((_trace, t) => t, (_previous, next) => next);
let lastShown: Shown = { trace: undefined, t: 0 };

function shownOf(s: AppState): Shown {
  const trace = selectRun(s)?.trace;
  const t = trace ? momentStart(trace, s.playback.t, undefined) : 0;
  if (trace !== lastShown.trace || t !== lastShown.t) lastShown = { trace, t };
  return lastShown;
}

const ShownContext = createContext<Shown>({ trace: undefined, t: 0 });

export function ShownMoment({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(() => shownOf(useAppStore.getState()));
  useEffect(() => {
    let last = shownOf(useAppStore.getState());
    setShown(last);
    return useAppStore.subscribe((state) => {
      const next = shownOf(state);
      if (next === last) return;
      const edited = next.trace !== last.trace;
      last = next;
      if (edited) setShown(next);
      else startTransition(() => setShown(next));
    });
  }, []);
  return <ShownContext value={shown}>{children}</ShownContext>;
}

export function useShown(): Shown {
  return use(ShownContext);
}

import { startTransition, useLayoutEffect, useState } from 'react';
import { selectSwift } from './selectors';
import { useAppStore } from './store';

/**
 * While playing swiftly (see selectSwift), the whole pod second, moved on at transition priority;
 * otherwise null. What moves with t (the slider, the clock, the timeline's cursor) then moves once
 * a pod second, in the frame that draws the status panes' new second anyway (see useShown), not
 * in frames of its own: tenths would change every frame, too fast to read.
 */
export function useSwiftSecond(): number | null {
  const swift = useAppStore(selectSwift);
  const [second, setSecond] = useState(0);
  useLayoutEffect(() => {
    if (!swift) return;
    let last = Math.floor(useAppStore.getState().playback.t);
    setSecond(last); // before the first swift frame is painted, so it never shows a stale second
    return useAppStore.subscribe((state) => {
      const next = Math.floor(state.playback.t);
      if (next === last) return;
      last = next;
      startTransition(() => setSecond(next));
    });
  }, [swift]);
  return swift ? second : null;
}

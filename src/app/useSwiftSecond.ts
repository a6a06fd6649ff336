import { selectSecond, selectSwift } from './selectors';
import { useAppStore } from './store';
import { useStoreAsTransition } from './useStoreAsTransition';

/**
 * While playing swiftly (see selectSwift), the whole pod second, moved on at transition priority;
 * otherwise null. What moves with t (the slider, the clock, the timeline's cursor) then moves once
 * a pod second, in the frame that draws the status panes' new second anyway (see useShown), not
 * in frames of its own: tenths would change every frame, too fast to read.
 */
export function useSwiftSecond(): number | null {
  const swift = useAppStore(selectSwift);
  const second = useStoreAsTransition(selectSecond, swift);
  return swift ? second : null;
}

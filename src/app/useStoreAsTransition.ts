import { startTransition, useLayoutEffect, useState } from 'react';
import { useAppStore, type AppState } from './store';

/**
 * A value `select` derives from the store, followed at transition priority: a store change only
 * notes that the value moved on, and React renders what shows it in a task of its own, after the
 * frame that moved t. (The store's own hook would render it in that same frame: an external
 * store's update cannot wait.) While `active` is false the value is not followed. With `everyMs`,
 * a new value is shown at most once in that many milliseconds: the latest, when the wait is over.
 * `select` must keep its identity, and return the same object while nothing it shows changes.
 */
export function useStoreAsTransition<T>(select: (s: AppState) => T, active = true, everyMs = 0): T {
  const [value, setValue] = useState(() => select(useAppStore.getState()));
  useLayoutEffect(() => {
    if (!active) return;
    let last = select(useAppStore.getState());
    let setAt = performance.now();
    let timer = 0;
    setValue(last); // before paint, what changed since the render (a new follow never shows a stale value)
    const show = () => {
      timer = 0;
      setAt = performance.now();
      const next = last;
      startTransition(() => setValue(next));
    };
    const unsubscribe = useAppStore.subscribe((state) => {
      const next = select(state);
      if (next === last) return;
      last = next;
      const wait = setAt + everyMs - performance.now();
      if (wait <= 0) show();
      else timer ||= window.setTimeout(show, wait);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [select, active, everyMs]);
  return value;
}

import { startTransition, useLayoutEffect, useState } from 'react';
import { useAppStore, type AppState } from './store';

/**
 * A value `select` derives from the store, followed at transition priority: a store change only
 * notes that the value moved on, and React renders what shows it in a task of its own, after the
 * frame that moved t. (The store's own hook would render it in that same frame: an external
 * store's update cannot wait.) While `active` is false the value is not followed. `select` must
 * keep its identity, and return the same object while nothing it shows changes.
 */
export function useStoreAsTransition<T>(select: (s: AppState) => T, active = true): T {
  const [value, setValue] = useState(() => select(useAppStore.getState()));
  useLayoutEffect(() => {
    if (!active) return;
    let last = select(useAppStore.getState());
    setValue(last); // before paint, what changed since the render (a new follow never shows a stale value)
    return useAppStore.subscribe((state) => {
      const next = select(state);
      if (next === last) return;
      last = next;
      startTransition(() => setValue(next));
    });
  }, [select, active]);
  return value;
}

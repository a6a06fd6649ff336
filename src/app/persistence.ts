/**
 * Saved work: the scenario text and the playback time in localStorage, written shortly after each
 * change, so a reload or a crashed tab finds the pod where it was. Restored text goes through the
 * same gate as everything else (the store keeps text; derived.ts parses it).
 */
import { dismissNotice, showNotice } from './notices';
import { useAppStore } from './store';

export const SAVED_WORK_KEY = 'podlab.work.v1';
const SAVE_DELAY_MS = 400;
const QUOTA_NOTICE = 'saved-work-quota';

export interface SavedWork {
  source: string;
  t: number;
  /** The library or example text this work was opened from, while unchanged it needs no confirmation to replace. */
  opened: string | null;
}

let opened: string | null = null;

/** Remembers the text just opened from the library, the example or the empty pod. */
export function markOpened(source: string | null): void {
  opened = source;
}

/** Whether replacing the current work loses nothing: it is a library or example text, unmodified. */
export function isPristine(source: string): boolean {
  return opened !== null && source === opened;
}

export function readSavedWork(storage: Storage | undefined = safeStorage()): SavedWork | null {
  try {
    const raw = storage?.getItem(SAVED_WORK_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<SavedWork>;
    if (typeof value.source !== 'string') return null;
    return {
      source: value.source,
      t: typeof value.t === 'number' && Number.isFinite(value.t) && value.t >= 0 ? value.t : 0,
      opened: typeof value.opened === 'string' ? value.opened : null,
    };
  } catch {
    return null;
  }
}

/** Writes the work now; false (and a visible notice) when the browser refuses it. */
export function writeSavedWork(work: SavedWork, storage: Storage | undefined = safeStorage()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SAVED_WORK_KEY, JSON.stringify(work));
    dismissNotice(QUOTA_NOTICE);
    return true;
  } catch (error) {
    showNotice({
      id: QUOTA_NOTICE,
      level: 'error',
      message: isQuotaError(error)
        ? 'Your work is not being saved: the browser storage for this site is full. Export the scenario as a file, or free space (site data) and edit again.'
        : `Your work is not being saved: the browser refused to store it (${error instanceof Error ? error.message : String(error)}).`,
    });
    return false;
  }
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || error.code === 22);
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

const currentWork = (): SavedWork => {
  const { scenario, playback } = useAppStore.getState();
  return { source: scenario.source, t: playback.t, opened };
};

/**
 * Saves the work after it changes, at most every SAVE_DELAY_MS (the timer is not reset by each
 * change: while scrubbing, that would never fire). While playing, t alone is not saved: it moves
 * every frame, and writing the whole scenario every few frames would cost a slow machine frames.
 * It is saved when playing stops (pause or the run's end) and when the page is hidden.
 * Returns the unsubscribe function.
 */
export function keepWorkSaved(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    writeSavedWork(currentWork());
  };
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    const moved = state.playback.t !== previous.playback.t || state.playback.playing !== previous.playback.playing;
    if (state.scenario === previous.scenario && !(moved && !state.playback.playing)) return;
    timer ??= setTimeout(flush, SAVE_DELAY_MS);
  });
  const onHide = () => flush();
  window.addEventListener('pagehide', onHide);
  document.addEventListener('visibilitychange', onHide);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', onHide);
    document.removeEventListener('visibilitychange', onHide);
    if (timer !== undefined) clearTimeout(timer);
  };
}

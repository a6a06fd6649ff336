/**
 * What the page opens on: the saved work (or the example pod), then a share link in the address on
 * top of it as an undoable edit, so a bad link or an Undo leaves the saved work in place.
 */
import { showNotice } from './notices';
import { keepWorkSaved, markOpened, readSavedWork } from './persistence';
import { useAppStore } from './store';
import { EXAMPLE_SCENARIO } from './example-scenario';

/** Resolves when the page can show the work: at once, or once a share link in the address is open. */
export function startWork(): Promise<void> {
  const saved = readSavedWork();
  if (saved) {
    useAppStore.setState((s) => ({
      scenario: { source: saved.source },
      selection: { selected: saved.source === EXAMPLE_SCENARIO ? s.selection.selected : { kind: 'pod' } },
      playback: { ...s.playback, t: saved.t },
    }));
    markOpened(saved.opened);
  } else {
    markOpened(EXAMPLE_SCENARIO);
  }
  useAppStore.temporal.getState().clear();
  const opened = openShareLinkInAddress();
  keepWorkSaved();
  window.addEventListener('hashchange', () => void openShareLinkInAddress());
  return opened;
}

/**
 * The share-link reader (with its decompressor) loads only when the address holds a link. This
 * test mirrors isShareHash in scenario/share-link.ts, which the reader checks again.
 */
export const mayBeShareHash = (hash: string): boolean => /^#?v\d+&/.test(hash);

async function openShareLinkInAddress(): Promise<void> {
  if (!mayBeShareHash(location.hash)) return;
  try {
    const { openShareLinkFromAddress } = await import('./share');
    openShareLinkFromAddress();
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    showNotice({ id: 'share-link-load', level: 'error', message: `The share link could not be opened (${why}). The work already on this page was kept.` });
  }
}

/**
 * What the page opens on: the saved work (or the example pod), then a share link in the address on
 * top of it as an undoable edit, so a bad link or an Undo leaves the saved work in place.
 */
import { keepWorkSaved, markOpened, readSavedWork } from './persistence';
import { openShareLinkFromAddress } from './share';
import { useAppStore } from './store';
import { EXAMPLE_SCENARIO } from './example-scenario';

export function startWork(): void {
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
  openShareLinkFromAddress();
  keepWorkSaved();
  window.addEventListener('hashchange', openShareLinkFromAddress);
}

/**
 * Share links in the app: making one from the current work, and opening one from the address,
 * at start-up or when the hash changes in an open tab. A link that cannot be read leaves the work
 * on the page alone and says why, in the share-link module's words.
 */
import { decodeShareHash, encodeShareHash, isShareHash } from '../scenario/share-link';
import { openScenario } from './actions';
import { dismissNotice, showNotice } from './notices';
import { markOpened } from './persistence';
import { useAppStore } from './store';

export const SHARE_NOTICE = 'share-link';

export type ShareLink = { ok: true; url: string } | { ok: false; message: string };

/** The address of this page holding the current scenario and time. */
export function makeShareLink(base: string = location.href): ShareLink {
  const { scenario, playback } = useAppStore.getState();
  const encoded = encodeShareHash({ source: scenario.source, t: playback.t });
  if (!encoded.ok) return { ok: false, message: encoded.message };
  return { ok: true, url: base.replace(/#.*$/, '') + encoded.hash };
}

/**
 * Opens the share link in `location.hash`, if there is one, then takes it out of the address so a
 * reload shows the saved work (which by then holds the shared scenario) rather than the link again.
 */
export function openShareLinkFromAddress(): void {
  const { hash } = location;
  if (!isShareHash(hash)) return;
  const result = decodeShareHash(hash);
  history.replaceState(history.state, '', location.pathname + location.search);
  if (!result.ok) {
    showNotice({ id: SHARE_NOTICE, level: 'error', message: `${result.message} The work already on this page was kept.` });
    return;
  }
  const hadWork = useAppStore.getState().scenario.source !== result.scenario.source;
  openScenario(result.scenario.source, result.scenario.t);
  markOpened(null);
  if (hadWork) {
    showNotice({ id: SHARE_NOTICE, level: 'info', message: 'Opened the shared scenario. Undo brings back the work you had here.' });
  } else {
    dismissNotice(SHARE_NOTICE);
  }
}

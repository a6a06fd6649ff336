/**
 * Starting anew — the example, the empty pod, a library scenario — asks first unless the work on
 * the page is itself a library or example text, unmodified (then nothing would be lost).
 */
import { parseScenario } from '../scenario/parse-scenario';
import { loadEmpty, loadExample, openScenario } from './actions';
import { EMPTY_SCENARIO, EXAMPLE_SCENARIO } from './example-scenario';
import { isPristine, markOpened } from './persistence';
import { useAppStore } from './store';

export function mayReplaceWork(confirm: (message: string) => boolean = (m) => window.confirm(m)): boolean {
  if (isPristine(useAppStore.getState().scenario.source)) return true;
  return confirm('Replace the pod you are working on? It is not one of the library scenarios as shipped. (Undo brings it back.)');
}

export function startFromExample(): void {
  if (!mayReplaceWork()) return;
  loadExample();
  markOpened(EXAMPLE_SCENARIO);
}

export function startEmpty(): void {
  if (!mayReplaceWork()) return;
  loadEmpty();
  markOpened(EMPTY_SCENARIO);
}

export type LibraryOpen = { ok: true } | { ok: false; message: string } | { ok: false; cancelled: true };

/** Opens a library scenario through the gate: an invalid file is reported, never loaded. */
export function openLibraryScenario(title: string, source: string): LibraryOpen {
  const result = parseScenario(source);
  if (!result.ok) {
    const first = result.issues[0];
    const where = first?.line ? `line ${first.line}: ` : '';
    return { ok: false, message: `The library scenario "${title}" is not valid: ${where}${first?.message ?? 'unknown problem'}` };
  }
  if (!mayReplaceWork()) return { ok: false, cancelled: true };
  openScenario(source, 0);
  markOpened(source);
  return { ok: true };
}

import { useEffect } from 'react';
import { redo, stepBack, stepForward, togglePlay, undo } from './actions';

/** Keys that belong to a focused field and must not drive the player. */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Where a presenter's clicker (Page Down, Page Up) steps the player: nothing focused, or the
 * player, the Pod or the timeline. Elsewhere the keys keep scrolling what they scroll (a panel, a
 * dialog's list).
 */
function clickerTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return target === document.body || target.closest('.player, .canvas, .timeline') !== null;
}

/**
 * Undo/redo (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y) everywhere except in the YAML text, which has
 * its own; Space, "," and "." drive the player when no field has the focus, and so do a
 * presenter's clicker's Page Down and Page Up where they would scroll nothing of use.
 */
export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      // The YAML editor (a contenteditable) and text areas keep their own undo history.
      const inText = event.target instanceof HTMLTextAreaElement || (event.target instanceof HTMLElement && event.target.isContentEditable);
      if (mod && !inText && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
        return;
      }
      if (mod && !inText && event.key.toLowerCase() === 'y') {
        event.preventDefault();
        redo();
        return;
      }
      if (mod || event.altKey || typingInto(event.target)) return;
      const onButton = event.target instanceof HTMLButtonElement || (event.target as HTMLElement | null)?.getAttribute?.('role') === 'button';
      if (event.key === ' ' && !onButton) {
        event.preventDefault();
        togglePlay();
      } else if (event.key === '.') stepForward();
      else if (event.key === ',') stepBack();
      else if ((event.key === 'PageDown' || event.key === 'PageUp') && clickerTarget(event.target)) {
        event.preventDefault();
        if (event.key === 'PageDown') stepForward();
        else stepBack();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

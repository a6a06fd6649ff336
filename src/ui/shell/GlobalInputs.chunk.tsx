import { useKeyboardShortcuts } from '../../app/useKeyboardShortcuts';
import { useFileDrop } from '../import/useFileDrop';

/**
 * The page's own inputs: the keyboard shortcuts, and a YAML file dropped anywhere. Loaded beside
 * the first screen, not with it (App.tsx starts fetching it as the page loads): nothing shown needs them.
 */
export default function GlobalInputs() {
  useKeyboardShortcuts();
  const dragging = useFileDrop();
  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <p>Drop a YAML file to import its pod</p>
    </div>
  );
}

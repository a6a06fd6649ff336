import { useStore } from 'zustand';
import { loadEmpty, loadExample, redo, undo } from '../../app/actions';
import { selectResult } from '../../app/selectors';
import { useAppStore } from '../../app/store';

const selectCanUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const selectCanRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;

export function AppHeader() {
  const canUndo = useStore(useAppStore.temporal, selectCanUndo);
  const canRedo = useStore(useAppStore.temporal, selectCanRedo);
  const result = useAppStore(selectResult);
  return (
    <header className="app-header">
      <h1>
        <span className="logo" aria-hidden="true">⬡</span> Podlab
      </h1>
      <p className="tagline">Compose a Pod, press Play, watch the kubelet.</p>
      <div className="header-actions">
        {!result.ok && (
          <span className="invalid-chip" role="status">
            <span aria-hidden="true">⚠</span> Pod invalid: playing the last valid version
          </span>
        )}
        <button type="button" onClick={loadExample}>Example pod</button>
        <button type="button" onClick={loadEmpty}>Empty pod</button>
        <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">Undo</button>
        <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">Redo</button>
      </div>
    </header>
  );
}

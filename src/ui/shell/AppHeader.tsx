import { lazy, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { redo, undo } from '../../app/actions';
import { selectResult } from '../../app/selectors';
import { startEmpty, startFromExample } from '../../app/start-anew';
import { useAppStore } from '../../app/store';
import { openImport } from '../import/import-store';

// Dialogs the first screen does not need, each loaded the first time it opens.
const ExportDialog = lazy(() => import('../share/ExportDialog.chunk'));
const LibraryDialog = lazy(() => import('../library/LibraryDialog.chunk'));
const ShareDialog = lazy(() => import('../share/ShareDialog.chunk'));

const selectCanUndo = (s: { pastStates: unknown[] }) => s.pastStates.length > 0;
const selectCanRedo = (s: { futureStates: unknown[] }) => s.futureStates.length > 0;

type HeaderDialog = 'library' | 'export' | 'share' | null;

export function AppHeader() {
  const canUndo = useStore(useAppStore.temporal, selectCanUndo);
  const canRedo = useStore(useAppStore.temporal, selectCanRedo);
  const result = useAppStore(selectResult);
  const [dialog, setDialog] = useState<HeaderDialog>(null);
  const close = () => setDialog(null);
  return (
    <header className="app-header">
      <h1>
        <span className="logo" aria-hidden="true">⬡</span> Podlab
      </h1>
      <p className="tagline">Compose a Pod, press Play, watch the kubelet.</p>
      <div className="header-actions">
        {!result.ok && (
          <span className="invalid-chip" role="status">
            <span aria-hidden="true">⚠</span> Pod invalid<span className="invalid-chip-more">: playing the last valid version</span>
          </span>
        )}
        <div className="header-group" role="group" aria-label="Start">
          <button type="button" onClick={() => setDialog('library')}>Library</button>
          <button type="button" onClick={startFromExample}>Example pod</button>
          <button type="button" onClick={startEmpty}>Empty pod</button>
        </div>
        <div className="header-group" role="group" aria-label="In and out">
          <button type="button" onClick={() => openImport()}>Import YAML</button>
          <button type="button" onClick={() => setDialog('export')}>Export</button>
          <button type="button" onClick={() => setDialog('share')}>Share link</button>
        </div>
        <div className="header-group" role="group" aria-label="History">
          <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">Undo</button>
          <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">Redo</button>
        </div>
      </div>
      <Suspense fallback={null}>
        {dialog === 'library' && <LibraryDialog open onClose={close} />}
        {dialog === 'export' && <ExportDialog open onClose={close} />}
        {dialog === 'share' && <ShareDialog open onClose={close} />}
      </Suspense>
    </header>
  );
}

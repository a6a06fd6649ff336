import { lazy, Suspense } from 'react';
import { useImportStore } from './import-store';

const ImportDialog = lazy(() => import('./ImportDialog.chunk'));

/** Loads the import dialog (and the workload importer) the first time it opens. */
export function ImportDialogSlot() {
  const open = useImportStore((s) => s.open);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <ImportDialog />
    </Suspense>
  );
}

/** Whether the import dialog is open, and the text it was opened with (a dropped or picked file). */
import { create } from 'zustand';

interface ImportState {
  open: boolean;
  /** A file to import at once, with its name for the report. */
  file: { name: string; text: string } | null;
}

export const useImportStore = create<ImportState>()(() => ({ open: false, file: null }));

export const openImport = (file: ImportState['file'] = null) => useImportStore.setState({ open: true, file });
export const closeImport = () => useImportStore.setState({ open: false, file: null });

import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../shared/Dialog';
import { closeImport, useImportStore } from './import-store';
import { importText, type ImportReport } from './import-text';
import { ImportReportView } from './ImportReportView';

const ACCEPT = '.yaml,.yml,.json,application/yaml,text/yaml,application/json,text/plain';

/** Import by paste or file; a dropped file opens this dialog with its report. Its own chunk: loaded on first use. */
export default function ImportDialog() {
  const open = useImportStore((s) => s.open);
  return (
    <Dialog title="Import YAML" open={open} onClose={closeImport} className="import-dialog">
      <ImportForm />
    </Dialog>
  );
}

function ImportForm() {
  const file = useImportStore((s) => s.file);
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ report: ImportReport; fileName?: string } | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const run = (input: string, fileName?: string) => setResult({ report: importText(input), ...(fileName ? { fileName } : {}) });

  useEffect(() => {
    if (file) run(file.text, file.name);
  }, [file]);

  const onPick = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0];
    event.target.value = '';
    if (picked) run(await picked.text(), picked.name);
  };

  return (
    <div className="import-form">
      <label className="field">
        <span>Paste a Pod, a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob or a List</span>
        <textarea
          aria-label="YAML to import"
          className="import-text"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder="apiVersion: apps/v1&#10;kind: Deployment&#10;…"
        />
      </label>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => run(text)} disabled={text.trim() === ''}>Import</button>
        <button type="button" onClick={() => picker.current?.click()}>Choose a file…</button>
        <input ref={picker} type="file" accept={ACCEPT} hidden onChange={onPick} aria-label="YAML file to import" />
        <span className="muted">or drop a file anywhere on the page</span>
      </div>
      {result && <ImportReportView report={result.report} fileName={result.fileName} />}
    </div>
  );
}

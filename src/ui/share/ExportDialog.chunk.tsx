import { useState } from 'react';
import { selectPodView, selectSource } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { exportRunnable, type RunnableExport } from '../../scenario/runnable-export';
import { Dialog } from '../shared/Dialog';
import { copyText, downloadText, fileNameFor } from './download';

/** Export the scenario as a file or to the clipboard, and the manifest a real cluster can run. Its own chunk: loaded on first use. */
export default function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Export" open={open} onClose={onClose} className="export-dialog">
      <ExportChoices />
    </Dialog>
  );
}

function ExportChoices() {
  const source = useAppStore(selectSource);
  const name = useAppStore((s) => selectPodView(s).name);
  const [status, setStatus] = useState('');
  const [runnable, setRunnable] = useState<RunnableExport | null>(null);

  const copy = async () => {
    setStatus((await copyText(source)) ? 'The scenario YAML is in the clipboard.' : 'The browser did not allow copying; use Download scenario instead.');
  };
  const downloadRunnable = () => {
    const result = exportRunnable(source);
    setRunnable(result);
    if (result.ok) {
      downloadText(fileNameFor(name, '.runnable.yaml'), result.yaml);
      setStatus('Downloaded the runnable manifest.');
    } else {
      setStatus('');
    }
  };

  return (
    <div className="export-choices">
      <section>
        <h3>The scenario</h3>
        <p className="muted">The Pod with its podlab.dev annotations, exactly as in the YAML tab. It opens again in Podlab (Import YAML).</p>
        <div className="button-row">
          <button type="button" onClick={() => { downloadText(fileNameFor(name, '.yaml'), source); setStatus('Downloaded the scenario.'); }}>
            Download scenario
          </button>
          <button type="button" onClick={copy}>Copy YAML</button>
        </div>
      </section>
      <section>
        <h3>Runnable on a real cluster</h3>
        <p className="muted">
          Every container becomes busybox acting out its behaviour (sleeps, exit codes, a health file for the probes, a SIGTERM trap), so
          <code> kubectl apply -f</code> plays the same story and you can compare the timelines. Same as <code>podlab export --runnable</code>.
        </p>
        <div className="button-row">
          <button type="button" onClick={downloadRunnable}>Download runnable manifest</button>
        </div>
        {runnable && !runnable.ok && (
          <div className="issues" role="alert">
            <p><strong>The scenario is not valid, so it cannot be made runnable:</strong></p>
            <ul>
              {runnable.issues.map((issue, i) => (
                <li key={i}>{issue.line !== null && <span className="issue-line">line {issue.line}</span>} <code>{issue.path}</code> {issue.message}</li>
              ))}
            </ul>
          </div>
        )}
        {runnable?.ok && runnable.notes.length > 0 && (
          <ul className="export-notes">
            {runnable.notes.map((note, i) => <li key={i}>{note}</li>)}
          </ul>
        )}
      </section>
      <p role="status" className="export-status">{status}</p>
    </div>
  );
}

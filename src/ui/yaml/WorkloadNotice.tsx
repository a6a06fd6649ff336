/**
 * Above the YAML editor: text that is not a Pod but holds one (a Deployment, a Job, a List, a
 * Pod among other documents) gets an offer to take its pod, as Import does, as one undoable
 * edit; then the import's report, the Job's verdict with it, until the next edit. Text only.
 */
import { useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { replaceSource } from '../../app/actions';
import { scenarioResultOf } from '../../app/derived';
import { selectSource } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { importWorkload, looksLikeWorkload, type PodOrigin } from '../../scenario/workload-import';
import { importText, type ImportReport } from '../import/import-text';
import { ImportReportView } from '../import/ImportReportView';

export function WorkloadNotice() {
  const source = useAppStore(selectSource);
  const origin = useMemo(() => heldPod(source), [source]);
  const [done, setDone] = useState<{ report: ImportReport; source: string } | null>(null);
  const report = useRef<HTMLDivElement>(null);

  function take(): void {
    // An edit of the text, as typing is: the YAML tab stays open for the report.
    const result = importText(source, replaceSource);
    // The report replaces the button that had the focus: the focus goes to it.
    flushSync(() => setDone({ report: result, source: useAppStore.getState().scenario.source }));
    report.current?.focus({ preventScroll: true });
  }

  if (done?.source === source) {
    return (
      <div className="workload-notice" tabIndex={-1} ref={report}>
        <ImportReportView report={done.report} />
      </div>
    );
  }
  if (!origin) return null;
  return (
    <div className="infer-notice is-offer" role="status">
      <p>
        This is {whatHolds(origin)}, not a Pod.{' '}
        <button type="button" onClick={take}>
          Play its pod
        </button>
      </p>
    </div>
  );
}

/** Where the pod is when the text is not itself a Pod scenario but holds one; else null. */
function heldPod(source: string): PodOrigin | null {
  const result = scenarioResultOf(source);
  // A Pod being typed, with a problem in it, is not imported on every keystroke.
  if (result.ok || !looksLikeWorkload(result.issues)) return null;
  const imported = importWorkload(source);
  if (!imported.ok) return null;
  const { origin } = imported;
  return origin.kind !== 'Pod' || origin.document > 0 || origin.item !== undefined ? origin : null;
}

/** Short: the notice must fit above the editor on a projector's 720 lines. */
function whatHolds(origin: PodOrigin): string {
  if (origin.item !== undefined) return `a List holding a ${origin.kind}`;
  if (origin.document > 0) return `more than one document, a ${origin.kind} among them`;
  return `a ${origin.kind}`;
}

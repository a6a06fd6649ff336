import { selectRun } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { jobOutcome, type JobTerms } from '../../scenario/job-outcome';
import type { ImportNotice } from '../../scenario/workload-import';
import { InferredList } from '../shared/InferredList';
import type { ImportReport } from './import-text';

const LEVEL_LABEL: Record<ImportNotice['level'], string> = { info: 'Note', warning: 'Warning', error: 'Error' };

/** What the import took, inferred and decided, as text. */
export function ImportReportView({ report, fileName }: { report: ImportReport; fileName?: string }) {
  const from = fileName ? ` from ${fileName}` : '';
  return (
    <div className={`import-report ${report.ok ? 'is-ok' : 'is-error'}`} role="status">
      <p className="import-headline">
        {report.ok
          ? `Imported the ${report.origin.kind === 'Pod' ? 'Pod' : `pod of the ${report.origin.kind}`} ${report.origin.name}${from}. Undo brings back the pod you had.`
          : `Nothing was imported${from}; your pod is unchanged.`}
      </p>
      {report.notices.length > 0 && (
        <ul className="import-notices">
          {report.notices.map((notice, i) => (
            <li key={i} className={`notice-${notice.level}`}>
              <strong>{LEVEL_LABEL[notice.level]}</strong>
              {notice.line !== undefined && <span className="issue-line"> line {notice.line}</span>}: {notice.message}
            </li>
          ))}
        </ul>
      )}
      {report.ok && report.inferred.length > 0 && (
        <div>
          <p><strong>Inferred behaviour</strong> (check it in the YAML, annotation podlab.dev/behavior):</p>
          <InferredList inferred={report.inferred} className="import-inferred" />
        </div>
      )}
      {report.ok && report.job && <JobOutcomeLine job={report.job} />}
    </div>
  );
}

function JobOutcomeLine({ job }: { job: JobTerms }) {
  const run = useAppStore(selectRun);
  if (!run) return null;
  const outcome = jobOutcome(run.trace, job);
  return (
    <p className={`job-outcome ${outcome.completes ? 'is-complete' : 'is-incomplete'}`}>
      <strong>{outcome.completes ? '✓ Job completes' : '✗ Job does not complete'}</strong> — {outcome.message}
    </p>
  );
}

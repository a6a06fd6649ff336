import { lazy, Suspense } from 'react';
import { selectResult } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import type { ScenarioIssue } from '../../scenario/parse-scenario';

const YamlEditor = lazy(() => import('../yaml/YamlEditor.chunk'));

/** The scenario as text: edits here and on the canvas are the same edits. Shown as text only, never as HTML. */
export default function YamlPanel() {
  return (
    <div className="yaml-panel">
      <Suspense fallback={<p className="muted yaml-loading">Loading the YAML editor…</p>}>
        <YamlEditor describedBy="yaml-issues" />
      </Suspense>
      <IssueList />
    </div>
  );
}

function IssueList() {
  const result = useAppStore(selectResult);
  if (result.ok && result.warnings.length > 0) return <WarningList warnings={result.warnings} />;
  if (result.issues.length === 0) return null;
  return (
    <div className="issues" role="status" id="yaml-issues">
      <p>
        <strong>{result.issues.length} problem{result.issues.length === 1 ? '' : 's'}</strong>
        {result.ok ? '' : ' — the player keeps playing the last valid pod until the YAML is valid again.'}
      </p>
      <ul>
        {result.issues.map((issue, i) => (
          <li key={i}>
            {issue.line !== null && <span className="issue-line">line {issue.line}</span>} <code>{issue.path}</code> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the API server accepts but warns about: the pod plays, as the API server stores it. */
function WarningList({ warnings }: { warnings: ScenarioIssue[] }) {
  return (
    <div className="issues warnings" role="status" id="yaml-issues">
      <p>
        <strong>{warnings.length} warning{warnings.length === 1 ? '' : 's'}</strong> — the API server accepts this pod, and kubectl apply prints:
      </p>
      <ul>
        {warnings.map((warning, i) => (
          <li key={i}>
            {warning.line !== null && <span className="issue-line">line {warning.line}</span>} Warning: <code>{warning.path}</code>: {warning.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

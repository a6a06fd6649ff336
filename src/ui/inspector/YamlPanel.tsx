import { lazy, Suspense } from 'react';
import { selectResult } from '../../app/selectors';
import { useAppStore } from '../../app/store';

const YamlEditor = lazy(() => import('../yaml/YamlEditor.chunk'));

/** The scenario as text: edits here and on the canvas are the same edits. Shown as text only, never as HTML. */
export function YamlPanel() {
  return (
    <div className="yaml-panel">
      <Suspense fallback={<p className="muted yaml-loading">Loading the YAML editor…</p>}>
        <YamlEditor describedBy="yaml-issues" />
      </Suspense>
      <IssueList />
    </div>
  );
}

export function IssueList() {
  const result = useAppStore(selectResult);
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

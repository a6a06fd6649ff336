import { replaceSource } from '../../app/actions';
import { selectResult, selectSource } from '../../app/selectors';
import { useAppStore } from '../../app/store';

/** The scenario as text: edits here and on the canvas are the same edits. Shown as text only, never as HTML. */
export function YamlPanel() {
  const source = useAppStore(selectSource);
  const result = useAppStore(selectResult);
  return (
    <div className="yaml-panel">
      <textarea
        aria-label="Scenario YAML"
        spellCheck={false}
        value={source}
        onChange={(event) => replaceSource(event.target.value)}
        aria-invalid={result.ok ? undefined : true}
      />
      <IssueList />
    </div>
  );
}

export function IssueList() {
  const result = useAppStore(selectResult);
  if (result.issues.length === 0) return null;
  return (
    <div className="issues" role="status">
      <p>
        <strong>{result.issues.length} problem{result.issues.length === 1 ? '' : 's'}</strong>
        {result.ok ? '' : ': still playing the last valid version.'}
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

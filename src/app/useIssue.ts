import type { ScenarioIssue } from '../scenario/parse-scenario';
import { selectResult } from './selectors';
import { useAppStore } from './store';

/** The validation message for a field path (or anything under it), as a string so it compares by value. */
export function useIssue(path: string | null): string | undefined {
  return useAppStore((s) => {
    if (path === null) return undefined;
    const issue = selectResult(s).issues.find((i) => matches(i, path));
    return issue?.message;
  });
}

/** What the API server would warn about at a field path (it accepts the value): as a string too. */
export function useWarning(path: string | null): string | undefined {
  return useAppStore((s) => {
    if (path === null) return undefined;
    const result = selectResult(s);
    return result.ok ? result.warnings.find((w) => matches(w, path))?.message : undefined;
  });
}

function matches(issue: ScenarioIssue, path: string): boolean {
  return issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`);
}

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

function matches(issue: ScenarioIssue, path: string): boolean {
  return issue.path === path || issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`);
}

import type { ScenarioIssue } from '../scenario/parse-scenario';
import { selectResult } from './selectors';
import { useAppStore } from './store';

/**
 * The validation message for a field path (or anything under it but the paths in `except`, which
 * have fields of their own), as a string so it compares by value.
 */
export function useIssue(path: string | null, except: readonly string[] = []): string | undefined {
  return useAppStore((s) => {
    if (path === null) return undefined;
    const issue = selectResult(s).issues.find((i) => matches(i, path) && !except.some((other) => matches(i, other)));
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

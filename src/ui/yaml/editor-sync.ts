/**
 * The editor's side of the two-way binding, without the editor: the smallest change that turns the
 * editor's text into the store's (so the cursor and the editor's own undo history survive a canvas
 * edit), and the gate's issues as diagnostics at their line.
 */
import type { Diagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { ScenarioIssue } from '../../scenario/parse-scenario';

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The single replacement from `before` to `after` that keeps their common start and end; null if equal. */
export function minimalChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/** Issues with a line become diagnostics from their column to the end of that line; the rest stay in the list. */
export function issuesToDiagnostics(doc: Text, issues: readonly ScenarioIssue[], severity: Diagnostic['severity'] = 'error'): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    if (issue.line === null) continue;
    const line = doc.line(Math.min(Math.max(issue.line, 1), doc.lines));
    const from = Math.min(line.from + Math.max((issue.column ?? 1) - 1, 0), line.to);
    out.push({
      from,
      to: from < line.to ? line.to : from,
      severity,
      source: issue.path || undefined,
      message: issue.message,
    });
  }
  return out;
}

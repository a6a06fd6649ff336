/**
 * Import through the gate: the workload importer picks the pod, the scenario gate validates it,
 * and only a valid pod replaces the work on the page (as an undoable edit).
 */
import { openScenario } from '../../app/actions';
import { markOpened } from '../../app/persistence';
import type { InferredBehavior } from '../../scenario/infer-behavior';
import { parseScenario, type ScenarioIssue } from '../../scenario/parse-scenario';
import type { JobTerms } from '../../scenario/job-outcome';
import { importWorkload, type ImportNotice, type PodOrigin } from '../../scenario/workload-import';

export type ImportReport =
  | { ok: true; origin: PodOrigin; job?: JobTerms; inferred: InferredBehavior[]; notices: ImportNotice[] }
  | { ok: false; notices: ImportNotice[] };

/** Opens the imported pod as new work: paused at 0, the pod selected. */
function openImported(source: string): void {
  openScenario(source, 0);
  markOpened(null);
}

/** `apply` puts the imported pod in place of the work (by default: opens it as new work). */
export function importText(text: string, apply: (source: string) => void = openImported): ImportReport {
  const imported = importWorkload(text);
  if (!imported.ok) return imported;
  const gate = parseScenario(imported.source);
  // Lines point into the user's text only when the pod was taken as written.
  const sameText = imported.source === text;
  const noticeOf = (level: ImportNotice['level']) => (issue: ScenarioIssue): ImportNotice => ({
    level,
    message: `${issue.path ? `${issue.path}: ` : ''}${issue.message}`,
    ...(sameText && issue.line !== null ? { line: issue.line } : {}),
  });
  if (!gate.ok) return { ok: false, notices: [...imported.notices, ...gate.issues.map(noticeOf('error'))] };
  apply(imported.source);
  const { origin, job, inferred } = imported;
  // What the API server accepts but warns about, as kubectl apply prints it.
  const notices = [...imported.notices, ...gate.warnings.map(noticeOf('warning'))];
  return job ? { ok: true, origin, job, inferred, notices } : { ok: true, origin, inferred, notices };
}

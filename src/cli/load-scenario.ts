/** Reads a scenario file for the CLI: a Pod, or any workload that carries a pod template. */
import { readFileSync } from 'node:fs';
import type { PodModel } from '../engine/types';
import type { ScenarioIssue } from '../scenario/issues';
import type { JobTerms } from '../scenario/job-outcome';
import { parseScenario } from '../scenario/parse-scenario';
import { importWorkload, looksLikeWorkload, type WorkloadImport } from '../scenario/workload-import';

/** `job`: what a Job (or CronJob) says about its pod, for the verdict once the pod has played. */
export type Loaded = { ok: true; model: PodModel; notes: string[]; job?: JobTerms } | { ok: false; messages: string[] };

export function readSource(file: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: readFileSync(file === '-' ? 0 : file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message}` };
  }
}

export function formatIssue(file: string, issue: ScenarioIssue): string {
  const where = issue.line !== null ? `${file}:${issue.line}${issue.column !== null ? `:${issue.column}` : ''}` : file;
  return `${where}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

export function loadScenario(file: string): Loaded {
  const source = readSource(file);
  if (!source.ok) return { ok: false, messages: [source.message] };
  const direct = parseScenario(source.text);
  if (direct.ok) {
    const warnings = direct.warnings.map((w) => `Warning: ${formatIssue(file, w)}`);
    const loaded = withInferredBehaviours(file, source.text) ?? { ok: true, model: direct.model, notes: [] };
    return loaded.ok ? { ...loaded, notes: [...warnings, ...loaded.notes] } : loaded;
  }

  // Not a plain Pod: maybe a Deployment, a Job, a List or several documents.
  if (looksLikeWorkload(direct.issues)) {
    const imported = importWorkload(source.text);
    if (imported.ok) {
      const parsed = parseScenario(imported.source);
      if (parsed.ok) {
        // The pod's lines are those of the extracted pod, not of the file.
        const warnings = parsed.warnings.map((w) => `Warning: ${formatIssue(`${file} (pod of ${imported.origin.kind} ${imported.origin.name})`, { ...w, line: null })}`);
        const loaded = { ok: true as const, model: parsed.model, notes: [...warnings, ...importNotes(file, imported)] };
        return imported.job ? { ...loaded, job: imported.job } : loaded;
      }
      return { ok: false, messages: parsed.issues.map((i) => formatIssue(`${file} (pod of ${imported.origin.kind} ${imported.origin.name})`, i)) };
    }
  }
  return { ok: false, messages: direct.issues.map((i) => formatIssue(file, i)) };
}

/**
 * A valid Pod whose behaviour annotation leaves containers out plays as Import would play it:
 * each such container gets the behaviour inferred from what it runs (a `sleep 5` init container
 * exits after 5 s instead of running forever). Null when nothing needed inferring.
 */
function withInferredBehaviours(file: string, text: string): Loaded | null {
  const imported = importWorkload(text);
  if (!imported.ok || imported.inferred.length === 0) return null;
  const parsed = parseScenario(imported.source);
  if (!parsed.ok) return null;
  return { ok: true, model: parsed.model, notes: importNotes(file, imported) };
}

/** What the import did, then each inferred behaviour and why, for standard error. */
function importNotes(file: string, imported: Extract<WorkloadImport, { ok: true }>): string[] {
  return [
    ...imported.notices.map((n) => `${file}${n.line === undefined ? '' : `:${n.line}`}: ${n.message}`),
    ...imported.inferred.map((i) => `${file}: ${i.container}: ${i.reason}`),
  ];
}

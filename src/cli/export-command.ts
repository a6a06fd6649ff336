/**
 * `podlab export --runnable FILE [--strip-annotations]`: prints a manifest a real cluster can run
 * (see runnable-export.ts). FILE may hold a Pod scenario or any workload with a pod template;
 * `-` reads standard input. Errors go to stderr as `FILE:LINE:COLUMN: field.path: message`.
 */
import { readFile } from 'node:fs/promises';
import type { ScenarioIssue } from '../scenario/issues';
import { parseScenario } from '../scenario/parse-scenario';
import { exportRunnable } from '../scenario/runnable-export';
import { importWorkload } from '../scenario/workload-import';

const USAGE = 'usage: podlab export --runnable FILE [--strip-annotations]\n';

export async function exportCommand(args: string[]): Promise<number> {
  let file: string | undefined;
  let keepAnnotations = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--runnable') file = args[++i];
    else if (arg?.startsWith('--runnable=')) file = arg.slice('--runnable='.length);
    else if (arg === '--strip-annotations') keepAnnotations = false;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      return 0;
    } else {
      process.stderr.write(`podlab export: unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
      return 1;
    }
  }
  if (file === undefined || file === '') {
    process.stderr.write(`podlab export: --runnable needs a FILE\n${USAGE}`);
    return 1;
  }

  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`podlab export: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }

  const imported = importWorkload(text);
  if (!imported.ok) {
    for (const notice of imported.notices.filter((n) => n.level === 'error')) {
      process.stderr.write(`${file}:${notice.line ?? 1}: ${notice.message}\n`);
    }
    return 1;
  }
  const { origin } = imported;
  const plainPod = origin.kind === 'Pod' && origin.document === 0 && origin.item === undefined;
  // A Pod the import only annotated is validated as the user wrote it, so lines point into their file.
  const own = plainPod ? parseScenario(text) : null;
  if (own && !own.ok) return report(file, own.issues, '');
  const result = exportRunnable(imported.source, { keepAnnotations });
  if (!result.ok) {
    const where = imported.source === text ? '' : ` (in the pod taken from the ${origin.kind} ${origin.name})`;
    return report(file, imported.source === text ? result.issues : result.issues.map((i) => ({ ...i, line: null })), where);
  }
  process.stdout.write(result.yaml);
  return 0;
}

function report(file: string, issues: ScenarioIssue[], where: string): number {
  for (const issue of issues) {
    const at = issue.line === null ? file : `${file}:${issue.line}:${issue.column ?? 1}`;
    process.stderr.write(`${at}: ${issue.path || '(document)'}: ${issue.message}${where}\n`);
  }
  return 1;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

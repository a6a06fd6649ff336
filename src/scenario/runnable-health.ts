/**
 * The health files of the runnable export: a probe passes while its file exists, and the script
 * makes and removes each file when the behaviour's window says. One file serves every probe of a
 * container, unless a probe has a window of its own or an action fails one probe alone: then
 * each probe tests a file of its own.
 */
import type { ContainerModel, HealthWindow, PodAction, ProbeKind, RunBehavior } from '../engine/types';

export const HEALTH_FILE = '/tmp/healthy';
const KINDS: ProbeKind[] = ['startup', 'readiness', 'liveness'];

/** The file each probe of the container tests. */
export type HealthFiles = Record<ProbeKind, string>;

export function healthFiles(model: ContainerModel, actions: readonly PodAction[]): HealthFiles {
  // A redirect alone is no window of its own: the export's files cannot redirect, so it plays as a plain pass.
  const ownWindows = [model.behavior, ...model.behavior.attempts].some((b) =>
    Object.values(b.probes ?? {}).some((answers) => answers.startup !== undefined || answers.unhealthyAfter !== undefined),
  );
  const oneProbeFails = actions.some((a) => a.do === 'fail-probes' && a.container === model.name && a.probe !== undefined);
  const perProbe = ownWindows || oneProbeFails;
  return Object.fromEntries(KINDS.map((kind) => [kind, perProbe ? `${HEALTH_FILE}-${kind}` : HEALTH_FILE])) as HealthFiles;
}

/** The files a fail-probes action removes: its probe's, or every one. */
export function filesToRemove(files: HealthFiles, probe: ProbeKind | undefined): string[] {
  return probe ? [files[probe]] : [...new Set(KINDS.map((kind) => files[kind]))];
}

/** Script lines that keep each file of the probes the container declares while its window lasts. */
export function healthLines(b: RunBehavior, files: HealthFiles, declared: readonly ProbeKind[]): string[] {
  const byFile = new Map<string, HealthWindow>();
  for (const kind of declared) byFile.set(files[kind], { startup: b.startup, unhealthyAfter: b.unhealthyAfter, ...b.probes[kind] });
  return [...byFile].flatMap(([file, window]) => windowLines(file, window));
}

/** The file exists from `startup` until `unhealthyAfter`: its probes pass exactly then. */
function windowLines(file: string, { startup, unhealthyAfter: until }: HealthWindow): string[] {
  if (startup === 0 && until === null) return [`touch ${file}`];
  if (until !== null && until <= startup) return [];
  if (startup === 0) return [`touch ${file}`, `(sleep ${until}; rm -f ${file}) &`];
  const steps = [`sleep ${startup}`, `touch ${file}`];
  if (until !== null) steps.push(`sleep ${until - startup}`, `rm -f ${file}`);
  return [`(${steps.join('; ')}) &`];
}

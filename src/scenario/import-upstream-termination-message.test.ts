/**
 * The pods of the "on terminated container" tests of test/e2e/common/node/runtime.go as upstream
 * writes them, without a behaviour annotation: imported, each must end with the termination
 * message upstream asserts, and the same one as its hand translation in
 * src/engine/fixtures/kubelet-e2e-runtime (whose test replays the upstream test).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { simulate } from '../engine';
import { containerStatusAt } from '../engine/status/status-at';
import { BEHAVIOR_ANNOTATION } from './annotations';
import { parseScenario } from './parse-scenario';
import { importWorkload } from './workload-import';

const fixture = (name: string) => readFileSync(new URL(`../engine/fixtures/kubelet-e2e-runtime/${name}`, import.meta.url), 'utf8');
const NAME = 'termination-message-container';

/** The container's terminated state once the pod has ended (before the test's deletion). */
function finalState(source: string) {
  const parsed = parseScenario(source);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const trace = simulate(parsed.model);
  return containerStatusAt(trace, NAME, (trace.deletion?.t ?? trace.end) - 0.001)?.state.terminated;
}

const cases: [string, string, string][] = [
  ['should report termination message if TerminationMessagePath is set', 'termination-message-path.yaml', 'DONE'],
  ['…as non-root user and at a non-default path', 'termination-message-non-root-path.yaml', 'DONE'],
  ['…from log output if TerminationMessagePolicy FallbackToLogsOnError is set', 'termination-message-fallback-logs.yaml', 'DONE'],
  ['…as empty when pod succeeds and TerminationMessagePolicy FallbackToLogsOnError is set', 'termination-message-fallback-succeeds.yaml', ''],
  ['…from file when pod succeeds and TerminationMessagePolicy FallbackToLogsOnError is set', 'termination-message-fallback-file.yaml', 'OK'],
];

describe('runtime.go "on terminated container" pods, imported as upstream writes them', () => {
  it.each(cases)('%s', (_title, file, expected) => {
    const translated = fixture(file);
    const doc = parseDocument(translated);
    doc.deleteIn(['metadata', 'annotations', BEHAVIOR_ANNOTATION]);
    const imported = importWorkload(doc.toString());
    if (!imported.ok) throw new Error(imported.notices.map((n) => n.message).join('\n'));
    expect(imported.inferred.map((i) => i.certain)).toEqual([true]);

    const state = finalState(imported.source);
    expect(state?.message ?? '').toBe(expected);
    expect(state).toEqual(finalState(translated));
  });
});

/**
 * An edit's printed document stands for the parse of its text (yaml-source rememberPrinted), so
 * the gate reads an edited pod without parsing it again. That is only sound if reading the
 * document gives exactly what a fresh parse of the printed text gives, and if edits made on it
 * lead to the same scenarios as edits made on fresh parses. Checked here over random edit sequences on
 * every library scenario and the example pod.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SCENARIO } from '../app/example-scenario';
import { addAction, removeAction } from './edit-actions';
import { setBehaviorField, setProbeWindowField } from './edit-behavior';
import { addContainer, duplicateContainer, moveContainer, removeContainer, renameContainer, setContainerField, setPodField } from './edit-containers';
import { readPod } from './edit-read';
import { parseScenario, type ScenarioResult } from './parse-scenario';
import { TEMPLATES } from './template-library';
import { KIND_TEMPLATES, type ContainerKind } from './templates';
import { forgetParses } from './yaml-source';

const sources = [
  EXAMPLE_SCENARIO,
  ...readdirSync('public/scenarios').filter((f) => f.endsWith('.yaml')).map((f) => readFileSync(`public/scenarios/${f}`, 'utf8')),
];

type Edit = (source: string) => string;

const namesOf = (source: string) => {
  const pod = readPod(source);
  return [...pod.initContainers, ...pod.containers].map((c) => c.name);
};
/** The container at a share of the list, so one generated edit fits every pod. */
const nameAt = (source: string, share: number) => {
  const names = namesOf(source);
  return names[Math.floor(share * names.length)] ?? 'missing';
};

/** What plays and what is wrong; not the manifest, whose annotation strings hold the text. */
const scenarioOf = (result: ScenarioResult) => (result.ok ? result.model : result.issues);

const KINDS: ContainerKind[] = ['init', 'native-sidecar', 'classic-sidecar', 'main'];
const share = fc.double({ min: 0, max: 0.999, noNaN: true });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(share, fc.constantFrom('run', 'exitCode', 'startup', 'shutdown', 'pull'), fc.oneof(fc.integer({ min: -3, max: 500 }), fc.constant(null), fc.constant('7'))).map(
    ([at, field, value]) => (s: string) => setBehaviorField(s, nameAt(s, at), field, value),
  ),
  fc.tuple(share, fc.constantFrom('readiness', 'liveness', 'startup') , fc.integer({ min: 0, max: 90 })).map(
    ([at, probe, value]) => (s: string) => setProbeWindowField(s, nameAt(s, at), probe as never, 'unhealthyAfter', value),
  ),
  fc.tuple(fc.integer({ min: 0, max: TEMPLATES.length - 1 }), fc.constantFrom(...KINDS)).map(([i, kind]) => (s: string) => addContainer(s, TEMPLATES[i]!, kind).source),
  fc.constantFrom(...KINDS).map((kind) => (s: string) => addContainer(s, KIND_TEMPLATES[kind]).source),
  share.map((at) => (s: string) => removeContainer(s, nameAt(s, at))),
  share.map((at) => (s: string) => duplicateContainer(s, nameAt(s, at)).source),
  fc.tuple(share, fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/)).map(([at, to]) => (s: string) => renameContainer(s, nameAt(s, at), to)),
  fc.tuple(share, fc.constantFrom(...KINDS), fc.nat(4)).map(([at, kind, index]) => (s: string) => moveContainer(s, nameAt(s, at), kind, index)),
  fc.tuple(share, fc.constantFrom('1.0', 'nginx:1.27', 'yes', '', 'a: b')).map(([at, image]) => (s: string) => setContainerField(s, nameAt(s, at), ['image'], image)),
  fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constant('30')).map((grace) => (s: string) => setPodField(s, ['spec', 'terminationGracePeriodSeconds'], grace)),
  fc.constantFrom('Always', 'OnFailure', 'Never').map((policy) => (s: string) => setPodField(s, ['spec', 'restartPolicy'], policy)),
  fc.tuple(share, fc.integer({ min: -1, max: 300 })).map(([at, t]) => (s: string) => addAction(s, { at: t, do: 'kill', container: nameAt(s, at), exitCode: 137 } as never)),
  fc.constant((s: string) => removeAction(s, 0)),
);

describe('an edited document read in place of a fresh parse of its text', () => {
  it('gives what a fresh parse of its text gives, and edits on it lead to the same scenarios', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(edit, { minLength: 1, maxLength: 6 }), (source, edits) => {
        // As the app does: each edit takes the document the gate read, which is the one the
        // edit before printed.
        forgetParses();
        const texts: string[] = [];
        const read: ScenarioResult[] = [];
        let text = source;
        for (const apply of edits) {
          text = apply(text);
          texts.push(text);
          read.push(parseScenario(text));
        }
        edits.forEach((_, i) => {
          forgetParses();
          expect(read[i]).toEqual(parseScenario(texts[i]!));
        });
        // As before the reuse, every edit made on a fresh parse: the same scenarios. (Not always
        // the same text: a pair an edit set to null prints as `key`, and as `key: null` once
        // parsed and printed again.)
        let fresh = source;
        edits.forEach((apply, i) => {
          forgetParses();
          fresh = apply(fresh);
          forgetParses();
          expect(scenarioOf(parseScenario(fresh))).toEqual(scenarioOf(read[i]!));
        });
      }),
      { numRuns: 150, seed: 20261207 },
    );
  }, 30_000);
});

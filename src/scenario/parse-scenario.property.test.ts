import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { arbitraryPod } from '../engine/arbitrary-pod';
import { podManifest } from '../engine/pod-manifest';
import { simulate } from '../engine/simulate';
import { parseScenario, type ScenarioResult } from './parse-scenario';

// Seeds are fixed so CI is repeatable; a failure prints the shrunk input.
const RUNS = { seed: 0x90d1ab, numRuns: 150 };

// The scenario gate (src/scenario/parse-scenario.ts) never throws and reports problems as data;
// its catch-all "could not read" issue means a bug of ours got through, so it must never appear.
describe('parseScenario', () => {
  function expectWellFormed(text: string, result: ScenarioResult): void {
    expect(typeof result.ok).toBe('boolean');
    expect(Array.isArray(result.issues)).toBe(true);
    const lines = text.split(/\r\n|\r|\n/).length;
    for (const issue of result.issues) {
      expect(typeof issue.path).toBe('string');
      expect(typeof issue.message).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.message).not.toMatch(/^Podlab could not read this scenario/);
      for (const position of [issue.line, issue.column]) {
        expect(position === null || (Number.isInteger(position) && position >= 1)).toBe(true);
      }
      if (issue.line !== null) expect(issue.line).toBeLessThanOrEqual(lines + 1);
    }
    if (result.ok) expect(result.issues).toEqual([]);
    else expect(result.issues.length).toBeGreaterThan(0);
  }

  const check = (text: string) => {
    const result = parseScenario(text);
    expectWellFormed(text, result);
    return result;
  };

  const yamlish = fc.string({
    unit: fc.constantFrom(...'apiVersion: v1\nkind: Pod\n  - {}[]#&*!|>\'",?%@`\t0.-'.split('')),
    maxLength: 200,
  });

  it('reads any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish), (text) => {
        check(text);
      }),
      { ...RUNS, numRuns: 300 },
    );
  });

  const anything = fc.jsonValue({ maxDepth: 3 });
  const annotation = fc.oneof(fc.string({ maxLength: 30 }), anything.map((v) => stringify(v)));
  const podShaped = fc.record(
    {
      apiVersion: fc.oneof(fc.constant('v1'), anything),
      kind: fc.oneof(fc.constant('Pod'), anything),
      metadata: fc.oneof(
        fc.record(
          { name: fc.oneof(fc.constant('web'), anything), annotations: fc.record({ 'podlab.dev/behavior': annotation, 'podlab.dev/actions': annotation }, { requiredKeys: [] }) },
          { requiredKeys: [] },
        ),
        anything,
      ),
      spec: fc.oneof(
        fc.record({ restartPolicy: anything, initContainers: fc.array(anything, { maxLength: 3 }), containers: fc.array(anything, { maxLength: 3 }) }, { requiredKeys: [] }),
        anything,
      ),
    },
    { requiredKeys: [] },
  );

  it('reads any YAML value', () => {
    fc.assert(
      fc.property(fc.oneof(anything, podShaped), (value) => {
        check(stringify(value));
      }),
      { ...RUNS, numRuns: 300 },
    );
  });

  it('gives every generated pod back from its manifest', () => {
    fc.assert(
      fc.property(arbitraryPod, (pod) => {
        const result = check(stringify(podManifest(pod)));
        expect(result.issues).toEqual([]);
        if (result.ok) expect(result.model).toEqual(pod);
      }),
      RUNS,
    );
  });

  /** Every path to a value inside `value`, parents before children. */
  function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
    if (typeof value !== 'object' || value === null) return [prefix];
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return [prefix, ...entries.flatMap(([key, v]) => paths(v, [...prefix, key]))];
  }

  function mutate(root: unknown, path: (string | number)[], replacement: unknown): unknown {
    if (path.length === 0) return replacement;
    const [head, ...rest] = path;
    const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
    if (rest.length === 0 && replacement === undefined) delete copy[head!];
    else copy[head!] = mutate(copy[head!], rest, replacement);
    return copy;
  }

  const mutation = fc.record({ pick: fc.nat(), value: fc.oneof(fc.constant(undefined), anything, fc.string({ maxLength: 10 })) });
  const edit = fc.record({ at: fc.nat(), cut: fc.nat(12), insert: yamlish.map((s) => s.slice(0, 8)) });

  it('reads mutated valid scenarios, and every one it accepts simulates', () => {
    fc.assert(
      fc.property(arbitraryPod, fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.array(edit, { maxLength: 2 }), (pod, mutations, edits) => {
        let manifest: unknown = podManifest(pod);
        for (const { pick, value } of mutations) {
          const all = paths(manifest);
          manifest = mutate(manifest, all[pick % all.length]!, value);
        }
        let text = stringify(manifest) ?? '';
        for (const { at, cut, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + cut);
        }
        const result = check(text);
        if (result.ok) {
          const trace = simulate(result.model, { until: 120 });
          expect(trace.end).toBeLessThanOrEqual(120);
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});

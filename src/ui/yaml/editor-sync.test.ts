import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { issuesToDiagnostics, minimalChange } from './editor-sync';

const apply = (text: string, change: ReturnType<typeof minimalChange>) =>
  change ? text.slice(0, change.from) + change.insert + text.slice(change.to) : text;

describe('minimalChange', () => {
  it('is null for equal texts', () => {
    expect(minimalChange('a: 1\n', 'a: 1\n')).toBeNull();
  });

  it('touches only what differs, so a cursor before or after it stays put', () => {
    const before = 'image: nginx:1.27\nname: web\n';
    const after = 'image: nginx:1.28\nname: web\n';
    expect(minimalChange(before, after)).toEqual({ from: 16, to: 17, insert: '8' });
  });

  it('handles insertions, deletions and repeated characters', () => {
    for (const [a, b] of [
      ['aaa', 'aaaa'],
      ['aaaa', 'aa'],
      ['', 'x: 1'],
      ['x: 1', ''],
      ['abcabc', 'abc'],
      ['spec:\n  a: 1\n', 'spec:\n  b: 2\n  a: 1\n'],
    ] as const) {
      const change = minimalChange(a, b);
      expect(apply(a, change)).toBe(b);
      expect(change!.to - change!.from + change!.insert.length).toBeLessThanOrEqual(Math.max(a.length, b.length));
    }
  });
});

describe('issuesToDiagnostics', () => {
  const doc = Text.of(['apiVersion: v1', 'kind: Pod', 'spec:', '  restartPolicy: Sometimes']);

  it('marks the issue from its column to the end of its line', () => {
    const [d] = issuesToDiagnostics(doc, [{ path: 'spec.restartPolicy', line: 4, column: 18, message: 'bad value' }]);
    expect(d).toMatchObject({ severity: 'error', message: 'bad value', source: 'spec.restartPolicy' });
    expect(doc.sliceString(d!.from, d!.to)).toBe('Sometimes');
  });

  it('keeps issues without a line out of the editor, and clamps lines past the end', () => {
    const out = issuesToDiagnostics(doc, [
      { path: '', line: null, column: null, message: 'no line' },
      { path: '', line: 99, column: null, message: 'past the end' },
    ]);
    expect(out).toHaveLength(1);
    expect(doc.lineAt(out[0]!.from).number).toBe(4);
  });
});

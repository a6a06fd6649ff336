import { describe, expect, it } from 'vitest';
import { appendAnnotationLines } from './append-annotation';

const KEY = 'podlab.dev/behavior';
const LINES = '# inferred: why\nweb: {}\n';

describe('appendAnnotationLines', () => {
  it('appends to a literal block at its own indentation, before what follows it', () => {
    const source = 'metadata:\n    annotations:\n        podlab.dev/behavior: |-\n            app: {run: 1}\n        # next\n        team: shop\nspec: {}\n';
    expect(appendAnnotationLines(source, KEY, LINES)).toBe(
      'metadata:\n    annotations:\n        podlab.dev/behavior: |-\n            app: {run: 1}\n            # inferred: why\n            web: {}\n        # next\n        team: shop\nspec: {}\n',
    );
  });

  it('adds the annotation after the last one, and the annotations map after the last metadata field', () => {
    expect(appendAnnotationLines('metadata:\n  annotations:\n    team: shop # owners\nspec: {}\n', KEY, LINES)).toBe(
      'metadata:\n  annotations:\n    team: shop # owners\n    podlab.dev/behavior: |\n      # inferred: why\n      web: {}\nspec: {}\n',
    );
    expect(appendAnnotationLines('metadata:\n  labels:\n    app: web\n# the spec\nspec: {}', KEY, LINES)).toBe(
      'metadata:\n  labels:\n    app: web\n  annotations:\n    podlab.dev/behavior: |\n      # inferred: why\n      web: {}\n# the spec\nspec: {}',
    );
    expect(appendAnnotationLines('metadata:\n  name: web', KEY, LINES)).toBe('metadata:\n  name: web\n  annotations:\n    podlab.dev/behavior: |\n      # inferred: why\n      web: {}\n');
  });

  it('declines shapes it does not splice into', () => {
    for (const source of [
      'metadata: {name: web}\n',
      'metadata:\n  annotations: {}\n',
      'metadata:\n  annotations:\n    podlab.dev/behavior: "app: {run: 1}"\n',
      'metadata:\n  annotations:\n    podlab.dev/behavior: >\n      app: {run: 1}\n',
      'spec: {}\n',
    ]) {
      expect(appendAnnotationLines(source, KEY, LINES)).toBeNull();
    }
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as lzModule from 'lz-string';
import {
  decodeShareHash,
  encodeShareHash,
  isShareHash,
  MAX_SHARED_SOURCE_CHARS,
  migrateSharedScenario,
  SHARE_FORMAT_VERSION,
} from './share-link';

const lz: typeof lzModule = (lzModule as { default?: typeof lzModule }).default ?? lzModule;

const source = `apiVersion: v1
kind: Pod
metadata:
  name: web   # the front end
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

function hashOf(text: string, t = 0): string {
  const result = encodeShareHash({ source: text, t });
  if (!result.ok) throw new Error(result.message);
  return result.hash;
}

describe('encodeShareHash / decodeShareHash', () => {
  it('restores exactly the text and the time', () => {
    const hash = hashOf(source, 12.5);
    expect(hash.startsWith(`#v${SHARE_FORMAT_VERSION}&t=12.5&`)).toBe(true);
    expect(decodeShareHash(hash)).toEqual({ ok: true, scenario: { source, t: 12.5 } });
  });

  it('round-trips any text, including non-ASCII and empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.nat({ max: 100_000 }), (text, ms) => {
        const decoded = decodeShareHash(hashOf(text, ms / 1000));
        expect(decoded).toEqual({ ok: true, scenario: { source: text, t: ms / 1000 } });
      }),
    );
  });

  it('accepts the hash without its leading #', () => {
    expect(decodeShareHash(hashOf(source, 3).slice(1)).ok).toBe(true);
  });

  it('recognises share hashes and leaves other hashes alone', () => {
    expect(isShareHash(hashOf(source))).toBe(true);
    expect(isShareHash('#section-2')).toBe(false);
    expect(decodeShareHash('#section-2')).toMatchObject({ ok: false, kind: 'not-a-share-link' });
    expect(decodeShareHash('')).toMatchObject({ ok: false, kind: 'not-a-share-link' });
  });
});

describe('broken links', () => {
  it('reports a link cut short', () => {
    const hash = hashOf(source, 4);
    for (const cut of [10, 40, hash.length - 3]) {
      const result = decodeShareHash(hash.slice(0, cut));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(['truncated', 'corrupt']).toContain(result.kind);
        expect(result.message).toMatch(/cut short|incomplete|damaged/);
      }
    }
    expect(decodeShareHash(hash.slice(0, hash.length - 3))).toMatchObject({ ok: false, kind: 'truncated' });
  });

  it('reports damaged data', () => {
    const hash = hashOf(source, 4);
    const data = hash.slice(hash.indexOf('&d=') + 3);
    const flipped = data.slice(0, 20) + (data[20] === 'A' ? 'B' : 'A') + data.slice(21);
    expect(decodeShareHash(hash.replace(data, flipped))).toMatchObject({ ok: false, kind: 'corrupt' });
    expect(decodeShareHash(hash.replace(data, data.slice(0, -1) + '!'))).toMatchObject({ ok: false, kind: 'corrupt' });
    expect(decodeShareHash(hash.replace('&t=4', '&t=soon'))).toMatchObject({ ok: false, kind: 'corrupt' });
    expect(decodeShareHash(hash.replace(/&n=\d+/, ''))).toMatchObject({ ok: false, kind: 'corrupt' });
  });

  it('refuses to encode or open a scenario over the size limit', () => {
    const huge = 'x'.repeat(MAX_SHARED_SOURCE_CHARS + 1);
    expect(encodeShareHash({ source: huge, t: 0 })).toMatchObject({ ok: false, kind: 'too-large' });
    // A link made by hand (or by another tool) that decompresses past the limit.
    const data = lz.compressToEncodedURIComponent(huge);
    const hugeHash = `#v1&t=0&n=${data.length}&h=0&d=${data}`;
    expect(decodeShareHash(hugeHash)).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('names the version of a link from a newer or unknown format', () => {
    const hash = hashOf(source).replace('#v1&', '#v7&');
    const result = decodeShareHash(hash);
    expect(result).toMatchObject({ ok: false, kind: 'unsupported-version' });
    if (!result.ok) expect(result.message).toContain('v7');
    expect(decodeShareHash(hashOf(source).replace('#v1&', '#v0&'))).toMatchObject({ ok: false, kind: 'unsupported-version' });
  });
});

describe('migrations', () => {
  it('runs the numbered steps from the link version up to the current one', () => {
    const steps = {
      1: (p: { source: string; t: number }) => ({ ...p, source: p.source + '# v2\n' }),
      2: (p: { source: string; t: number }) => ({ ...p, t: p.t * 2 }),
    };
    expect(migrateSharedScenario({ source: 'a\n', t: 1 }, 1, 3, steps)).toEqual({ source: 'a\n# v2\n', t: 2 });
    expect(migrateSharedScenario({ source: 'a\n', t: 1 }, 2, 3, steps)).toEqual({ source: 'a\n', t: 2 });
  });

  it('gives up when a step is missing', () => {
    expect(migrateSharedScenario({ source: '', t: 0 }, 1, 3, { 2: (p) => p })).toBeNull();
  });

  it('leaves a current payload untouched', () => {
    expect(migrateSharedScenario({ source: 's', t: 1 }, SHARE_FORMAT_VERSION)).toEqual({ source: 's', t: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { isShareHash } from '../scenario/share-link';
import { mayBeShareHash } from './start-work';

describe('mayBeShareHash', () => {
  it('agrees with the share-link reader on what looks like a link', () => {
    for (const hash of ['', '#', '#v1&t=0&n=1&h=1&d=Q', 'v2&x', '#v&t=1', '#section', '#v12&', '#xv1&']) {
      expect(mayBeShareHash(hash), hash).toBe(isShareHash(hash));
    }
  });
});

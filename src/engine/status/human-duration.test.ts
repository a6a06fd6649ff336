import { expect, it } from 'vitest';
import { humanDuration } from './human-duration';

it('prints ages as kubectl does', () => {
  const cases: [number, string][] = [
    [0, '0s'],
    [59.9, '59s'],
    [119, '119s'],
    [120, '2m'],
    [125, '2m5s'],
    [600, '10m'],
    [3 * 3600 - 1, '179m'],
    [3 * 3600, '3h'],
    [5 * 3600 + 120, '5h2m'],
    [24 * 3600, '24h'],
    [50 * 3600, '2d2h'],
    [9 * 86400, '9d'],
    [3 * 365 * 86400 + 86400, '3y1d'],
  ];
  for (const [seconds, text] of cases) expect(humanDuration(seconds), String(seconds)).toBe(text);
});

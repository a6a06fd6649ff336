import { describe, expect, it } from 'vitest';
import { inferHooks } from './infer-hooks';

describe('inferHooks', () => {
  it('takes an exec hook\'s duration and exit code', () => {
    expect(inferHooks({ postStart: { exec: ['sh', '-c', 'sleep 3; exit 1'] }, preStop: { exec: ['sh', '-c', 'sleep 10'] } })).toEqual({
      fields: { postStart: 3, postStartFails: true, preStop: 10 },
      reason: 'its postStart hook fails (exit 1) after 3 s; its preStop hook succeeds after 10 s',
      certain: true,
    });
  });

  it('gives a hook that never ends a day, and says nothing of hooks it cannot read', () => {
    expect(inferHooks({ preStop: { exec: ['sh', '-c', 'while true; do sleep 1; done'] } })?.fields).toEqual({ preStop: 86_400 });
    expect(inferHooks({ preStop: { exec: ['/bin/drain', '--wait'] } })).toBeNull();
    expect(inferHooks({})).toBeNull();
  });
});

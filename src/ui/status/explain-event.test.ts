import { describe, expect, it } from 'vitest';
import { runOf } from '../../app/derived';
import { BUSY_POD } from '../../app/fixtures/busy-pod';
import { explainEvent } from './explain-event';

const trace = runOf(BUSY_POD, null)!.trace;
const readyOf = (container: string) => trace.events.find((e) => e.type === 'Ready' && e.container === container && e.ready)!;

describe('plain words for a trace event', () => {
  it('say that a regular init container reads ready because it is done, not that it takes traffic', () => {
    const words = explainEvent(trace, readyOf('setup'))!;
    expect(words).toContain('setup exited with code 0');
    expect(words).not.toContain('traffic');
  });

  it('say that a ready app container gets traffic', () => {
    expect(explainEvent(trace, readyOf('web'))).toBe('web is ready: it can receive traffic.');
  });
});

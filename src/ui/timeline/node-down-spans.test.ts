import { describe, expect, it } from 'vitest';
import { withNodeDown, type Span } from './lanes';

const running: Span = { from: 5, to: 60, tone: 'running', label: 'Running' };

describe('a lane while the node is down', () => {
  it('says "Node down" over the period and keeps what the status showed on either side', () => {
    expect(withNodeDown([{ from: 0, to: 5, tone: 'waiting', label: 'PodInitializing' }, running], [{ from: 20, to: 30 }])).toEqual([
      { from: 0, to: 5, tone: 'waiting', label: 'PodInitializing' },
      { from: 5, to: 20, tone: 'running', label: 'Running' },
      { from: 20, to: 30, tone: 'gone', label: 'Node down' },
      { from: 30, to: 60, tone: 'running', label: 'Running' },
    ]);
  });

  it('leaves the spans alone when the node never went down, or went down for no time', () => {
    expect(withNodeDown([running], [])).toEqual([running]);
    expect(withNodeDown([running], [{ from: 20, to: 20 }])).toEqual([running]);
  });
});

import { describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../../engine/trace';
import { lookOf } from '../shared/container-state';
import { nodeWords } from './node-words';

const crashLooping: ContainerStatus = {
  name: 'web',
  image: 'nginx:1.27',
  state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: 10 } },
  ready: false,
  started: false,
  restartCount: 3,
};

describe('node words', () => {
  it('say the state, the count and the detail; a full node tips its image', () => {
    const look = lookOf(crashLooping, { kind: 'backoff', secondsLeft: 12 });
    expect(nodeWords(look, 3, { role: 'regular', image: 'nginx:1.27', compact: false })).toEqual({
      tone: 'failed',
      icon: '⟳',
      label: 'CrashLoopBackOff',
      labelSize: 'is-long',
      restarts: 3,
      restartsName: '3 restarts',
      detail: 'retry in 12s',
      image: 'nginx:1.27',
      tip: 'nginx:1.27',
    });
  });

  it('tip a compact node with what it does not show, the countdown left out', () => {
    const look = lookOf(crashLooping, { kind: 'backoff' });
    const words = nodeWords(look, 3, { role: 'sidecar', image: 'envoyproxy/envoy:v1.31.0', compact: true });
    expect(words.tip).toBe('sidecar, CrashLoopBackOff: waiting to retry (envoyproxy/envoy:v1.31.0)');
  });

  it('set longer state words smaller', () => {
    const label = (reason: string) => nodeWords(lookOf({ ...crashLooping, state: { waiting: { reason } } }, { kind: 'none' }), 0, { role: 'init', image: 'x', compact: true }).labelSize;
    expect(label('CreateContainerConfigError')).toBe('is-longer');
    expect(label('ErrImagePull')).toBe('');
  });
});

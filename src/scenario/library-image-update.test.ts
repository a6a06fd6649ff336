/** The library's image-update scenario plays out what its explanation promises. */
import { describe, expect, it } from 'vitest';
import { containerStatusAt, kubectlRow } from '../engine';
import { events, first, play } from './testing/library-kit';

describe('image-update: updating a container\'s image in place restarts it', () => {
  const trace = play('image-update.yaml', 70);

  it('stops web at 20 s because its definition changed, pulls the new image and starts it again under restartPolicy Never', () => {
    const killing = first(trace, 'Killing', 'web');
    expect(killing.t).toBe(20);
    expect(killing.event?.message).toBe('Container web definition changed, will be restarted');
    expect(events(trace, 'Pulling', 'web').map((e) => e.image)).toContain('nginx:1.28');
    const restarted = events(trace, 'Started', 'web').find((e) => e.restartCount === 1);
    expect(restarted?.t).toBeGreaterThan(20);
    expect(kubectlRow(trace, restarted!.t + 1).restarts).toMatch(/^1 /);
  });

  it('shows the new image in the status only once the new container runs', () => {
    const restartedAt = events(trace, 'Started', 'web').find((e) => e.restartCount === 1)!.t;
    expect(containerStatusAt(trace, 'web', restartedAt - 0.5)?.image).toBe('nginx:1.27');
    expect(containerStatusAt(trace, 'web', restartedAt + 0.5)?.image).toBe('nginx:1.28');
  });

  it('restarts the sidecar at 45 s the same way, while web keeps running', () => {
    const killing = events(trace, 'Killing', 'proxy').filter((e) => e.reason === 'DefinitionChanged');
    expect(killing.map((e) => `${e.t} ${e.event?.message}`)).toEqual(['45 Init container proxy definition changed']);
    expect(events(trace, 'Started', 'proxy').length).toBe(2);
    expect(events(trace, 'Started', 'web').length).toBe(2);
    expect(containerStatusAt(trace, 'proxy', 60)?.image).toBe('envoyproxy/envoy:v1.32.0');
  });
});

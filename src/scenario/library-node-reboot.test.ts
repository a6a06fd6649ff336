/** The library's node-reboot scenario plays out what its explanation promises. */
import { describe, expect, it } from 'vitest';
import { containerStatusAt, kubectlRow, podStatusAt } from '../engine';
import { events, first, play } from './testing/library-kit';

describe('node-reboot: a node reboot runs every init container again', () => {
  const trace = play('node-reboot.yaml', 80);

  it('keeps showing Running, 2/2 ready, while the node is down from 30 s to 50 s', () => {
    expect(first(trace, 'NodeDown')).toMatchObject({ t: 30, until: 50 });
    for (const t of [29, 35, 49.5]) expect(kubectlRow(trace, t)).toMatchObject({ status: 'Running', ready: '2/2', restarts: '0' });
  });

  it('shows the containers that were running as exited 255, Unknown, and records SandboxChanged at 50 s', () => {
    expect(containerStatusAt(trace, 'web', 50)?.state.terminated).toMatchObject({ exitCode: 255, reason: 'Unknown' });
    const changed = first(trace, 'SandboxChanged');
    expect(changed.t).toBe(50);
    expect(changed.event?.message).toBe('Pod sandbox changed, it will be killed and re-created.');
  });

  it('runs config, proxy and migrate again, in order, and only then web; every restart count goes from 0 to 1', () => {
    const again = (name: string) => events(trace, 'Started', name).filter((e) => e.t >= 50).map((e) => e.t)[0]!;
    expect(again('config')).toBe(50);
    expect(again('proxy')).toBeGreaterThan(again('config'));
    expect(again('migrate')).toBeGreaterThanOrEqual(again('proxy'));
    expect(again('web')).toBeGreaterThan(again('migrate'));
    for (const name of ['config', 'proxy', 'migrate', 'web']) expect(containerStatusAt(trace, name, 70)?.restartCount).toBe(1);
  });

  it('reads Unknown and phase Pending while the init containers run again, then Running with RESTARTS 2', () => {
    const webAgain = events(trace, 'Started', 'web').find((e) => e.restartCount === 1)!.t;
    for (const t of [50.5, webAgain - 0.5]) {
      expect(kubectlRow(trace, t).status).toBe('Unknown');
      expect(podStatusAt(trace, t).phase).toBe('Pending');
      expect(podStatusAt(trace, t).conditions.find((c) => c.type === 'Initialized')?.status).toBe('True');
    }
    expect(kubectlRow(trace, 70)).toMatchObject({ status: 'Running', ready: '2/2' });
    expect(kubectlRow(trace, 70).restarts).toMatch(/^2 \(/);
  });
});

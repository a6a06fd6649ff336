import { describe, expect, it } from 'vitest';
import { actionWords } from './action-words';

describe('an action in words', () => {
  it('says what each kind of act does, with the defaults it leaves out', () => {
    expect(actionWords({ at: 1, do: 'delete' })).toBe('delete the pod');
    expect(actionWords({ at: 1, do: 'delete', gracePeriodSeconds: 3 })).toBe('delete the pod (grace 3s)');
    expect(actionWords({ at: 1, do: 'kill', container: 'web' })).toBe('kill web (exit 137)');
    expect(actionWords({ at: 1, do: 'kill', container: 'web', oom: true })).toBe('OOM-kill web');
    expect(actionWords({ at: 1, do: 'reboot-node' })).toBe('reboot the node (down 30s)');
    expect(actionWords({ at: 1, do: 'evict' })).toBe('evict the pod (node low on memory)');
    expect(actionWords({ at: 1, do: 'evict', resource: 'pid' })).toBe('evict the pod (node low on pid)');
    expect(actionWords({ at: 1, do: 'evict', container: 'writer' })).toBe('evict the pod (writer past its ephemeral-storage limit)');
    expect(actionWords({ at: 1, do: 'evict', volume: 'cache' })).toBe('evict the pod (emptyDir cache past its sizeLimit)');
    expect(actionWords({ at: 1, do: 'drain' })).toBe('drain the node: evict the pod through the API');
    expect(actionWords({ at: 1, do: 'shutdown-node' })).toBe('shut the node down (graceful node shutdown)');
    expect(actionWords({ at: 1, do: 'drain', gracePeriodSeconds: 5 })).toBe('drain the node: evict the pod through the API (grace 5s)');
    expect(actionWords({ at: 1, do: 'set-condition', condition: 'example.com/lb', status: 'True' })).toBe('set condition example.com/lb to True');
  });

  it('shows what it cannot read as written', () => {
    expect(actionWords({ at: 1, do: 'explode' })).toBe('explode');
  });
});

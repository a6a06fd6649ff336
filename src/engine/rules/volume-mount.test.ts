import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, init, pod } from '../testing/pod-builder';

const condition = (trace: ReturnType<typeof simulate>, t: number, type: string) => podStatusAt(trace, t).conditions.find((c) => c.type === type)?.status;

// kubelet.go SyncPod waits for the volumes before the sandbox; the reconciler retries the mount
// with nestedpendingoperations' back-off (0.5 s doubling to 2m2s); the configmap and secret volume
// plugins fail SetUp for an object that does not exist.
describe('a volume whose ConfigMap does not exist', () => {
  const trace = simulate(
    pod({
      containers: [app('web')],
      missingObjects: ['configmap/site'],
      volumeObjects: [{ volume: 'site', object: 'configmap/site' }],
      actions: [{ at: 20, do: 'create', object: 'configmap/site' }],
    }),
    { until: 60 },
  );

  it('fails to mount with FailedMount, again after 0.5 s, 1 s, 2 s … until the ConfigMap exists', () => {
    expect(eventsOf(trace, 'MountFailed').map((e) => e.t)).toEqual([0, 0.5, 1.5, 3.5, 7.5, 15.5]);
    expect(eventsOf(trace, 'MountFailed')[0]!.event).toMatchObject({ type: 'Warning', reason: 'FailedMount', message: 'MountVolume.SetUp failed for volume "site" : configmap "site" not found' });
  });

  it('holds everything back meanwhile: no sandbox, ContainerCreating, Pending', () => {
    expect(kubectlRow(trace, 10)).toMatchObject({ ready: '0/1', status: 'ContainerCreating', restarts: '0' });
    expect(podStatusAt(trace, 10).phase).toBe('Pending');
    expect(condition(trace, 10, 'PodScheduled')).toBe('True');
    expect(condition(trace, 10, 'PodReadyToStartContainers')).toBe('False');
    expect(condition(trace, 10, 'Initialized')).toBe('True');
    expect(condition(trace, 10, 'ContainersReady')).toBe('False');
    expect(eventsOf(trace, 'Pulled').every((e) => e.t > 20)).toBe(true);
  });

  it('mounts it at the first try after it is created, and the waiting sync starts the pod at once', () => {
    expect(eventsOf(trace, 'Started', 'web').map((e) => e.t)).toEqual([31.5]);
    expect(condition(trace, 32, 'PodReadyToStartContainers')).toBe('True');
    expect(kubectlRow(trace, 32)).toMatchObject({ ready: '1/1', status: 'Running' });
  });
});

describe('a missing volume: syncs that gave up waiting, init containers, deletion', () => {
  it('mounted after a sync gave up waiting, it waits for the next: each waits 2m3s, the pod worker tries again 10 s later', () => {
    // Created at 124 s: the try at 127.5 s mounts it, between the first sync's end (123 s) and the next (133 s).
    const trace = simulate(
      pod({ containers: [app('web')], missingObjects: ['secret/tls'], volumeObjects: [{ volume: 'tls', object: 'secret/tls' }], actions: [{ at: 124, do: 'create', object: 'secret/tls' }] }),
      { until: 200 },
    );
    expect(eventsOf(trace, 'MountFailed').at(-1)!.t).toBe(63.5);
    expect(eventsOf(trace, 'Started', 'web').map((e) => e.t)).toEqual([133]);
  });

  it('with init containers, reports Initialized False and Init:0/1 meanwhile', () => {
    const trace = simulate(
      pod({ initContainers: [init('setup', { run: 5 })], containers: [app('web')], missingObjects: ['configmap/site'], volumeObjects: [{ volume: 'site', object: 'configmap/site' }] }),
      { until: 60 },
    );
    expect(kubectlRow(trace, 30)).toMatchObject({ ready: '0/1', status: 'Init:0/1' });
    expect(condition(trace, 30, 'Initialized')).toBe('False');
    expect(condition(trace, 30, 'PodReadyToStartContainers')).toBe('False');
    expect(eventsOf(trace, 'Started')).toEqual([]);
  });

  it('stops trying once the pod is deleted, and the pod goes without ever having started', () => {
    const trace = simulate(
      pod({ containers: [app('web')], missingObjects: ['configmap/site'], volumeObjects: [{ volume: 'site', object: 'configmap/site' }], actions: [{ at: 10, do: 'delete' }, { at: 12, do: 'create', object: 'configmap/site' }] }),
      { until: 200 },
    );
    expect(eventsOf(trace, 'MountFailed').map((e) => e.t)).toEqual([0, 0.5, 1.5, 3.5, 7.5]);
    expect(eventsOf(trace, 'Started')).toEqual([]);
    expect(trace.deletedAt).toBe(10);
  });

  it('fails to mount a volume whose items name a key its object lacks, in the plugin\'s words', () => {
    const trace = simulate(
      pod({
        containers: [app('web')],
        missingObjects: ['configmap/site/index.html', 'secret/tls/tls.key'],
        volumeObjects: [
          { volume: 'site', object: 'configmap/site', keys: ['index.html'] },
          { volume: 'tls', object: 'secret/tls', keys: ['tls.crt', 'tls.key'] },
        ],
      }),
      { until: 10 },
    );
    expect(eventsOf(trace, 'MountFailed').filter((e) => e.t === 0).map((e) => e.event?.message)).toEqual([
      'MountVolume.SetUp failed for volume "site" : configmap references non-existent config key: index.html',
      'MountVolume.SetUp failed for volume "tls" : references non-existent secret key: tls.key',
    ]);
    expect(kubectlRow(trace, 5)).toMatchObject({ status: 'ContainerCreating' });
  });
});

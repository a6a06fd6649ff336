import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate';
import { app, init, pod, sidecar } from '../../engine/testing/pod-builder';
import { explainEvent, explainMoment } from './explain-event';

const trace = simulate(
  pod({
    initContainers: [init('migrate', { run: 1 }), sidecar('proxy')],
    containers: [app('web')],
    actions: [
      { at: 10, do: 'set-image', container: 'web', image: 'nginx:1.27' },
      { at: 20, do: 'set-image', container: 'proxy', image: 'envoy:v2' },
      { at: 30, do: 'set-image', container: 'migrate', image: 'migrate:v2' },
    ],
  }),
  { until: 60 },
);
const say = (type: 'ImageUpdated' | 'Killing', container: string) =>
  explainEvent(trace, trace.events.find((e) => e.type === type && e.container === container)!);

describe('plain words for an image update', () => {
  it('tell a running container stopped for its new image once, by the stop', () => {
    const lines = explainMoment(trace, trace.events.filter((e) => e.t === 10));
    expect(lines).toContain('The pod spec gives web a new image, so the kubelet stops it (preStop hook if any, then SIGTERM, then SIGKILL after 30s) and starts it again with it, whatever the restartPolicy.');
    expect(lines.filter((line) => line.includes('now has the image'))).toEqual([]);
    // The init container is not stopped for it: its update is told.
    expect(explainMoment(trace, trace.events.filter((e) => e.t === 30)).some((line) => line.startsWith('Init container migrate now has the image'))).toBe(true);
  });

  it('say what the new spec means for each kind of container', () => {
    expect(say('ImageUpdated', 'web')).toBe(
      'web now has the image nginx:1.27 in the pod spec (kubectl set image). The kubelet restarts it with it; if already exited, only the restartPolicy can start it again.',
    );
    expect(say('ImageUpdated', 'proxy')).toBe(
      'Native sidecar proxy now has the image envoy:v2 in the pod spec (kubectl set image). The kubelet restarts it with it once started.',
    );
    expect(say('ImageUpdated', 'migrate')).toMatch(/^Init container migrate now has the image migrate:v2 in the pod spec\. It is not restarted for that/);
  });

  it('say why the kubelet stops a container whose image changed', () => {
    expect(say('Killing', 'web')).toBe(
      'The pod spec gives web a new image, so the kubelet stops it (preStop hook if any, then SIGTERM, then SIGKILL after 30s) and starts it again with it, whatever the restartPolicy.',
    );
  });
});

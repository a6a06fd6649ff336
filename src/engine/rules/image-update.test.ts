import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, init, pod, probe, sidecar, timesOf } from '../testing/pod-builder';
import type { Trace } from '../trace';

const NEW = 'example/app:2.0';
const statusOf = (trace: Trace, name: string, t: number) =>
  [...podStatusAt(trace, t).initContainerStatuses, ...podStatusAt(trace, t).containerStatuses].find((s) => s.name === name)!;
const k8s = (trace: Trace, container: string) =>
  trace.events.filter((e) => e.event && 'container' in e && e.container === container).map((e) => `${e.t} ${e.event!.reason}: ${e.event!.message}`);

describe('updating the image of a running regular container', () => {
  it('kills it with "definition changed", pulls the new image and starts it again, even under restartPolicy Never', () => {
    const trace = simulate(
      pod({
        restartPolicy: 'Never',
        containers: [app('app', { stop: 2 }), app('other')],
        actions: [{ at: 10, do: 'set-image', container: 'app', image: NEW }],
      }),
      { until: 30 },
    );
    expect(k8s(trace, 'app').slice(3)).toEqual([
      '10 Killing: Container app definition changed, will be restarted',
      `12 Pulling: Pulling image "${NEW}"`,
      `12 Pulled: Successfully pulled image "${NEW}" in 0s (0s including waiting)`,
      '12 Created: Created container: app',
      '12 Started: Started container app',
    ]);
    expect(eventsOf(trace, 'Killing', 'app')[0]).toMatchObject({ reason: 'DefinitionChanged', gracePeriod: 30 });
    // The old container keeps its image in the status until the new one replaces it.
    expect(statusOf(trace, 'app', 11)).toMatchObject({ image: 'example/app:1.0', restartCount: 0 });
    expect(statusOf(trace, 'app', 13)).toMatchObject({ image: NEW, restartCount: 1, state: { running: { startedAt: 12 } } });
    expect(timesOf(trace, 'Started', 'other')).toEqual([0]);
    expect(podStatusAt(trace, 13).phase).toBe('Running');
  });

  it('records the update itself as an ImageUpdated trace event with no Kubernetes Event', () => {
    const trace = simulate(pod({ containers: [app('app')], actions: [{ at: 5, do: 'set-image', container: 'app', image: NEW }] }), { until: 10 });
    expect(eventsOf(trace, 'ImageUpdated')).toEqual([{ t: 5, type: 'ImageUpdated', container: 'app', image: NEW }]);
  });

  it('does nothing when the image is the one the spec already names', () => {
    const trace = simulate(
      pod({ containers: [app('app')], actions: [{ at: 5, do: 'set-image', container: 'app', image: 'example/app:1.0' }] }),
      { until: 10 },
    );
    expect(eventsOf(trace, 'ImageUpdated')).toEqual([]);
    expect(eventsOf(trace, 'Killing')).toEqual([]);
  });

  it('starts the new image on a fresh crash-loop back-off ladder', () => {
    const crashing = pod({
      containers: [app('app', { run: 1, exitCode: 1 })],
      actions: [{ at: 60, do: 'set-image', container: 'app', image: NEW }],
    });
    const trace = simulate(crashing, { until: 120 });
    // Old image: starts at 0, 1, 12, 33 (back-off 0, 10, 20); the next would wait 40 s, until 74.
    // The new image starts at once and then climbs 10, 20, 40 again.
    expect(timesOf(trace, 'Started', 'app')).toEqual([0, 1, 12, 33, 60, 71, 92]);
    expect(eventsOf(trace, 'BackOff', 'app').map((e) => `${e.t} ${e.delay}`)).toEqual(['2 10', '13 20', '34 40', '61 10', '72 20', '93 40']);
  });

  it('leaves an exited container alone when the policy would not restart it', () => {
    for (const restartPolicy of ['Never', 'OnFailure'] as const) {
      const trace = simulate(
        pod({
          restartPolicy,
          containers: [app('done', { run: 5 }), app('app')],
          actions: [{ at: 10, do: 'set-image', container: 'done', image: NEW }],
        }),
        { until: 30 },
      );
      expect(timesOf(trace, 'Started', 'done'), restartPolicy).toEqual([0]);
      expect(statusOf(trace, 'done', 20).image, restartPolicy).toBe('example/done:1.0');
    }
  });

  it('pulls the new image under pull policy Never only if it is on the node: it is not', () => {
    const trace = simulate(
      pod({
        containers: [app('app', {}, { imagePullPolicy: 'Never' })],
        actions: [{ at: 10, do: 'set-image', container: 'app', image: NEW }],
      }),
      { until: 20 },
    );
    expect(eventsOf(trace, 'PullFailed', 'app')[0]).toMatchObject({ t: 10, image: NEW, event: { reason: 'ErrImageNeverPull' } });
    expect(timesOf(trace, 'Started', 'app')).toEqual([0]);
  });

  it('starts the old image when the update lands during its pull, then restarts it with the new one', () => {
    const trace = simulate(
      pod({
        containers: [app('app', { pull: 10, stop: 0 })],
        actions: [{ at: 5, do: 'set-image', container: 'app', image: NEW }],
      }),
      { until: 30 },
    );
    expect(eventsOf(trace, 'Pulled', 'app').map((e) => `${e.t} ${e.image}`)).toEqual(['10 example/app:1.0', `20 ${NEW}`]);
    expect(timesOf(trace, 'Killing', 'app')).toEqual([10]);
    expect(statusOf(trace, 'app', 21)).toMatchObject({ image: NEW, restartCount: 1 });
  });

  it('starts nothing once the pod is terminating', () => {
    const trace = simulate(
      pod({
        containers: [app('app', { stop: 20 })],
        actions: [
          { at: 5, do: 'delete' },
          { at: 6, do: 'set-image', container: 'app', image: NEW },
        ],
      }),
    );
    expect(eventsOf(trace, 'Killing', 'app').map((e) => e.reason)).toEqual(['PodDeleted']);
    expect(timesOf(trace, 'Started', 'app')).toEqual([0]);
    expect(trace.deletedAt).toBe(25);
  });
});

describe('updating the image of an init container', () => {
  it('kills a started sidecar with "Init container … definition changed" and starts it again; the app keeps running', () => {
    const trace = simulate(
      pod({
        initContainers: [sidecar('proxy', { stop: 1 })],
        containers: [app('app')],
        actions: [{ at: 10, do: 'set-image', container: 'proxy', image: NEW }],
      }),
      { until: 30 },
    );
    expect(eventsOf(trace, 'Killing', 'proxy').map((e) => `${e.t} ${e.reason} ${e.event?.message}`)).toEqual([
      '10 DefinitionChanged Init container proxy definition changed',
    ]);
    expect(timesOf(trace, 'Started', 'proxy')).toEqual([0, 11]);
    expect(statusOf(trace, 'proxy', 12)).toMatchObject({ image: NEW, restartCount: 1 });
    expect(timesOf(trace, 'Started', 'app')).toEqual([0]);
  });

  it('waits for a sidecar whose startup probe has not passed yet', () => {
    const trace = simulate(
      pod({
        initContainers: [sidecar('proxy', { startup: 25, stop: 0 }, { startupProbe: probe({ periodSeconds: 10, failureThreshold: 10 }) })],
        containers: [app('app')],
        actions: [{ at: 5, do: 'set-image', container: 'proxy', image: NEW }],
      }),
      { until: 60 },
    );
    // The startup probe passes at 30; only then is the changed definition acted on.
    expect(timesOf(trace, 'Killing', 'proxy')).toEqual([30]);
    expect(timesOf(trace, 'Started', 'proxy')).toEqual([0, 30]);
  });

  it('lets a running regular init container finish with its old image and never runs it again', () => {
    const trace = simulate(
      pod({
        initContainers: [init('migrate', { run: 20 })],
        containers: [app('app')],
        actions: [{ at: 5, do: 'set-image', container: 'migrate', image: NEW }],
      }),
      { until: 60 },
    );
    expect(eventsOf(trace, 'Killing')).toEqual([]);
    expect(timesOf(trace, 'Started', 'migrate')).toEqual([0]);
    expect(timesOf(trace, 'Started', 'app')).toEqual([20]);
    expect(statusOf(trace, 'migrate', 30)).toMatchObject({ image: 'example/migrate:1.0', state: { terminated: { exitCode: 0 } } });
  });

  it('restarts a failed regular init container with the new image at once, on a fresh back-off', () => {
    const trace = simulate(
      pod({
        restartPolicy: 'OnFailure',
        initContainers: [init('migrate', { run: 1, exitCode: 1 })],
        containers: [app('app')],
        actions: [{ at: 15, do: 'set-image', container: 'migrate', image: NEW }],
      }),
      { until: 40 },
    );
    // Old image: 0, 1, 12 (back-off 10); the next would wait 20 s, until 33.
    expect(timesOf(trace, 'Started', 'migrate')).toEqual([0, 1, 12, 15, 26]);
    expect(eventsOf(trace, 'Pulled', 'migrate').at(3)?.image).toBe(NEW);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPod } from './arbitrary-pod';
import { simulate } from './simulate';
import { RUNS } from './testing/property-kit';
import type { PodAction, PodModel } from './types';

// A ConfigMap or Secret that a container's environment reads, missing until a create action
// (kuberuntime_container.go startContainer, kubelet_pods.go makeEnvironmentVariables).

const OBJECT = 'secret/podlab-missing';

/** The pod with its `which`-th container reading the object, missing until `createdAt` (never when null). */
function reading(pod: PodModel, which: number, optional: boolean, createdAt: number | null): PodModel {
  const all = [...pod.initContainers, ...pod.containers];
  const name = all[which % all.length]!.name;
  const read = (c: PodModel['containers'][number]) => (c.name === name ? { ...c, configRefs: [{ object: OBJECT, optional }] } : c);
  return {
    ...pod,
    initContainers: pod.initContainers.map(read),
    containers: pod.containers.map(read),
    missingObjects: [OBJECT],
    actions: createdAt === null ? pod.actions : [...pod.actions, { at: createdAt, do: 'create', object: OBJECT } satisfies PodAction].sort((a, b) => a.at - b.at),
  };
}

describe('a container reading a missing object', () => {
  const cases = fc.tuple(arbitraryPod, fc.nat(), fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }));

  it('never starts before the object is created, and fails its config instead, with no restart counted', () => {
    fc.assert(
      fc.property(cases, ([pod, which, createdAt]) => {
        const model = reading(pod, which, false, createdAt);
        const name = [...model.initContainers, ...model.containers].find((c) => c.configRefs)!.name;
        const trace = simulate(model);
        const created = createdAt ?? Infinity;
        for (const e of trace.events) {
          if (e.type === 'Started' && e.container === name) expect(e.t, `${name} started`).toBeGreaterThanOrEqual(created);
          if (e.type === 'ConfigMissing') expect(e.t, 'a config error after the creation').toBeLessThanOrEqual(created);
        }
        for (const status of trace.containerStatuses[name] ?? []) {
          if (status.t < created) expect(status.value.restartCount).toBe(0);
        }
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('changes nothing when the reference is optional', () => {
    fc.assert(
      fc.property(cases, ([pod, which]) => {
        const plain = simulate(pod);
        const optional = simulate(reading(pod, which, true, null));
        expect(optional).toEqual(plain);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('mounted as a volume, holds every container back until it is created, failing to mount only before', () => {
    fc.assert(
      fc.property(cases, ([pod, , createdAt]) => {
        const created = createdAt ?? Infinity;
        const model: PodModel = {
          ...pod,
          missingObjects: [OBJECT],
          volumeObjects: [{ volume: 'podlab-volume', object: OBJECT }],
          actions: createdAt === null ? pod.actions : [...pod.actions, { at: createdAt, do: 'create', object: OBJECT } satisfies PodAction].sort((a, b) => a.at - b.at),
        };
        const trace = simulate(model);
        for (const e of trace.events) {
          if (e.type === 'Pulling' || e.type === 'Pulled' || e.type === 'Started') expect(e.t, `${e.type} of ${e.container}`).toBeGreaterThanOrEqual(created);
          if (e.type === 'MountFailed') expect(e.t).toBeLessThan(created);
        }
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

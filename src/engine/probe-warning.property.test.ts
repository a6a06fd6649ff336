import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPod } from './arbitrary-pod';
import { simulate } from './simulate';
import { RUNS } from './testing/property-kit';
import type { ContainerModel, PodModel, ProbeKind } from './types';

// An HTTP probe redirected to another host passes with a warning (pkg/probe/http, prober.go): the
// kubelet acts on it as on any success, and only its Events tell.

const KINDS: ProbeKind[] = ['startup', 'readiness', 'liveness'];
const LOCATION = 'http://0.0.0.0/';

/** The pod with every probe an HTTP one; with `redirect`, each redirected to another host in every run. */
function httpProbes(pod: PodModel, redirect: boolean): PodModel {
  const container = (c: ContainerModel): ContainerModel => {
    const next: ContainerModel = { ...c, behavior: { ...c.behavior, probes: { ...c.behavior.probes } } };
    for (const kind of KINDS) {
      const timing = c[`${kind}Probe`];
      if (timing) next[`${kind}Probe`] = { ...timing, handler: 'httpGet' };
      if (redirect) next.behavior.probes[kind] = { ...next.behavior.probes[kind], redirect: LOCATION };
    }
    return next;
  };
  return { ...pod, initContainers: pod.initContainers.map(container), containers: pod.containers.map(container) };
}

describe('a probe redirected to another host', () => {
  it('changes nothing the kubelet does, and warns once for every attempt that passes', () => {
    fc.assert(
      fc.property(arbitraryPod, (pod) => {
        const plain = simulate(httpProbes(pod, false));
        const warned = simulate(httpProbes(pod, true), { probeRuns: true });
        const { probeRuns = [], ...rest } = warned;
        expect({ ...rest, events: rest.events.filter((e) => e.type !== 'ProbeWarning') }).toEqual(plain);

        const warnings = warned.events.flatMap((e) => (e.type === 'ProbeWarning' ? [`${e.t} ${e.container} ${e.probe} ${e.location}`] : []));
        const passed = probeRuns.filter((run) => run.passed).map((run) => `${run.t} ${run.container} ${run.probe} ${LOCATION}`);
        expect(warnings).toEqual(passed);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

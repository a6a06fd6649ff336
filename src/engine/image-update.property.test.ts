import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPod } from './arbitrary-pod';
import { simulate } from './simulate';
import type { TraceEvent } from './trace';

// Properties of image updates over arbitrary pods (kuberuntime_manager.go computePodActions,
// kuberuntime_container.go computeInitContainerActions): what a changed definition may and must do.
const RUNS = { seed: 0x1a6e, numRuns: 150 };

const withUpdates = arbitraryPod.filter((pod) => pod.actions.some((a) => a.do === 'set-image'));
const about = (e: TraceEvent, container: string) => 'container' in e && e.container === container;

describe('image updates', () => {
  it('kill only an updated regular container or sidecar, never once the pod is being deleted', () => {
    fc.assert(
      fc.property(withUpdates, (pod) => {
        const trace = simulate(pod);
        const role = new Map([...pod.initContainers, ...pod.containers].map((c) => [c.name, c.role]));
        trace.events.forEach((e, index) => {
          if (e.type !== 'Killing' || e.reason !== 'DefinitionChanged') return;
          const before = trace.events.slice(0, index);
          expect(role.get(e.container), `${e.container} is a regular init container`).not.toBe('init');
          expect(before.some((u) => u.type === 'ImageUpdated' && u.container === e.container), `${e.container} was never updated`).toBe(true);
          expect(before.some((u) => u.type === 'DeletionRequested'), 'killed for its image while the pod terminates').toBe(false);
        });
      }),
      RUNS,
    );
  });

  it('start a container killed for its image again, unless the pod stops or the new image cannot be had', () => {
    fc.assert(
      fc.property(withUpdates, (pod) => {
        const trace = simulate(pod);
        trace.events.forEach((e, index) => {
          if (e.type !== 'Killing' || e.reason !== 'DefinitionChanged') return;
          const after = trace.events.slice(index + 1);
          // Created again: started, or a start the runtime failed (StartError).
          const restarted = after.some((l) => l.type === 'Created' && about(l, e.container));
          // Still stopping when the run ended, or held back: by a pod kill, a pull that fails, or
          // the back-off of an image it ran before (the key is the same again).
          const excused =
            !after.some((l) => l.type === 'Exited' && about(l, e.container)) ||
            after.some((l) => l.type === 'DeletionRequested' || (l.type === 'Killing' && l.reason === 'DeadlineExceeded')) ||
            after.some((l) => (l.type === 'PullFailed' || l.type === 'BackOff') && about(l, e.container));
          expect(restarted || excused, `${e.container} not started again after its image changed at ${e.t}`).toBe(true);
        });
      }),
      RUNS,
    );
  });
});

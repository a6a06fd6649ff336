import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPod } from './arbitrary-pod';
import { simulate } from './simulate';
import type { PodCondition } from './trace';
import type { PodModel } from './types';

// pkg/kubelet/status/generate.go GeneratePodReadyCondition: Ready is True exactly when
// ContainersReady is and every readiness gate's condition (set by a client) is True.
const RUNS = { seed: 0x6a7e5, numRuns: 150 };

/** The conditions each instant ends with (within one, a client's patch comes before the kubelet's answer). */
function settled(history: { t: number; value: PodCondition[] }[]): { t: number; value: PodCondition[] }[] {
  return history.filter((entry, i) => history[i + 1]?.t !== entry.t);
}

const status = (conditions: PodCondition[], type: string) => conditions.find((c) => c.type === type)?.status;
const gated = arbitraryPod.filter((pod) => (pod.readinessGates?.length ?? 0) > 0);
/** The node controller marks a silent node's pods not Ready, whatever the kubelet last said. */
const nodeStaysUp = (pod: PodModel) => !pod.actions.some((a) => a.do === 'reboot-node');

describe('readiness gates', () => {
  it('never read Ready True unless the containers are ready and every gate is True', () => {
    fc.assert(
      fc.property(gated, (pod) => {
        for (const { t, value } of settled(simulate(pod).conditions)) {
          if (status(value, 'Ready') !== 'True') continue;
          expect(status(value, 'ContainersReady'), `ContainersReady at ${t}`).toBe('True');
          for (const gate of pod.readinessGates!) expect(status(value, gate), `${gate} at ${t}`).toBe('True');
        }
      }),
      RUNS,
    );
  });

  it('read Ready True as soon as the containers are ready and every gate is True, on a node that stays up', () => {
    fc.assert(
      fc.property(gated.filter(nodeStaysUp), (pod) => {
        for (const { t, value } of settled(simulate(pod).conditions)) {
          const open = status(value, 'ContainersReady') === 'True' && pod.readinessGates!.every((gate) => status(value, gate) === 'True');
          expect(status(value, 'Ready') === 'True', `Ready at ${t}`).toBe(open);
        }
      }),
      RUNS,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { expectAlways, phaseAt, runFixture } from './testing/upstream-e2e';
import type { Trace } from './trace';

// Conformance with the storage e2e tests (test/e2e/common/storage/) whose pods wait on a volume:
// every fixture in fixtures/kubelet-e2e-storage/ is the pod of one upstream test (map in its
// README.md), and every `it` asserts what that test asserts.

const run = (fixture: string, until?: number): Trace => runFixture('kubelet-e2e-storage', fixture, until);

// f.Timeouts.PodStart
const POD_START = 300;

describe('test/e2e/common/storage: a non-optional volume whose object, or a key its items name, does not exist', () => {
  // gomega.Consistently(getPod).WithTimeout(f.Timeouts.PodStart).Should(e2epod.BeInPhase(v1.PodPending))
  const staysPending = (fixture: string) => {
    const trace = run(fixture, POD_START + 10);
    expectAlways(trace, 0, POD_START, 'pod Pending', (t) => phaseAt(trace, t) === 'Pending');
    return trace;
  };

  // projected_configmap.go and projected_secret.go's tests of the same names call the very helpers
  // above (createNonOptionalConfigMapPod, createNonOptionalSecretPod…), so they create these pods.
  const projectedTwins: [upstream: string, fixture: string][] = [
    ['Projected configMap "Should fail non-optional pod creation due to configMap object does not exist [Slow]"', 'volume-configmap-missing-pending.yaml'],
    ['Projected configMap "Should fail non-optional pod creation due to the key in the configMap object does not exist [Slow]"', 'volume-configmap-key-missing-pending.yaml'],
    ['Projected secret "Should fail non-optional pod creation due to secret object does not exist [Slow]"', 'volume-secret-missing-pending.yaml'],
    ['Projected secret "Should fail non-optional pod creation due to the key in the secret object does not exist [Slow]"', 'volume-secret-key-missing-pending.yaml'],
  ];
  for (const [upstream, fixture] of projectedTwins) {
    it(`${upstream}: Pending throughout PodStart (${fixture})`, () => {
      staysPending(fixture);
    });
  }

  it('ConfigMap "Should fail non-optional pod creation due to configMap object does not exist [Slow]": Pending throughout PodStart', () => {
    const trace = staysPending('volume-configmap-missing-pending.yaml');
    expect(trace.events.some((e) => e.event?.reason === 'FailedMount')).toBe(true);
  });

  it('Secrets "Should fail non-optional pod creation due to secret object does not exist [Slow]": Pending throughout PodStart', () => {
    const trace = staysPending('volume-secret-missing-pending.yaml');
    expect(trace.events.some((e) => e.event?.reason === 'FailedMount')).toBe(true);
  });

  it('ConfigMap "Should fail non-optional pod creation due to the key in the configMap object does not exist [Slow]": Pending throughout PodStart', () => {
    const trace = staysPending('volume-configmap-key-missing-pending.yaml');
    expect(trace.events.find((e) => e.event?.reason === 'FailedMount')?.event?.message).toBe(
      'MountVolume.SetUp failed for volume "createcm-volume" : configmap references non-existent config key: data-4',
    );
  });

  it('Secrets "Should fail non-optional pod creation due to the key in the secret object does not exist [Slow]": Pending throughout PodStart', () => {
    const trace = staysPending('volume-secret-key-missing-pending.yaml');
    expect(trace.events.find((e) => e.event?.reason === 'FailedMount')?.event?.message).toBe(
      'MountVolume.SetUp failed for volume "creates-volume" : references non-existent secret key: data-4',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { podStatusAt } from './status/status-at';
import { eventsOf, findIndex, harnessLog, phaseAt, POD_START, runFixture, waitUntil } from './testing/upstream-e2e';
import type { Trace } from './trace';

// Kubernetes' own [Serial] node tests that reboot the node (and one that restarts the kubelet),
// replayed: every fixture in fixtures/kubelet-e2e-reboot/ is the pod of one upstream test; its
// "stop the kubelet, stop the pod sandbox, start the kubelet" is a reboot-node action, its
// client.Update a set-image action. Every `it` asserts what that test asserts (map in
// fixtures/kubelet-e2e-reboot/README.md).

const run = (fixture: string) => runFixture('kubelet-e2e-reboot', fixture, 400);
const AGNHOST = 'registry.k8s.io/e2e-test-images/agnhost:2.53';

/** When the node is back: upstream's "kubelet was expected to be healthy" wait ends then. */
function kubeletBack(trace: Trace): number {
  const down = eventsOf(trace, 'NodeDown')[0];
  expect(down, 'the fixture reboots the node').toBeDefined();
  // WaitForPodRunningInNamespace came first: the pod ran before the reboot.
  waitUntil(trace, POD_START, 'pod Running', (t) => phaseAt(trace, t) === 'Running' && t <= down!.t);
  return down!.until;
}

const regularRestarts = (trace: Trace, t: number) => podStatusAt(trace, t).containerStatuses[0]!.restartCount;
const initStatus = (trace: Trace, t: number, index: number) => podStatusAt(trace, t).initContainerStatuses[index]!;

/** The "Analyzing results" block: each container started, restarted, both times in spec order. */
function expectStartedTwiceInOrder(trace: Trace, names: string[]): void {
  const log = harnessLog(trace);
  const started = names.map((name) => findIndex(log, name, 'Started'));
  const restarted = names.map((name, i) => findIndex(log, name, 'Started', started[i]! + 1));
  for (let i = 0; i + 1 < names.length; i++) {
    expect(started[i], `${names[i]} started before ${names[i + 1]}`).toBeLessThan(started[i + 1]!);
    expect(restarted[i], `${names[i]} restarted before ${names[i + 1]}`).toBeLessThan(restarted[i + 1]!);
  }
}

describe('test/e2e_node/container_lifecycle_test.go [Serial], A node reboots', () => {
  it('should restart the containers in right order after the node reboot', () => {
    const trace = run('node-reboot-init-containers.yaml');
    const back = kubeletBack(trace);
    waitUntil(trace, POD_START, 're-initialized: regular-1 restartCount >= 2 and Running', (t) => regularRestarts(trace, t) >= 2 && phaseAt(trace, t) === 'Running', back);
    expectStartedTwiceInOrder(trace, ['init-1', 'init-2', 'init-3', 'regular-1']);
  });
});

describe('test/e2e_node/container_lifecycle_test.go [NodeConformance] [Serial], A node running restartable init containers reboots', () => {
  it('should restart the containers in right order after the node reboot', () => {
    const trace = run('node-reboot-sidecar.yaml');
    const back = kubeletBack(trace);
    waitUntil(trace, POD_START, 're-initialized', (t) => {
      if (initStatus(trace, t, 0).restartCount < 1) return false;
      const phase = phaseAt(trace, t);
      if (phase !== 'Pending') throw new Error(`pod should remain in the pending phase until it is re-initialized, but it is "${phase}" (t=${t})`);
      return true;
    }, back);
    waitUntil(trace, POD_START, 'regular-1 running', (t) => podStatusAt(trace, t).containerStatuses[0]!.state.running !== undefined, back);
    expectStartedTwiceInOrder(trace, ['init-1', 'restartable-init-2', 'init-3', 'regular-1']);
  });

  // "A node is rebooting and receives an update request": testPodUpdateOnReboot(ctx, nodeReboot)
  it('should handle an update during the node reboot', () => {
    const trace = run('node-reboot-update-sidecar-image.yaml');
    const back = kubeletBack(trace);
    const update = eventsOf(trace, 'ImageUpdated')[0]!;
    expect(update.t).toBeGreaterThanOrEqual(back);
    waitUntil(trace, POD_START, 're-initialized: regular-1 restartCount >= 1 and Running', (t) => regularRestarts(trace, t) >= 1 && phaseAt(trace, t) === 'Running', update.t);
    waitUntil(trace, POD_START + 60, 'image updated', (t) => initStatus(trace, t, 1).restartCount > 0 && initStatus(trace, t, 1).image === AGNHOST, update.t);
  });

  // The kubelet restart alone changes nothing in Kubernetes 1.35 (see the README): the fixture has
  // no reboot, only the update once the kubelet is back.
  it('should handle an update during the kubelet restart', () => {
    const trace = run('kubelet-restart-update-sidecar-image.yaml');
    const update = eventsOf(trace, 'ImageUpdated')[0]!;
    waitUntil(trace, POD_START, 'pod Running', (t) => phaseAt(trace, t) === 'Running' && t <= update.t);
    waitUntil(trace, POD_START, 'regular-1 never restarted and Running', (t) => regularRestarts(trace, t) === 0 && phaseAt(trace, t) === 'Running', update.t);
    waitUntil(trace, POD_START + 60, 'image updated', (t) => initStatus(trace, t, 1).restartCount > 0 && initStatus(trace, t, 1).image === AGNHOST, update.t);
  });
});

import { describe, expect, it } from 'vitest';
import { groupIndexOf, shutdownGroups, SYSTEM_CRITICAL_PRIORITY } from './shutdown-groups';

/** scheduling.HighestUserDefinablePriority */
const HIGHEST_USER_DEFINABLE = 1_000_000_000;

// pkg/kubelet/nodeshutdown/nodeshutdown_manager_linux_test.go Test_migrateConfig and Test_groupByPriority.
describe('the groups of a graceful node shutdown', () => {
  it('are the two periods as migrateConfig turns them into groups', () => {
    expect(shutdownGroups({ shutdownGracePeriod: 300, shutdownGracePeriodCriticalPods: 120 })).toEqual([
      { priority: 0, shutdownGracePeriodSeconds: 180 },
      { priority: SYSTEM_CRITICAL_PRIORITY, shutdownGracePeriodSeconds: 120 },
    ]);
    expect(shutdownGroups({ shutdownGracePeriod: 100 })).toEqual([
      { priority: 0, shutdownGracePeriodSeconds: 100 },
      { priority: SYSTEM_CRITICAL_PRIORITY, shutdownGracePeriodSeconds: 0 },
    ]);
    // "empty configuration" and "wrong configuration": none, graceful node shutdown off.
    expect(shutdownGroups({})).toEqual([]);
    expect(shutdownGroups({ shutdownGracePeriod: 1, shutdownGracePeriodCriticalPods: 100 })).toEqual([]);
  });

  it('take each pod into the last group not above its priority, as groupByPriority does', () => {
    const migrated = shutdownGroups({ shutdownGracePeriod: 300, shutdownGracePeriodCriticalPods: 120 });
    expect([0, HIGHEST_USER_DEFINABLE, SYSTEM_CRITICAL_PRIORITY].map((p) => groupIndexOf(migrated, p))).toEqual([0, 0, 1]);
    const byPriority = shutdownGroups({ shutdownGracePeriodByPodPriority: [4, 2, 1, 3].map((priority) => ({ priority, shutdownGracePeriodSeconds: priority * 10 })) });
    expect(byPriority.map((g) => g.priority)).toEqual([1, 2, 3, 4]);
    expect([0, 1, 2, 3, 4, 5].map((p) => byPriority[groupIndexOf(byPriority, p)]!.shutdownGracePeriodSeconds)).toEqual([10, 10, 20, 30, 40, 40]);
  });
});

import { describe, expect, it } from 'vitest';
import { app } from '../testing/pod-builder';
import type { ContainerRestartRule, RestartPolicy } from '../types';
import { containerShouldRestart, restartsOnFailure } from './container-restart';

const rule = (operator: 'In' | 'NotIn', values: number[]): ContainerRestartRule => ({ action: 'Restart', exitCodes: { operator, values } });
const own = (restartPolicy?: RestartPolicy, restartPolicyRules?: ContainerRestartRule[]) =>
  app('c', {}, { ...(restartPolicy ? { restartPolicy } : {}), ...(restartPolicyRules ? { restartPolicyRules } : {}) });

// The cases of k/k pkg/api/v1/pod/util_test.go TestContainerHasRestartablePolicy (ContainerShouldRestart);
// a pod without a restartPolicy is Always, as the API server defaults it.
describe('containerShouldRestart', () => {
  it.each([
    ["Rule: 'In' operator matches with 'Restart' action", own('Never', [rule('In', [42, 50, 60])]), 'Always', 42, true],
    ["Rule: 'NotIn' operator matches with 'Restart' action", own('Never', [rule('NotIn', [0, 1, 2])]), 'Always', 99, true],
    ["Rule: 'In' operator does not match, should fall back to container policy", own('Never', [rule('In', [10, 20])]), 'Always', 30, false],
    ["Rule: 'NotIn' operator does not match, should fall back to container policy", own('Never', [rule('NotIn', [10, 20])]), 'Always', 10, false],
    ["Container Policy: 'Always'", own('Always'), 'Never', 0, true],
    ["Container Policy: 'OnFailure' with exit code 0", own('OnFailure'), 'Never', 0, false],
    ["Container Policy: 'OnFailure' with non-zero exit code", own('OnFailure'), 'Never', 1, true],
    ["Container Policy: 'Never' should return false", own('Never'), 'Always', 1, false],
    ["Pod Policy: Fallback to pod 'Always'", own(), 'Always', 0, true],
    ["Pod Policy: Fallback to pod 'OnFailure' with non-zero exit code", own(), 'OnFailure', 1, true],
    ["Pod Policy: Fallback to pod 'Never'", own(), 'Never', 1, false],
  ] as const)('%s', (_name, container, pod, exitCode, expected) => {
    expect(containerShouldRestart(container, pod, exitCode)).toBe(expected);
  });

  it('takes the first matching rule: every rule restarts, so any match does', () => {
    expect(containerShouldRestart(own('Never', [rule('In', [42, 50, 60]), rule('In', [42])]), 'Never', 42)).toBe(true);
    expect(containerShouldRestart(own('Never', [rule('In', [42])]), 'Never', 100)).toBe(false);
  });
});

// kuberuntime_manager.go computePodActions (probe kills) and kuberuntime_container.go
// computeInitContainerActions: the container's own policy, else the pod's; never its rules.
describe('restartsOnFailure', () => {
  it('follows the container policy over the pod policy, and ignores rules', () => {
    expect(restartsOnFailure(own('Never'), 'Always')).toBe(false);
    expect(restartsOnFailure(own('OnFailure'), 'Never')).toBe(true);
    expect(restartsOnFailure(own(), 'Never')).toBe(false);
    expect(restartsOnFailure(own('Never', [rule('NotIn', [])]), 'Always')).toBe(false);
  });
});

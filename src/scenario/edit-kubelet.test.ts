import { describe, expect, it } from 'vitest';
import { setCrashLoopBackOff, setShutdownGroups, setShutdownPeriod } from './edit-kubelet';
import { parseScenario } from './parse-scenario';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - {name: app, image: nginx:1.27}
`;

const kubeletOf = (source: string) => {
  const result = parseScenario(source);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.model.kubelet;
};

describe('the crash-loop back-off of the node, edited', () => {
  it('writes the gates and the period into podlab.dev/kubelet, as the kubelet reads them', () => {
    const reduced = setCrashLoopBackOff(POD, { reducedDecay: true, maxRestartPeriod: null });
    expect(reduced).toContain('  annotations:\n    podlab.dev/kubelet: |\n      featureGates:\n        ReduceDefaultCrashLoopBackOffDecay: true\n');
    expect(kubeletOf(reduced)).toEqual({ featureGates: { ReduceDefaultCrashLoopBackOffDecay: true } });
    const capped = setCrashLoopBackOff(reduced, { reducedDecay: true, maxRestartPeriod: 30 });
    expect(kubeletOf(capped)).toEqual({ featureGates: { ReduceDefaultCrashLoopBackOffDecay: true }, maxContainerRestartPeriod: 30 });
    expect(kubeletOf(setCrashLoopBackOff(capped, { reducedDecay: false, maxRestartPeriod: '1m30s' }))).toEqual({ maxContainerRestartPeriod: 90 });
  });

  it('turns KubeletCrashLoopBackOffMax back on (its default) when a period is set while it is off', () => {
    const off = POD.replace('  name: web\n', '  name: web\n  annotations:\n    podlab.dev/kubelet: |\n      featureGates: {KubeletCrashLoopBackOffMax: false}\n');
    expect(kubeletOf(setCrashLoopBackOff(off, { reducedDecay: false, maxRestartPeriod: 20 }))).toEqual({ maxContainerRestartPeriod: 20 });
  });

  it('removes what is back to the default, and the annotation once empty, keeping the rest', () => {
    const capped = setCrashLoopBackOff(POD, { reducedDecay: false, maxRestartPeriod: 30 });
    expect(setCrashLoopBackOff(capped, { reducedDecay: false, maxRestartPeriod: null })).toBe(POD);
    const other = POD.replace('  name: web\n', '  name: web\n  annotations:\n    podlab.dev/kubelet: |\n      # the node of the demo\n      featureGates: {ReduceDefaultCrashLoopBackOffDecay: true}\n');
    expect(setCrashLoopBackOff(other, { reducedDecay: true, maxRestartPeriod: 5 })).toContain('      # the node of the demo\n');
  });

  it('writes what is not a number as typed, for the gate to show where it is wrong', () => {
    const wrong = parseScenario(setCrashLoopBackOff(POD, { reducedDecay: false, maxRestartPeriod: 'soon' }));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.issues[0]?.message).toBe('must be a duration such as 30s or 1m30s, not string "soon"');
  });

  it('sets the graceful shutdown periods beside the back-off, and removes them', () => {
    const node = setShutdownPeriod(setShutdownPeriod(setCrashLoopBackOff(POD, { reducedDecay: true, maxRestartPeriod: null }), 'shutdownGracePeriod', 30), 'shutdownGracePeriodCriticalPods', '10s');
    expect(kubeletOf(node)).toEqual({ featureGates: { ReduceDefaultCrashLoopBackOffDecay: true }, shutdownGracePeriod: 30, shutdownGracePeriodCriticalPods: 10 });
    const off = setShutdownPeriod(setShutdownPeriod(node, 'shutdownGracePeriodCriticalPods', null), 'shutdownGracePeriod', null);
    expect(off).toBe(setCrashLoopBackOff(POD, { reducedDecay: true, maxRestartPeriod: null }));
  });

  it('sets the groups of a shutdown by pod priority in place of the two periods, one group to a line, and removes them', () => {
    const periods = setShutdownPeriod(POD, 'shutdownGracePeriod', 30);
    const groups = setShutdownGroups(periods, [{ priority: 0, shutdownGracePeriodSeconds: 20 }, { priority: 100000, shutdownGracePeriodSeconds: 10 }]);
    expect(kubeletOf(groups)).toEqual({ shutdownGracePeriodByPodPriority: [{ priority: 0, shutdownGracePeriodSeconds: 20 }, { priority: 100000, shutdownGracePeriodSeconds: 10 }] });
    expect(groups).toContain('        - {priority: 100000, shutdownGracePeriodSeconds: 10}\n');
    const typed = parseScenario(setShutdownGroups(POD, [{ priority: 'high', shutdownGracePeriodSeconds: 5 }]));
    expect(!typed.ok && typed.issues[0]?.message).toBe('must be a whole number, not string "high"');
    expect(setShutdownGroups(groups, null)).toBe(POD);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { containerStatusAt, podStatusAt } from '../status/status-at';
import { app, eventsOf, pod, timesOf } from '../testing/pod-builder';
import { crashLoopLadder } from './restart-backoff';

/** Gaps between each exit and the next start of one container. */
function restartGaps(trace: ReturnType<typeof simulate>, name: string): number[] {
  const starts = timesOf(trace, 'Started', name);
  const exits = timesOf(trace, 'Exited', name);
  return exits.slice(0, starts.length - 1).map((exit, i) => starts[i + 1]! - exit);
}

describe('crash-loop backoff (doBackOff, flowcontrol.Backoff)', () => {
  it('restarts at once the first time, then after 10, 20, 40 … s, capped at 300 s', () => {
    const trace = simulate(pod({ containers: [app('crash', { run: 1, exitCode: 1 })] }), { until: 3600 });
    expect(restartGaps(trace, 'crash').slice(0, 9)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
    expect(eventsOf(trace, 'BackOff', 'crash').slice(0, 7).map((e) => e.delay)).toEqual([10, 20, 40, 80, 160, 300, 300]);
  });

  it('shows Error at the exit, CrashLoopBackOff from the next status update, then Running again', () => {
    const trace = simulate(pod({ containers: [app('crash', { run: 5, exitCode: 2 })] }), { until: 120 });
    // Exits at 5 (restart at once), 10 (held 10 s), 25 (held 20 s).
    expect(kubectlRow(trace, 10).status).toBe('Error');
    expect(kubectlRow(trace, 11).status).toBe('CrashLoopBackOff');
    expect(kubectlRow(trace, 11).restarts).toBe('1 (1s ago)');
    expect(kubectlRow(trace, 20).status).toBe('Running');
    const waiting = containerStatusAt(trace, 'crash', 12)!;
    expect(waiting.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(waiting.lastState.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
    expect(podStatusAt(trace, 12).phase).toBe('Running');
  });

  it('resets the ladder after a run longer than 600 s from its restart to its exit', () => {
    const trace = simulate(pod({ containers: [app('slow', { run: 1, exitCode: 1, attempts: [{}, {}, { run: 700 }] })] }), { until: 2000 });
    // Exits at 1, 2 (held 10, restart at 12), 712 (712 − 12 > 600: reset, so at once), 713 (held 10 again).
    expect(restartGaps(trace, 'slow').slice(0, 4)).toEqual([0, 10, 0, 10]);
  });

  it('keeps the ladder when a run of at most 600 s follows a long wait', () => {
    // Restarts at 0, 10, 30, 70, 150; the run from 150 exits at 675: 525 s since the restart, so
    // no reset even though 605 s passed since the previous exit. kubelet: backoff 160 s.
    const trace = simulate(pod({ containers: [app('app', { run: 0, attempts: [{}, {}, {}, {}, {}, { run: 525 }] })] }), { until: 900 });
    expect(timesOf(trace, 'Started', 'app').slice(5, 7)).toEqual([150, 835]);
  });

  it('counts an exit with code 0 under restartPolicy Always as a crash too', () => {
    const trace = simulate(pod({ containers: [app('oneshot', { run: 2 })] }), { until: 60 });
    expect(restartGaps(trace, 'oneshot').slice(0, 3)).toEqual([0, 10, 20]);
    expect(kubectlRow(trace, 4).status).toBe('Completed');
  });

  it('restarts only failed containers under OnFailure and finishes when they succeed', () => {
    const trace = simulate(pod({ restartPolicy: 'OnFailure', containers: [app('job', { run: 1, exitCode: 1, attempts: [{}, { exitCode: 0 }] })] }));
    expect(timesOf(trace, 'Started', 'job')).toEqual([0, 1]);
    expect(podStatusAt(trace, trace.end).phase).toBe('Succeeded');
  });

  it('reports an OOM kill as exit 137, reason OOMKilled', () => {
    const trace = simulate(pod({ restartPolicy: 'Never', containers: [app('hog', { run: 3, oom: true })] }));
    expect(eventsOf(trace, 'Exited', 'hog')[0]).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(kubectlRow(trace, 4).status).toBe('OOMKilled');
    expect(podStatusAt(trace, trace.end).phase).toBe('Failed');
  });
});

// kubelet.go newCrashLoopBackOff, with 1.35's gates: KubeletCrashLoopBackOffMax beta and on,
// ReduceDefaultCrashLoopBackOffDecay alpha and off (pkg/features/kube_features.go).
describe('the crash-loop ladder a kubelet configuration gives', () => {
  it('is 10 s to 300 s by default, the node max defaulted to 300 s', () => {
    expect(crashLoopLadder()).toEqual({ initial: 10, max: 300 });
    expect(crashLoopLadder({ featureGates: { KubeletCrashLoopBackOffMax: false } })).toEqual({ initial: 10, max: 300 });
  });

  it('starts at 1 s with ReduceDefaultCrashLoopBackOffDecay, capped at 60 s only when the node max is off or set so', () => {
    expect(crashLoopLadder({ featureGates: { ReduceDefaultCrashLoopBackOffDecay: true } })).toEqual({ initial: 1, max: 300 });
    expect(crashLoopLadder({ featureGates: { ReduceDefaultCrashLoopBackOffDecay: true, KubeletCrashLoopBackOffMax: false } })).toEqual({ initial: 1, max: 60 });
    expect(crashLoopLadder({ featureGates: { ReduceDefaultCrashLoopBackOffDecay: true }, maxContainerRestartPeriod: 60 })).toEqual({ initial: 1, max: 60 });
  });

  it("takes the node's maxContainerRestartPeriod, lowering the initial delay to a max below it", () => {
    expect(crashLoopLadder({ maxContainerRestartPeriod: 30 })).toEqual({ initial: 10, max: 30 });
    expect(crashLoopLadder({ featureGates: { KubeletCrashLoopBackOffMax: true }, maxContainerRestartPeriod: 2 })).toEqual({ initial: 2, max: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate';
import { app, eventsOf, pod } from '../../engine/testing/pod-builder';
import { explainEvent } from './explain-event';

describe('plain words for an exit', () => {
  it('quote what the container said as it died, in its own run', () => {
    const trace = simulate(pod({ containers: [app('job', { run: 2, exitCode: 1, attempts: [{ message: 'db down' }] })] }), { until: 10 });
    const [first, second] = eventsOf(trace, 'Exited', 'job');
    expect(explainEvent(trace, first!)).toBe(
      `job exited with code 1 (Error), saying "db down". The kubelet starts it again, as its restart policy says.`,
    );
    expect(explainEvent(trace, second!)).toBe(`job exited with code 1 (Error). The kubelet starts it again, as its restart policy says.`);
  });

  it('quote the log under FallbackToLogsOnError', () => {
    const trace = simulate(
      pod({ restartPolicy: 'Never', containers: [app('job', { run: 1, exitCode: 2, logs: 'starting\nfatal: no config\n' }, { terminationMessagePolicy: 'FallbackToLogsOnError' })] }),
    );
    expect(explainEvent(trace, eventsOf(trace, 'Exited', 'job')[0]!)).toContain('saying "fatal: no config"');
  });

  it('say a start error in runc\'s words, and that nothing ran', () => {
    const cause = 'exec: "migrate": executable file not found in $PATH';
    const again = simulate(pod({ containers: [app('web', { startError: cause })] }), { until: 20 });
    expect(explainEvent(again, eventsOf(again, 'Exited', 'web')[0]!)).toBe(
      `The runtime created web but could not start it: ${cause}. Exit code 128 (StartError), though nothing ran; the kubelet tries again at its next sync, then after a growing back-off (CrashLoopBackOff). Only a fixed image or command helps.`,
    );
    expect(explainEvent(again, eventsOf(again, 'BackOff', 'web')[0]!)).toMatch(/^web keeps failing to start: CrashLoopBackOff\. The kubelet waits 10s/);
    const never = simulate(pod({ restartPolicy: 'Never', containers: [app('web', { startError: cause })] }), { until: 20 });
    expect(explainEvent(never, eventsOf(never, 'Exited', 'web')[0]!)).toContain('though nothing ran; its restart policy says not to start it again.');
  });
});

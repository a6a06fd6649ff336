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
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { containerStatusAt } from '../status/status-at';
import { app, pod } from '../testing/pod-builder';
import { firstBytes, lastBytes, logTail, terminationMessage } from './termination-message';

const run = (message: string, logs = '') => ({ message, logs });

describe('terminationMessage (kuberuntime_container.go convertToKubeContainerStatus)', () => {
  it('is the file under File, whatever the exit code, and never the log', () => {
    expect(terminationMessage('File', run('DONE'), 0, 1)).toBe('DONE');
    expect(terminationMessage('File', run('DONE', 'log'), 1, 1)).toBe('DONE');
    expect(terminationMessage('File', run('', 'panic: boom'), 1, 1)).toBe('');
  });

  it('falls back to the log under FallbackToLogsOnError only for a failure with an empty file', () => {
    expect(terminationMessage('FallbackToLogsOnError', run('', 'DONE'), 1, 1)).toBe('DONE');
    expect(terminationMessage('FallbackToLogsOnError', run('', 'DONE'), 137, 1)).toBe('DONE');
    expect(terminationMessage('FallbackToLogsOnError', run('', 'DONE'), 0, 1)).toBe('');
    expect(terminationMessage('FallbackToLogsOnError', run('OK', 'DONE\n'), 1, 1)).toBe('OK');
    expect(terminationMessage('FallbackToLogsOnError', run('OK', 'DONE\n'), 0, 1)).toBe('OK');
  });

  it('reads the last 4096 bytes of the file, and the last 80 lines (2048 bytes) of the log', () => {
    expect(terminationMessage('File', run(`${'x'.repeat(10)}${'y'.repeat(4096)}`), 0, 1)).toBe('y'.repeat(4096));
    const lines = Array.from({ length: 100 }, (_, i) => `line ${i + 1}\n`).join('');
    const tail = terminationMessage('FallbackToLogsOnError', run('', lines), 1, 1);
    expect(tail.startsWith('line 21\n')).toBe(true);
    expect(tail.endsWith('line 100\n')).toBe(true);
    expect(logTail('a\nb\nc')).toBe('a\nb\nc');
    expect(logTail('z'.repeat(3000))).toBe('z'.repeat(2048));
  });

  it('keeps the first 12 KiB / containers bytes of each message (status_manager.go normalizeStatus)', () => {
    expect(terminationMessage('File', run('m'.repeat(4096)), 0, 3)).toHaveLength(4096);
    expect(terminationMessage('File', run('m'.repeat(4096)), 0, 4)).toHaveLength(3072);
  });

  it('counts UTF-8 bytes and shows a character cut in two as U+FFFD per byte left', () => {
    expect(lastBytes('aé', 2)).toBe('é');
    expect(lastBytes('é€', 4)).toBe('\uFFFD€');
    expect(firstBytes('€b', 2)).toBe('\uFFFD\uFFFD');
    expect(firstBytes('€b', 4)).toBe('€b');
  });
});

describe('terminated states carry the message of their own run', () => {
  it('shows each run its own message, in state and in lastState', () => {
    const trace = simulate(
      pod({
        containers: [app('job', { run: 2, exitCode: 1, message: 'retrying', attempts: [{ message: 'db down' }, { message: 'still down' }] })],
      }),
      { until: 60 },
    );
    // Runs end at 2 (restarted at once), 4 and 16 s.
    expect(containerStatusAt(trace, 'job', 2)?.lastState.terminated).toMatchObject({ exitCode: 1, message: 'db down' });
    const second = containerStatusAt(trace, 'job', 4)!;
    expect(second.state.terminated?.message).toBe('still down');
    expect(second.lastState.terminated?.message).toBe('db down');
    expect(containerStatusAt(trace, 'job', 20)?.lastState.terminated?.message).toBe('retrying');
  });

  it('has no message when the process wrote none', () => {
    const trace = simulate(pod({ containers: [app('job', { run: 2, logs: 'ok' })], restartPolicy: 'Never' }), { until: 10 });
    expect(containerStatusAt(trace, 'job', 5)?.state.terminated).not.toHaveProperty('message');
  });
});

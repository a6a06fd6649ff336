import { describe, expect, it } from 'vitest';
import { startErrorMessage } from '../../engine/rules/start-error';
import type { ContainerStatus } from '../../engine/trace';
import { nodeWords } from '../canvas/node-words';
import { lookOf } from './container-state';
import { terminationWords } from './termination-words';

const exited = (exitCode: number, message?: string): ContainerStatus => ({
  name: 'job',
  image: 'busybox:1.36',
  state: { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', ...(message === undefined ? {} : { message }), finishedAt: 5 } },
  lastState: {},
  ready: false,
  started: false,
  restartCount: 0,
});

describe('termination words', () => {
  it('quote the last non-empty line, cut short', () => {
    expect(terminationWords(undefined)).toBe('');
    expect(terminationWords('DONE')).toBe('DONE');
    expect(terminationWords('starting\npanic: nil map\n\n')).toBe('panic: nil map');
    expect(terminationWords('x'.repeat(80))).toBe(`${'x'.repeat(59)}…`);
  });

  it('follow the exit code on a terminated node, and the retry while it backs off', () => {
    expect(lookOf(exited(1, 'DONE'), { kind: 'none' }).detail).toBe('exit 1: DONE');
    expect(lookOf(exited(0, '<b>OK</b>'), { kind: 'none' }).detail).toBe('exit 0: <b>OK</b>');
    expect(lookOf(exited(0), { kind: 'none' }).detail).toBe('terminated, exit code 0');
    const waiting: ContainerStatus = { ...exited(0), state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: exited(1, 'db down').state };
    expect(lookOf(waiting, { kind: 'backoff', secondsLeft: 7 }).detail).toBe('retry in 7s · db down');
  });

  it('say what a config error misses, where a pull error only waits', () => {
    const waitingFor = (reason: string, message: string): ContainerStatus => ({ ...exited(0), state: { waiting: { reason, message } } });
    expect(lookOf(waitingFor('CreateContainerConfigError', 'secret "db" not found'), { kind: 'none' })).toMatchObject({ tone: 'failed', detail: 'secret "db" not found' });
    expect(lookOf(waitingFor('ErrImagePull', 'rpc error: code = NotFound desc = failed to pull'), { kind: 'none' }).detail).toBe('waiting');
  });

  it('quote runc\'s words of a start error, not containerd\'s wrapping, while it waits and once it is back off', () => {
    const cause = 'exec: "migrate": executable file not found in $PATH';
    const message = startErrorMessage(cause);
    expect(terminationWords(message)).toBe(cause);
    const failed: ContainerStatus = { ...exited(128, message), state: { terminated: { exitCode: 128, reason: 'StartError', message, finishedAt: 1 } } };
    expect(lookOf(failed, { kind: 'none' })).toMatchObject({ label: 'StartError', detail: `exit 128: ${cause}` });
    const waiting: ContainerStatus = { ...failed, state: { waiting: { reason: 'RunContainerError', message } }, lastState: failed.state };
    expect(lookOf(waiting, { kind: 'none' })).toMatchObject({ tone: 'failed', label: 'RunContainerError', detail: cause });
    const backingOff: ContainerStatus = { ...waiting, state: { waiting: { reason: 'CrashLoopBackOff' } } };
    expect(lookOf(backingOff, { kind: 'backoff', secondsLeft: 3 }).detail).toBe(`retry in 3s · ${cause}`);
  });

  it('make a full node tip its detail too, which its detail line may cut', () => {
    const node = { role: 'regular' as const, image: 'busybox:1.36', compact: false };
    expect(nodeWords(lookOf(exited(1, 'disk full on /data'), { kind: 'none' }), 0, node).tip).toBe('exit 1: disk full on /data (busybox:1.36)');
    expect(nodeWords(lookOf(exited(1), { kind: 'none' }), 0, node).tip).toBe('busybox:1.36');
  });
});

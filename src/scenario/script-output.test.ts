import { describe, expect, it } from 'vitest';
import { printed, redirections } from './script-output';

describe('redirections', () => {
  it('finds where standard output goes, the last redirection winning', () => {
    expect(redirections(['-n', 'DONE', '>', '/dev/termination-log'], false)).toEqual({
      args: ['-n', 'DONE'],
      stdout: { to: 'file', path: '/dev/termination-log', append: false },
    });
    expect(redirections(['x', '>>/tmp/log', '2>&1'], false).stdout).toEqual({ to: 'file', path: '/tmp/log', append: true });
    expect(redirections(['x', '>&2'], false).stdout).toEqual({ to: 'log' });
    expect(redirections(['x', '1>/proc/1/fd/1'], false).stdout).toEqual({ to: 'log' });
    expect(redirections(['x', '2>/tmp/err', '</dev/null'], false)).toEqual({ args: ['x'], stdout: { to: 'log' } });
    expect(redirections(['x', '>', '/dev/null'], false).stdout).toEqual({ to: 'nowhere' });
    expect(redirections(['x'], true).stdout).toEqual({ to: 'nowhere' });
  });
});

describe('printed', () => {
  it('reads echo as busybox does: -n, -e, no escapes by default', () => {
    expect(printed('echo', ['DONE'])).toBe('DONE\n');
    expect(printed('echo', ['-n', 'DONE'])).toBe('DONE');
    expect(printed('echo', ['a\\nb'])).toBe('a\\nb\n');
    expect(printed('echo', ['-ne', 'a\\nb'])).toBe('a\nb');
    expect(printed('echo', [])).toBe('\n');
  });

  it('reads printf formats with %s, %b, %d, %% and escapes, reusing the format for more arguments', () => {
    expect(printf('%s done\\n', 'migration')).toBe('migration done\n');
    expect(printf('%s\\n', 'a', 'b')).toBe('a\nb\n');
    expect(printf('100%% %d\\t%b', '7', 'x\\ny')).toBe('100% 7\tx\ny');
    expect(printf('no newline')).toBe('no newline');
  });

  it('gives up on what it cannot know: variables, substitutions, other directives and escapes', () => {
    expect(printed('echo', ['$HOSTNAME'])).toBeNull();
    expect(printed('echo', ['`date`'])).toBeNull();
    expect(printf('%5s', 'x')).toBeNull();
    expect(printf('\\x41')).toBeNull();
    expect(printed('printf', [])).toBeNull();
  });
});

function printf(...args: string[]): string | null {
  return printed('printf', args);
}

import { describe, expect, it } from 'vitest';
import { hookRunOf, runOfScript } from './script-run';
import { execCommand } from './testing/upstream-harness';

const script = (argv: string[]) => argv[2]!;

describe('runOfScript on the script of upstream\'s e2e harness (ExecCommand)', () => {
  it('runs StartDelay + Delay, exits ExitCode, and on SIGTERM exits ExitCode after TerminationSeconds', () => {
    expect(runOfScript(script(execCommand('regular-1', { StartDelay: 3, Delay: 2, TerminationSeconds: 4, ExitCode: 1 })))).toMatchObject({
      ends: 'exit',
      seconds: 5,
      exitCode: 1,
      unknown: null,
      term: { stop: 4, stopExitCode: 1, certain: true },
    });
    expect(runOfScript(script(execCommand('init-1', { Delay: 1 })))).toMatchObject({ seconds: 1, exitCode: 0, term: { stop: 0, stopExitCode: 0 } });
  });

  it('reads ExitCode -1 as 255, and LoopForever as running until stopped, its trap waiting for a `sleep 1`', () => {
    expect(runOfScript(script(execCommand('c', { ExitCode: -1, Delay: 1 })))).toMatchObject({ exitCode: 255 });
    expect(runOfScript(script(execCommand('c', { LoopForever: true, TerminationSeconds: 2 })))).toMatchObject({
      ends: 'never',
      why: 'an endless loop',
      term: { stop: 3, stopExitCode: 0 },
    });
  });
});

describe('runOfScript on traps', () => {
  it('ignores SIGTERM without a trap (PID 1), or with an empty one', () => {
    expect(runOfScript('sleep 30')).toMatchObject({ seconds: 30, term: { stop: 'ignore', why: expect.stringContaining('PID 1') } });
    expect(runOfScript("trap '' TERM; sleep 30")).toMatchObject({ term: { stop: 'ignore', certain: true } });
    expect(runOfScript("trap 'exit 0' TERM; trap - TERM; sleep 30")).toMatchObject({ term: { stop: 'ignore', why: expect.stringContaining('PID 1') } });
  });

  it('runs an inline or named trap at once while the script waits for a background sleep', () => {
    expect(runOfScript("trap 'echo bye; sleep 2; exit 3' SIGTERM; sleep 100 & wait $!")).toMatchObject({
      seconds: 100,
      term: { stop: 2, stopExitCode: 3, certain: true },
    });
    expect(runOfScript('bye() { exit 7; }; trap bye INT 15; sleep 9 & wait')).toMatchObject({ term: { stop: 0, stopExitCode: 7 } });
    expect(runOfScript("trap 'exit 1' INT; sleep 5")).toMatchObject({ term: { stop: 'ignore' } });
  });

  it('has a trap wait for a long foreground command, as sh does', () => {
    expect(runOfScript("trap 'exit 0' TERM; sleep 3600")).toMatchObject({ seconds: 3600, term: { stop: 'ignore', certain: false } });
  });

  it('takes a trap without exit as going back to the script, which then ends as it would', () => {
    expect(runOfScript("trap 'echo stopping' TERM; sleep 60 & wait $!; exit 4")).toMatchObject({ term: { stop: 0, stopExitCode: 4, certain: false } });
  });
});

describe('runOfScript on the flow', () => {
  it('runs called functions, and counts a background sleep only when waited for', () => {
    expect(runOfScript('main() { sleep 2; exit 4; }; main')).toMatchObject({ seconds: 2, exitCode: 4 });
    expect(runOfScript('sleep 50 & exit 0')).toMatchObject({ seconds: 0, exitCode: 0 });
    expect(runOfScript('sleep infinity & wait')).toMatchObject({ ends: 'never', why: 'sleeps forever' });
  });

  it('gives up on branches and subshells, and on an unknown program it ends with', () => {
    expect(runOfScript('if [ -f /x ]; then exit 1; fi')).toBeNull();
    expect(runOfScript('(sleep 5)')).toBeNull();
    expect(runOfScript('./migrate up')).toBeNull();
    expect(runOfScript('./migrate up; exit 2')).toMatchObject({ seconds: 0, exitCode: 2, unknown: 'migrate' });
  });
});

describe('hookRunOf', () => {
  it('reads how long a hook takes and whether it fails', () => {
    expect(hookRunOf(script(execCommand('PreStop-c', { Delay: 1, ContainerName: 'c' })))).toEqual({ seconds: 1, exitCode: 0, certain: true });
    expect(hookRunOf('sleep 2; exit 3')).toEqual({ seconds: 2, exitCode: 3, certain: true });
    expect(hookRunOf('while true; do sleep 1; done')).toEqual({ seconds: Infinity, exitCode: 0, certain: true });
    expect(hookRunOf('nginx -s quit')).toBeNull();
  });
});

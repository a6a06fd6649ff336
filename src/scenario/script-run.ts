/**
 * What a shell script does over time, for the behaviour inference: read as a straight line with
 * `sleep` as its clock, it exits with a code after so many seconds, or runs until stopped; a
 * `trap … TERM` says what SIGTERM does to it. Functions run where they are called or trapped, not
 * where they are defined, and `cmd & wait $!` takes as long as cmd: the shape of the script every
 * container of upstream's node e2e tests runs (container_lifecycle_pod_construction.go
 * ExecCommand), which sleeps in the background so that its TERM trap can run at once.
 */
import { PRINTING_COMMANDS, printed, redirections } from './script-output';
import { basename, CONTROL_WORDS, parseDuration, readScript, toExitCode, type Joiner, type SimpleCommand } from './shell-script';

export type ScriptRun =
  | { ends: 'exit'; seconds: number; exitCode: number; unknown: string | null; term: OnTerm; output: ScriptOutput }
  | { ends: 'never'; why: string; term: OnTerm; output: ScriptOutput }
  | { ends: 'server'; program: string; output: ScriptOutput };

/** What the script leaves in its termination-message file and has printed; null where that cannot be known. */
export interface ScriptOutput {
  message: string | null;
  logs: string | null;
}

/** pkg/apis/core/v1/defaults.go SetDefaults_Container: terminationMessagePath. */
export const DEFAULT_MESSAGE_PATH = '/dev/termination-log';

/** What SIGTERM does: the seconds until the script exits and its code then, or nothing at all. */
export interface OnTerm {
  stop: number | 'ignore';
  stopExitCode?: number;
  why: string;
  certain: boolean;
}

/** Binaries that serve until stopped when run in the foreground. */
const SERVER_COMMANDS = [
  'nginx', 'envoy', 'redis-server', 'postgres', 'mysqld', 'mariadbd', 'httpd', 'apache2', 'haproxy', 'traefik',
  'fluent-bit', 'fluentd', 'prometheus', 'memcached', 'mongod', 'caddy', 'consul', 'vault', 'etcd', 'coredns',
  'pause', 'gunicorn', 'uvicorn', 'java', 'node', 'npm', 'dotnet', 'php-fpm', 'rails', 'puma', 'socat',
  'pilot-agent', 'linkerd2-proxy', 'otelcol', 'vector', 'grafana-server', 'kubectl-proxy',
];
/** Commands that finish at once (with 0) for inference purposes. */
const QUICK_COMMANDS = [
  'echo', 'printf', 'cp', 'mv', 'mkdir', 'touch', 'cat', 'ls', 'chmod', 'chown', 'ln', 'rm', 'date', 'env',
  'id', 'hostname', 'set', 'export', 'cd', 'sync', 'tee', 'sed', 'grep', 'head', 'wc', 'test', '[', ':', 'true', 'uname',
];
/** A trap that waits longer than this for a foreground command reads as ignoring SIGTERM. */
const LONGEST_HELD_TRAP = 5;
/**
 * A shell, `sleep` or `tail` as the container's first process (PID 1) without a TERM trap: the
 * kernel does not deliver a signal PID 1 has no handler for, so only SIGKILL, at the end of the
 * grace period, stops it (why `kubectl delete` of a `sleep 3600` pod takes 30 s).
 */
const NO_HANDLER: OnTerm = { stop: 'ignore', why: 'as PID 1 without a SIGTERM handler it ignores SIGTERM', certain: true };

type Trap = { ignore: true } | { ignore: false; seconds: number; exitCode: number | null; shown: string };

/** Where the walk is: the clock, the last exit status, and what it has met on the way. */
interface Walk {
  clock: number;
  status: number;
  unknown: string | null;
  trap: Trap | null;
  /** A background sleep that `wait` waits for. */
  background: number | null;
  /** The longest foreground wait since a TERM trap was set: the trap runs only after it. */
  held: number;
  functions: Map<string, SimpleCommand[]>;
  depth: number;
  /** The container's terminationMessagePath, and what the script has written there and printed. */
  messagePath: string;
  message: string | null;
  logs: string | null;
}

/** Where a walk stops before the end of its commands. */
type Stop = { exit: number } | { never: string } | { server: string } | 'unreadable';

/** The script's run, or null where it cannot be read as a straight line (branches, subshells). */
export function runOfScript(script: string, messagePath = DEFAULT_MESSAGE_PATH): ScriptRun | null {
  // `for ((;;))` splits into commands at its semicolons; it is only ever an endless loop.
  if (/\bfor\s*\(\(\s*;;\s*\)\)/.test(script)) {
    return { ends: 'never', why: 'an endless loop', term: NO_HANDLER, output: { message: null, logs: null } };
  }
  const { commands, functions } = readScript(script);
  const walk = freshWalk(functions, messagePath);
  const stop = run(commands, walk);
  if (stop === 'unreadable') return null;
  const output = { message: walk.message, logs: walk.logs };
  if (stop && 'server' in stop) return { ends: 'server', program: stop.server, output };
  if (stop && 'never' in stop) return { ends: 'never', why: stop.never, term: termOf(walk, walk.held), output };
  // Ran off its end after a program Podlab does not know: how long that takes is the whole story.
  if (!stop && walk.unknown !== null) return null;
  const exitCode = stop ? stop.exit : walk.status;
  return { ends: 'exit', seconds: walk.clock, exitCode, unknown: walk.unknown, term: termOf(walk, walk.held, exitCode), output };
}

function freshWalk(functions: Map<string, SimpleCommand[]>, messagePath: string): Walk {
  return { clock: 0, status: 0, unknown: null, trap: null, background: null, held: 0, functions, depth: 0, messagePath, message: '', logs: '' };
}

/** How long a hook's script takes and how it exits; null where it cannot be read. */
export function hookRunOf(script: string): { seconds: number; exitCode: number; certain: boolean } | null {
  const scriptRun = runOfScript(script);
  if (!scriptRun || scriptRun.ends === 'server') return null;
  if (scriptRun.ends === 'never') return { seconds: Infinity, exitCode: 0, certain: true };
  return { seconds: scriptRun.seconds, exitCode: scriptRun.exitCode, certain: scriptRun.unknown === null };
}

function run(commands: readonly SimpleCommand[], walk: Walk): Stop | null {
  for (let i = 0; i < commands.length; i++) {
    const { words, then } = commands[i]!;
    const [first, ...rest] = words[0] === 'exec' ? words.slice(1) : words;
    const program = basename(first ?? '');
    if (program === '') continue;
    if (program === 'while' || program === 'until') {
      const loop = endlessLoop(commands, i);
      if (loop === null) return 'unreadable';
      walk.held = Math.max(walk.held, loop);
      loopOutput(commands, i, walk);
      return { never: 'an endless loop' };
    }
    if (CONTROL_WORDS.includes(program) || program === '(' || program === ')') return 'unreadable';
    const stop = step(program, rest, then, walk);
    if (stop) return stop;
  }
  return null;
}

function step(program: string, rest: readonly string[], then: SimpleCommand['then'], walk: Walk): Stop | null {
  const background = then === '&';
  if (walk.functions.has(program)) {
    if (walk.depth > 4) return 'unreadable';
    walk.depth++;
    const stop = run(walk.functions.get(program)!, walk);
    walk.depth--;
    return stop;
  }
  noteOutput(program, rest, then, walk);
  switch (program) {
    case 'trap': {
      const trap = trapOf(rest, walk);
      if (trap !== undefined) walk.trap = trap;
      walk.status = 0;
      return null;
    }
    case 'exit':
      return { exit: rest[0] === undefined ? walk.status : toExitCode(rest[0]) };
    case 'wait':
      if (walk.background !== null) {
        walk.clock += walk.background;
        walk.background = null;
        if (walk.clock === Infinity) return { never: 'sleeps forever' };
      }
      return null;
    case 'sleep': {
      const seconds = parseDuration(rest[0]);
      if (seconds === null) return 'unreadable';
      walk.status = 0;
      if (background) {
        walk.background = seconds;
        return null;
      }
      if (walk.trap && !walk.trap.ignore) walk.held = Math.max(walk.held, seconds);
      walk.clock += seconds;
      return seconds === Infinity ? { never: 'sleeps forever' } : null;
    }
    case 'tail':
      if (rest.some((a) => /^-[a-zA-Z]*[fF]/.test(a))) {
        walk.held = Infinity;
        return { never: '`tail -f` follows forever' };
      }
      walk.status = 0;
      return null;
    case 'false':
      walk.status = 1;
      return null;
  }
  if (isServer(program, rest)) {
    walk.logs = null;
    return background ? null : { server: program };
  }
  walk.status = 0;
  if (!QUICK_COMMANDS.includes(program)) {
    walk.unknown ??= program;
    walk.logs = null;
  }
  return null;
}

/**
 * What one command adds to the termination-message file and the log: `echo` and `printf` their
 * text, where their output goes; another command that prints, or names the file, makes it unknown.
 */
function noteOutput(program: string, rest: readonly string[], then: Joiner, walk: Walk): void {
  const { args, stdout } = redirections(rest, then === '|');
  const text = program === 'echo' || program === 'printf' ? printed(program, args) : undefined;
  if (stdout.to === 'file' && stdout.path === walk.messagePath) {
    if (text === undefined || text === null) walk.message = null;
    else walk.message = stdout.append ? (walk.message === null ? null : walk.message + text) : text;
  } else if (stdout.to === 'log' && text !== undefined) {
    walk.logs = text === null || walk.logs === null ? null : walk.logs + text;
  } else if (stdout.to === 'log' && PRINTING_COMMANDS.includes(program)) {
    walk.logs = null;
  }
  if (text === undefined && args.includes(walk.messagePath)) walk.message = null;
}

/** An endless loop's body prints again and again, or writes the file: what it leaves is unknown. */
function loopOutput(commands: readonly SimpleCommand[], i: number, walk: Walk): void {
  for (let j = i + 1; j < commands.length; j++) {
    const { words, then } = commands[j]!;
    const [first, ...rest] = words[0] === 'do' ? words.slice(1) : words;
    if (first === 'done') return;
    const program = basename(first ?? '');
    const { stdout } = redirections(rest, then === '|');
    const prints = program === 'echo' || program === 'printf' || PRINTING_COMMANDS.includes(program) || !QUICK_COMMANDS.includes(program);
    if (stdout.to === 'log' && prints && program !== 'sleep') walk.logs = null;
    if (words.some((w) => w.endsWith(walk.messagePath))) walk.message = null;
  }
}

function isServer(program: string, rest: readonly string[]): boolean {
  return (
    SERVER_COMMANDS.includes(program) ||
    (program.startsWith('python') && rest.includes('http.server')) ||
    (program === 'nc' && rest.some((a) => /^-[a-zA-Z]*l/.test(a)))
  );
}

/**
 * `while true; do …; done` (or `:`, `[ 1 ]`, `until false`) at commands[i]: the seconds its body
 * sleeps in the foreground per turn, which is how long a TERM trap may wait. Null for a loop
 * that may end.
 */
function endlessLoop(commands: readonly SimpleCommand[], i: number): number | null {
  const [keyword, ...condition] = commands[i]!.words;
  const always = condition.join(' ');
  const endless = keyword === 'while' ? ['true', ':', '[ 1 ]', 'test 1'].includes(always) : always === 'false';
  if (!endless) return null;
  let slept = 0;
  for (let j = i + 1; j < commands.length; j++) {
    const words = commands[j]!.words[0] === 'do' ? commands[j]!.words.slice(1) : commands[j]!.words;
    if (words[0] === 'done') return slept;
    if (words[0] === 'sleep' && commands[j]!.then !== '&') slept += parseDuration(words[1]) ?? 0;
  }
  return null;
}

/** `trap HANDLER SIGNAL…`: what the trap does on SIGTERM; undefined when it is not about SIGTERM. */
function trapOf(args: readonly string[], walk: Walk): Trap | null | undefined {
  const [handler, ...signals] = args;
  if (handler === undefined || !signals.some((s) => /^(sig)?term$|^15$/i.test(s))) return undefined;
  if (handler === '') return { ignore: true };
  if (handler === '-') return null;
  const { commands, functions } = readScript(handler);
  const inner = freshWalk(new Map([...walk.functions, ...functions]), walk.messagePath);
  const stop = run(commands, inner);
  if (stop === 'unreadable' || (stop && !('exit' in stop))) return undefined;
  return { ignore: false, seconds: inner.clock, exitCode: stop ? stop.exit : null, shown: handler };
}

/** What SIGTERM does to the walked script; `finalExit` is the code its own flow ends with. */
function termOf(walk: Walk, held: number, finalExit?: number): OnTerm {
  const { trap } = walk;
  if (!trap) return NO_HANDLER;
  if (trap.ignore) return { stop: 'ignore', why: "`trap '' TERM` ignores SIGTERM", certain: true };
  const handler = `its TERM trap \`${trap.shown}\``;
  if (held > LONGEST_HELD_TRAP) {
    return { stop: 'ignore', why: `${handler} runs only when the foreground command ends, so SIGTERM waits`, certain: false };
  }
  const stop = trap.seconds + held;
  const exitCode = trap.exitCode ?? finalExit;
  const when = held > 0 ? `within ${stop} s` : stop === 0 ? 'at once' : `after ${stop} s`;
  const code = exitCode === undefined ? '' : ` ${exitCode}`;
  return {
    stop,
    ...(exitCode === undefined ? {} : { stopExitCode: exitCode }),
    why: `on SIGTERM ${handler} exits${code} ${when}`,
    certain: trap.exitCode !== null,
  };
}

/**
 * What a script prints and what it writes to its termination-message file, for the inference of
 * the `logs` and `message` behaviour fields: `echo` and `printf` with literal words are read
 * exactly, with their redirections (`> FILE`, `>> FILE`, `>&2`); whatever else may print makes
 * the text unknown (null).
 */

/** Where a command's standard output goes. */
export type Stdout = { to: 'log' } | { to: 'nowhere' } | { to: 'file'; path: string; append: boolean };

/** Paths that are the container's own output, which the runtime writes to its log. */
const LOG_PATHS = ['/dev/stdout', '/dev/stderr', '/dev/fd/1', '/dev/fd/2', '/proc/self/fd/1', '/proc/self/fd/2', '/proc/1/fd/1', '/proc/1/fd/2'];
/** Commands Podlab reads as quick that print something it cannot know (a file, the date …). */
export const PRINTING_COMMANDS = ['cat', 'ls', 'date', 'env', 'printenv', 'id', 'hostname', 'uname', 'grep', 'head', 'tail', 'wc', 'sed', 'tee'];

/** A command's words without its redirections, and where its standard output goes (the last redirection wins). */
export function redirections(words: readonly string[], piped: boolean): { args: string[]; stdout: Stdout } {
  const args: string[] = [];
  let stdout: Stdout = piped ? { to: 'nowhere' } : { to: 'log' };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const match = /^(\d*|&)(>>|>&|>|<)(.*)$/.exec(word);
    if (!match) {
      args.push(word);
      continue;
    }
    const [, fd, op, attached] = match as unknown as [string, string, string, string];
    const target = attached !== '' ? attached : (words[++i] ?? '');
    if (op === '<' || (fd !== '' && fd !== '1' && fd !== '&')) continue;
    if (op === '>&') stdout = target === '1' || target === '2' ? { to: 'log' } : { to: 'nowhere' };
    else if (LOG_PATHS.includes(target)) stdout = { to: 'log' };
    else if (target === '/dev/null') stdout = { to: 'nowhere' };
    else stdout = { to: 'file', path: target, append: op === '>>' };
  }
  return { args, stdout };
}

/** What `echo` or `printf` prints with these arguments; null where a word is not literal or a format is not read. */
export function printed(program: 'echo' | 'printf', args: readonly string[]): string | null {
  if (args.some((a) => /[$`]/.test(a))) return null;
  return program === 'echo' ? echoed(args) : printfed(args);
}

/** busybox echo: -n drops the newline, -e reads backslash escapes (off by default). */
function echoed(args: readonly string[]): string | null {
  let i = 0;
  let newline = true;
  let escapes = false;
  for (; i < args.length && /^-[neE]+$/.test(args[i]!); i++) {
    for (const flag of args[i]!.slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  const text = args.slice(i).join(' ');
  const body = escapes ? unescaped(text) : text;
  return body === null ? null : body + (newline ? '\n' : '');
}

/** printf FORMAT [ARG…]: %s, %b, %d, %% and backslash escapes; the format is reused while arguments remain. */
function printfed(args: readonly string[]): string | null {
  const [format, ...rest] = args;
  if (format === undefined) return null;
  let out = '';
  let next = 0;
  do {
    const start = next;
    const chunk = format.replace(/%(.)/g, (_whole, directive: string) => {
      if (directive === '%') return '%';
      if (!'sbd'.includes(directive)) return '\u0000';
      const arg = rest[next++] ?? '';
      return directive === 'b' ? (unescaped(arg) ?? '\u0000') : arg;
    });
    const text = unescaped(chunk);
    if (text === null || text.includes('\u0000')) return null;
    out += text;
    if (next === start) break;
  } while (next < rest.length);
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\u0007' };

/** Backslash escapes as printf and `echo -e` read them; null for one Podlab does not know. */
function unescaped(text: string): string | null {
  let unknown = false;
  const out = text.replace(/\\(.)/g, (_whole, ch: string) => {
    const replacement = ESCAPES[ch];
    if (replacement === undefined) unknown = true;
    return replacement ?? '';
  });
  return unknown ? null : out;
}

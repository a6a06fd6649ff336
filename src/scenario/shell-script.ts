/**
 * Reading a container's command line as a shell would, for the inference of behaviours: which
 * script it runs, split into simple commands. Straight-line scripts only; callers give up on
 * control flow (CONTROL_WORDS).
 */

const SHELLS = ['sh', 'bash', 'ash', 'dash', 'zsh'];
/** Shell control flow: the script's path cannot be read as a straight line. */
export const CONTROL_WORDS = ['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'function'];

/**
 * The script a command line runs: SCRIPT of `sh -c SCRIPT`, or the command line itself as one
 * command. Null for a shell without `-c` (it would read a script file or a terminal).
 */
export function scriptOf(argv: readonly string[]): string | null {
  if (SHELLS.includes(basename(argv[0] ?? ''))) {
    const c = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    return c > 0 && argv[c + 1] !== undefined ? (argv[c + 1] as string) : null;
  }
  return argv.map(quoteWord).join(' ');
}

/** How a command hands over to the next: in sequence, on success, on failure, through a pipe, or in the background. */
export type Joiner = ';' | '&&' | '||' | '|' | '&';

export interface SimpleCommand {
  words: string[];
  then: Joiner;
}

export interface ShellScript {
  /** The script's own flow, function definitions left out. */
  commands: SimpleCommand[];
  /** The functions it defines (`name() { …; }`, `function name { …; }`), by name. */
  functions: Map<string, SimpleCommand[]>;
}

type Token = { word: string } | { op: Joiner | '(' | ')' };

/**
 * Reads a script as a list of simple commands with what joins each to the next. Quotes are
 * respected, and command substitutions (`` `…` ``, `$(…)`) and `2>&1` stay inside their word.
 * Control words (`while`, `do`, `if` …) and subshell parentheses stay in the list as words, for
 * callers to recognise; function bodies are set apart.
 */
export function readScript(script: string): ShellScript {
  const functions = new Map<string, SimpleCommand[]>();
  return { commands: parse(tokenize(script), functions), functions };
}

/** The words of each command of the script's own flow (see readScript). */
export function simpleCommands(script: string): string[][] {
  return readScript(script).commands.map((c) => c.words);
}

function tokenize(script: string): Token[] {
  const tokens: Token[] = [];
  let word = '';
  let inWord = false;
  const endWord = () => {
    if (inWord) tokens.push({ word });
    word = '';
    inWord = false;
  };
  const op = (o: Joiner | '(' | ')') => {
    endWord();
    tokens.push({ op: o });
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    const next = script[i + 1];
    if (ch === '"' || ch === "'") {
      const close = script.indexOf(ch, i + 1);
      const end = close === -1 ? script.length : close;
      word += script.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (ch === '\\' && next !== undefined) {
      word += next === '\n' ? '' : next;
      inWord = inWord || next !== '\n';
      i++;
    } else if (ch === '`' || (ch === '$' && (next === '(' || next === '{'))) {
      const end = substitutionEnd(script, i);
      word += script.slice(i, end + 1);
      inWord = true;
      i = end;
    } else if (ch === '#' && !inWord) {
      while (i + 1 < script.length && script[i + 1] !== '\n') i++;
    } else if (ch === '&' && (next === '>' || /[<>]$/.test(word))) {
      word += ch; // a redirection (`2>&1`, `&>log`), not the background
      inWord = true;
    } else if ((ch === '&' || ch === '|') && next === ch) {
      op(ch === '&' ? '&&' : '||');
      i++;
    } else if (ch === ';' || ch === '\n') {
      op(';');
    } else if (ch === '&' || ch === '|' || ch === '(' || ch === ')') {
      op(ch);
    } else if (ch === ' ' || ch === '\t') {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  endWord();
  return tokens;
}

/** Where the substitution that opens at `start` (`` ` ``, `$(` or `${`) closes, nesting counted. */
function substitutionEnd(script: string, start: number): number {
  if (script[start] === '`') {
    const close = script.indexOf('`', start + 1);
    return close === -1 ? script.length - 1 : close;
  }
  const [open, close] = script[start + 1] === '(' ? ['(', ')'] : ['{', '}'];
  let depth = 0;
  for (let i = start + 1; i < script.length; i++) {
    if (script[i] === open) depth++;
    else if (script[i] === close && --depth === 0) return i;
  }
  return script.length - 1;
}

function parse(tokens: Token[], functions: Map<string, SimpleCommand[]>): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: string[] = [];
  const end = (then: Joiner) => {
    if (words.length > 0) commands.push({ words, then });
    words = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const definition = words.length === 0 ? functionAt(tokens, i) : null;
    if (definition) {
      functions.set(definition.name, parse(definition.body, functions));
      i = definition.end;
    } else if ('word' in token) {
      words.push(token.word);
    } else if (token.op === '(' || token.op === ')') {
      words.push(token.op);
    } else {
      end(token.op);
    }
  }
  end(';');
  return commands;
}

/** A function definition starting at token i: `name ( ) { … }` or `function name [( )] { … }`. */
function functionAt(tokens: Token[], i: number): { name: string; body: Token[]; end: number } | null {
  const wordAt = (j: number) => {
    const token = tokens[j];
    return token && 'word' in token ? token.word : null;
  };
  const opAt = (j: number) => {
    const token = tokens[j];
    return token && 'op' in token ? token.op : null;
  };
  let j = i;
  const keyword = wordAt(j) === 'function';
  if (keyword) j++;
  const name = wordAt(j);
  if (!name || !/^[A-Za-z_][\w-]*$/.test(name)) return null;
  j++;
  if (opAt(j) === '(' && opAt(j + 1) === ')') j += 2;
  else if (!keyword) return null;
  while (opAt(j) === ';') j++;
  if (wordAt(j) !== '{') return null;
  let depth = 0;
  for (let k = j; k < tokens.length; k++) {
    const word = wordAt(k);
    if (word === '{') depth++;
    else if (word === '}' && --depth === 0) return { name, body: tokens.slice(j + 1, k), end: k };
  }
  return null;
}

/** busybox and GNU `sleep`: seconds, with an optional s/m/h/d suffix; `infinity`. */
export function parseDuration(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^inf(inity)?$/i.test(word)) return Infinity;
  const match = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(word);
  if (!match) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[match[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(match[1]) * unit;
}

export function toExitCode(word: string | undefined): number {
  const n = Number(word ?? '0');
  return Number.isInteger(n) ? ((n % 256) + 256) % 256 : 0;
}

function quoteWord(word: string): string {
  return /[\s;&|]/.test(word) ? `'${word.replace(/'/g, `'\\''`)}'` : word;
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

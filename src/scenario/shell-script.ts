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

/** Splits a script on `;`, `&&`, `||`, `|`, `&` and newlines into word lists (quotes respected). */
export function simpleCommands(script: string): string[][] {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = '';
  let quote: '"' | "'" | null = null;
  let inWord = false;
  const endWord = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i] as string;
    if (quote) {
      if (ch === quote) quote = null;
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '#' && !inWord) {
      while (i < script.length && script[i] !== '\n') i++;
      endCommand();
    } else if (ch === ';' || ch === '\n' || ch === '|' || ch === '&') {
      endCommand();
    } else if (ch === ' ' || ch === '\t') {
      endWord();
    } else {
      word += ch;
      inWord = true;
    }
  }
  endCommand();
  return commands;
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

import { describe, expect, it } from 'vitest';
import { readScript, simpleCommands } from './shell-script';

describe('readScript', () => {
  it('splits commands and keeps what joins each to the next', () => {
    expect(readScript('a 1; b && c || d | e & wait $!\nf').commands).toEqual([
      { words: ['a', '1'], then: ';' },
      { words: ['b'], then: '&&' },
      { words: ['c'], then: '||' },
      { words: ['d'], then: '|' },
      { words: ['e'], then: '&' },
      { words: ['wait', '$!'], then: ';' },
      { words: ['f'], then: ';' },
    ]);
  });

  it('keeps quotes, command substitutions and redirections inside their word', () => {
    expect(simpleCommands("echo `date -u +%FT$(nmeter -d0 '%3t' | head -n1)Z` 'a; b' \"c|d\" >>/proc/1/fd/1 2>&1; exit 3")).toEqual([
      ['echo', "`date -u +%FT$(nmeter -d0 '%3t' | head -n1)Z`", 'a; b', 'c|d', '>>/proc/1/fd/1', '2>&1'],
      ['exit', '3'],
    ]);
    expect(simpleCommands('run &>/dev/null; x # a comment; y\nz')).toEqual([['run', '&>/dev/null'], ['x'], ['z']]);
  });

  it('sets function definitions apart from the flow', () => {
    const script = readScript('_term() { sleep 5; exit 0; }; function cleanup { rm -f /x; }; trap _term TERM; sleep 1');
    expect(script.commands.map((c) => c.words)).toEqual([['trap', '_term', 'TERM'], ['sleep', '1']]);
    expect(script.functions.get('_term')?.map((c) => c.words)).toEqual([['sleep', '5'], ['exit', '0']]);
    expect(script.functions.get('cleanup')?.map((c) => c.words)).toEqual([['rm', '-f', '/x']]);
  });

  it('leaves control words and subshells in the flow for callers to see', () => {
    expect(simpleCommands('while true; do sleep 1; done')).toEqual([['while', 'true'], ['do', 'sleep', '1'], ['done']]);
    expect(simpleCommands('(sleep 5)')).toEqual([['(', 'sleep', '5', ')']]);
  });
});

import { startErrorCause } from '../../engine/index';

/** The longest termination message a one-line place (a node, a sentence) quotes before cutting it. */
const SHOWN = 60;

/**
 * A container's termination message in one short line, as plain text: its last non-empty line
 * (a log's last line is usually the error), cut with "…"; of a start error, runc's own words
 * without containerd's wrapping. Empty when there is none.
 */
export function terminationWords(message: string | undefined): string {
  const line = startErrorCause((message ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '').at(-1) ?? '');
  return line.length > SHOWN ? `${line.slice(0, SHOWN - 1)}…` : line;
}

/**
 * The message of a terminated container: what its process wrote to the termination-message file,
 * or, under FallbackToLogsOnError, the end of its log when it failed (exit code ≠ 0) and left the
 * file empty. The kubelet reads the file's last 4096 bytes (tail.ReadAtMost), or the log's last
 * 80 lines, of which a circular buffer keeps the last 2048 bytes.
 * kubelet: pkg/kubelet/kuberuntime/kuberuntime_container.go convertToKubeContainerStatus,
 * getTerminationMessage, readLastStringFromContainerLogs; limits in pkg/kubelet/container/runtime.go.
 * The kubelet appends it to the runtime's own message after ": "; containerd writes one only for a
 * container that could not start (StartError, see start-error.ts), whose process wrote nothing.
 * Then the status manager keeps the first 12 KiB / (number of init and regular containers) bytes of
 * every terminated message (pkg/kubelet/status/status_manager.go normalizeStatus).
 */
import type { RunBehavior, TerminationMessagePolicy } from '../types';

export const MAX_CONTAINER_TERMINATION_MESSAGE_LENGTH = 1024 * 4;
export const MAX_CONTAINER_TERMINATION_MESSAGE_LOG_LENGTH = 1024 * 2;
export const MAX_CONTAINER_TERMINATION_MESSAGE_LOG_LINES = 80;
export const MAX_POD_TERMINATION_MESSAGE_LOG_LENGTH = 1024 * 12;

/** The `message` of a terminated state; '' when it has none. `runtimeMessage`: the runtime's own. */
export function terminationMessage(
  policy: TerminationMessagePolicy,
  run: Pick<RunBehavior, 'message' | 'logs'>,
  exitCode: number,
  containers: number,
  runtimeMessage = '',
): string {
  if (runtimeMessage === '' && run.message === '' && run.logs === '') return '';
  const file = lastBytes(run.message, MAX_CONTAINER_TERMINATION_MESSAGE_LENGTH);
  const fromLogs = policy === 'FallbackToLogsOnError' && exitCode !== 0 && file === '';
  const own = fromLogs ? logTail(run.logs) : file;
  const message = runtimeMessage !== '' && own !== '' ? `${runtimeMessage}: ${own}` : runtimeMessage + own;
  return firstBytes(message, Math.floor(MAX_POD_TERMINATION_MESSAGE_LOG_LENGTH / Math.max(containers, 1)));
}

/** What the kubelet reads of a log: its last 80 lines, then the last 2048 bytes of those. */
export function logTail(logs: string): string {
  return lastBytes(lastLines(logs, MAX_CONTAINER_TERMINATION_MESSAGE_LOG_LINES), MAX_CONTAINER_TERMINATION_MESSAGE_LOG_LENGTH);
}

/** The last `n` lines; a final newline ends the last line rather than starting another. */
function lastLines(text: string, n: number): string {
  let i = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let seen = 0; i > 0; i--) {
    if (text[i - 1] === '\n' && ++seen === n) break;
  }
  return text.slice(i);
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * The text of the last `n` UTF-8 bytes of `text`. A character cut in two leaves bytes that are
 * not UTF-8, which the JSON the kubelet sends replaces with U+FFFD, one per byte.
 */
export function lastBytes(text: string, n: number): string {
  if (text.length * 3 <= n) return text; // a UTF-16 unit is at most 3 UTF-8 bytes
  const chars = Array.from(text);
  let bytes = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const size = utf8Length(chars[i]!.codePointAt(0)!);
    if (bytes + size > n) return '\uFFFD'.repeat(n - bytes) + chars.slice(i + 1).join('');
    bytes += size;
  }
  return text;
}

/** The text of the first `n` UTF-8 bytes of `text` (Go's `s[:n]`), cut characters as in lastBytes. */
export function firstBytes(text: string, n: number): string {
  if (text.length * 3 <= n) return text;
  const chars = Array.from(text);
  let bytes = 0;
  for (let i = 0; i < chars.length; i++) {
    const size = utf8Length(chars[i]!.codePointAt(0)!);
    if (bytes + size > n) return chars.slice(0, i).join('') + '\uFFFD'.repeat(n - bytes);
    bytes += size;
  }
  return text;
}

/**
 * How far the timeline reaches. A pod that finished (it ended, or is gone) keeps its last states
 * after the run: a short stretch past the end shows them, so "Succeeded" or "Completed" is on
 * its lane and not a line of no width at the very edge. A run cut at its horizon shows no more.
 */
import type { Trace } from '../../engine/trace';

export function shownEnd(trace: Pick<Trace, 'end' | 'finished'>): number {
  return trace.finished ? trace.end + Math.max(1.5, trace.end * 0.06) : trace.end;
}

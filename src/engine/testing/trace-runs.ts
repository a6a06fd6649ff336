/**
 * Reading a trace as the property tests do: each container instance as a run from its Started to
 * its Exited event (one the runtime could not start: its StartError exit alone), and events with
 * their index in the trace (its causal order within an instant).
 */
import type { Trace, TraceEvent } from '../trace';

export type EventOf<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

/** One container instance, from its Started event to its Exited event (indices into trace.events). */
export interface Run {
  start: number;
  startIndex: number;
  restartCount: number;
  exit?: { t: number; index: number; exitCode: number; reason: string };
}

export function runsOf(trace: Trace, name: string): Run[] {
  const runs: Run[] = [];
  trace.events.forEach((e, index) => {
    if (e.type === 'Started' && e.container === name) {
      runs.push({ start: e.t, startIndex: index, restartCount: e.restartCount });
    } else if (e.type === 'Exited' && e.container === name && e.reason === 'StartError') {
      runs.push({ start: e.t, startIndex: index, restartCount: e.restartCount, exit: { t: e.t, index, exitCode: e.exitCode, reason: e.reason } });
    } else if (e.type === 'Exited' && e.container === name) {
      const run = runs[runs.length - 1];
      if (run && !run.exit) run.exit = { t: e.t, index, exitCode: e.exitCode, reason: e.reason };
    }
  });
  return runs;
}

export function indexedEvents<T extends TraceEvent['type']>(trace: Trace, type: T): (EventOf<T> & { index: number })[] {
  const out: (EventOf<T> & { index: number })[] = [];
  trace.events.forEach((e, index) => {
    if (e.type === type) out.push({ ...(e as EventOf<T>), index });
  });
  return out;
}

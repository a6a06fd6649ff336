/**
 * Loading and playing the scenario library (public/scenarios) in tests, and reading the trace as
 * a scenario's explanation talks about it.
 */
import { readFileSync } from 'node:fs';
import { kubectlRow, podStatusAt, simulate } from '../../engine';
import type { Trace, TraceEvent } from '../../engine';
import { parseScenario } from '../parse-scenario';

export const DIR = 'public/scenarios';

interface IndexEntry {
  file: string;
  title: string;
  summary: string;
}

export const index = JSON.parse(readFileSync(`${DIR}/index.json`, 'utf8')) as IndexEntry[];

export function load(file: string) {
  const text = readFileSync(`${DIR}/${file}`, 'utf8');
  const result = parseScenario(text);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return { text, ...result };
}

export function play(file: string, until?: number): Trace {
  return simulate(load(file).model, until === undefined ? {} : { until });
}

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

export function events<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Ev<T>[] {
  return trace.events.filter(
    (e): e is Ev<T> => e.type === type && (container === undefined || ('container' in e && e.container === container)),
  );
}

export function first<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Ev<T> {
  const found = events(trace, type, container)[0];
  if (!found) throw new Error(`no ${type} event${container ? ` for ${container}` : ''}`);
  return found;
}

/** Every distinct kubectl STATUS column value, sampled every half second. */
export function statuses(trace: Trace): string[] {
  const seen: string[] = [];
  for (let t = 0; t <= trace.end; t += 0.5) {
    const status = kubectlRow(trace, t).status;
    if (seen.at(-1) !== status) seen.push(status);
  }
  return seen;
}

export function condition(trace: Trace, type: string, t: number): string | undefined {
  return podStatusAt(trace, t).conditions.find((c) => c.type === type)?.status;
}

export function phases(trace: Trace): string[] {
  return trace.phase.map((entry) => entry.value.phase);
}

export const JOB = { kind: 'Job', name: 'nightly-report', restartPolicy: 'Never', backoffLimit: 6, completions: 1 } as const;

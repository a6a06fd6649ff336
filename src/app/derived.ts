/**
 * What is derived from the scenario text, memoised on it: the parse result, the editor's view of
 * the text, and the run (model + trace). The run always comes from the last valid scenario, so
 * an edit that breaks the Pod never stops the player.
 */
import { simulate } from '../engine/simulate';
import type { PodModel } from '../engine/types';
import type { Trace } from '../engine/trace';
import { parseScenario, type ScenarioResult } from '../scenario/parse-scenario';
import { readPod, type PodView } from '../scenario/edit-read';

export interface Run {
  model: PodModel;
  trace: Trace;
}

let parsed: { source: string; result: ScenarioResult } | undefined;
let viewed: { source: string; view: PodView } | undefined;
let lastValid: PodModel | undefined;
let ran: { model: PodModel; horizon: number | null; run: Run } | undefined;

export function scenarioResultOf(source: string): ScenarioResult {
  if (parsed?.source !== source) {
    const result = parseScenario(source);
    parsed = { source, result };
    if (result.ok) lastValid = result.model;
  }
  return parsed.result;
}

export function podViewOf(source: string): PodView {
  if (viewed?.source !== source) viewed = { source, view: readPod(source) };
  return viewed.view;
}

/** The run of the last valid scenario up to `source` (undefined only if none was ever valid). */
export function runOf(source: string, horizon: number | null): Run | undefined {
  const result = scenarioResultOf(source);
  const model = result.ok ? result.model : lastValid;
  if (!model) return undefined;
  if (ran?.model !== model || ran.horizon !== horizon) {
    const trace = simulate(model, horizon === null ? {} : { until: horizon });
    ran = { model, horizon, run: { model, trace } };
  }
  return ran.run;
}

const eventTimesCache = new WeakMap<Trace, number[]>();

/** The distinct moments something happens in the run, ascending: the stops of "step". */
export function eventTimes(trace: Trace): number[] {
  let times = eventTimesCache.get(trace);
  if (!times) {
    times = [...new Set(trace.events.map((event) => event.t))].sort((a, b) => a - b);
    eventTimesCache.set(trace, times);
  }
  return times;
}

export function nextEventTime(trace: Trace, t: number): number | undefined {
  return eventTimes(trace).find((time) => time > t + 1e-9);
}

export function previousEventTime(trace: Trace, t: number): number | undefined {
  return eventTimes(trace).findLast((time) => time < t - 1e-9);
}

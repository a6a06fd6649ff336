import type { ContainerStatus } from '../engine/trace';
import { lastEventOf, valueAt } from './trace-index';
import { selectRun } from './selectors';
import { useAppStore, type AppState } from './store';

/** What a container is doing at t beyond its API status: being stopped, or waiting out a back-off. */
export type ContainerMoment =
  | { kind: 'none' }
  | { kind: 'stopping'; signal: 'SIGTERM' | 'SIGKILL' | 'preStop' | ''; reason: string }
  | { kind: 'backoff'; secondsLeft: number };

const NONE: ContainerMoment = { kind: 'none' };

/** The status last returned per container, kept while an equal one comes (from a new run after an edit). */
const shown = new Map<string, ContainerStatus | undefined>();

/**
 * The container's API status at t; the same object until it changes, so a node re-renders only
 * then. An edit makes a new run, whose statuses are new objects: equal ones are not a change.
 */
export function useContainerStatus(name: string): ContainerStatus | undefined {
  return useAppStore((s) => {
    const run = selectRun(s);
    const status = run ? valueAt(run.trace.containerStatuses[name], s.playback.t) : undefined;
    const last = shown.get(name);
    if (status === last || (status && last && equalData(status, last))) return last;
    shown.set(name, status);
    return status;
  });
}

/** Deep equality of plain data (what a trace holds). */
function equalData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => equalData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** Encoded as a string inside the selector so that it stays equal between frames. */
export function useContainerMoment(name: string): ContainerMoment {
  const key = useAppStore((s) => momentKey(s, name));
  if (key === '') return NONE;
  const [kind, a = '', b = ''] = key.split('|');
  return kind === 'backoff' ? { kind: 'backoff', secondsLeft: Number(a) } : { kind: 'stopping', signal: a as 'SIGTERM' | 'SIGKILL' | 'preStop' | '', reason: b };
}

function momentKey(s: AppState, name: string): string {
  const run = selectRun(s);
  if (!run) return '';
  const t = s.playback.t;
  const status = valueAt(run.trace.containerStatuses[name], t);
  if (status?.state.running) {
    const last = lastEventOf(run.trace, name, t, ['Killing', 'Signal', 'HookStarted', 'Started']);
    if (last?.type === 'Killing') return `stopping||${last.reason}`;
    if (last?.type === 'Signal') return `stopping|${last.signal}|`;
    if (last?.type === 'HookStarted' && last.hook === 'preStop') return 'stopping|preStop|';
    return '';
  }
  if (status?.state.waiting) {
    const backoff = lastEventOf(run.trace, name, t, ['BackOff', 'PullBackOff']);
    if (backoff && t < backoff.t + backoff.delay) return `backoff|${Math.ceil(backoff.t + backoff.delay - t)}`;
  }
  return '';
}

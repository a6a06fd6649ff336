import type { ContainerStatus, Trace } from '../engine/trace';
import { lastEventOf, nextContainerChange, untilNextChange, valueAt } from './trace-index';
import { selectRun } from './selectors';
import { useAppStore, type AppState } from './store';

/** What a container is doing at t beyond its API status: being stopped, or waiting out a back-off. */
export type ContainerMoment =
  | { kind: 'none' }
  | { kind: 'stopping'; signal: 'SIGTERM' | 'SIGKILL' | 'preStop' | ''; reason: string }
  /** `secondsLeft` is left out where the countdown is not shown (see shownContainer). */
  | { kind: 'backoff'; secondsLeft?: number };

const NONE: ContainerMoment = { kind: 'none' };

export interface ContainerAt {
  status: ContainerStatus | undefined;
  moment: ContainerMoment;
}

/**
 * Every container's status and moment at t, worked out once for all of them and kept until
 * one of them can change (see nextContainerChange): playing moves t every frame, and every node
 * asks every frame. An entry that did not change keeps its objects, so its node does not render.
 */
const containersAt = untilNextChange(
  (trace: Trace, t: number): Map<string, ContainerAt> =>
    new Map(Object.entries(trace.containerStatuses).map(([name, history]) => [name, { status: valueAt(history, t), moment: momentOf(trace, name, t) }])),
  (previous, next) => {
    // Statuses come by reference from the run's histories; moments are made anew each time.
    for (const [name, entry] of next) {
      const old = previous.get(name);
      if (old && old.status === entry.status && equalData(entry.moment, old.moment)) next.set(name, old);
    }
    return next;
  },
  nextContainerChange,
);

/** Every container at t, by name. */
export const selectContainers = (s: AppState): Map<string, ContainerAt> | undefined => {
  const run = selectRun(s);
  return run ? containersAt(run.trace, s.playback.t, undefined) : undefined;
};

/**
 * The nodes listen here, not to the app store: playing changes the store every frame, and a
 * listener per node would ask every frame, 30 times for a large pod. This one subscription tells
 * the nodes only when the snapshot of all containers changes.
 */
const nodeListeners = new Set<() => void>();
let stopFollowing: (() => void) | null = null;

export function subscribeToContainers(listener: () => void): () => void {
  nodeListeners.add(listener);
  if (!stopFollowing) {
    let last = selectContainers(useAppStore.getState());
    stopFollowing = useAppStore.subscribe((state) => {
      const next = selectContainers(state);
      if (next === last) return;
      last = next;
      for (const notify of [...nodeListeners]) notify();
    });
  }
  return () => {
    nodeListeners.delete(listener);
    if (nodeListeners.size > 0) return;
    stopFollowing?.();
    stopFollowing = null;
  };
}

const NOT_THERE: ContainerAt = { status: undefined, moment: NONE };
const BACKOFF: ContainerMoment = { kind: 'backoff' };
/** What each container's node last showed, kept while an equal one comes (from a new run after an edit). */
const shown = new Map<string, ContainerAt>();

/**
 * The container's status and moment at t: the same object until either changes, so its node
 * redraws only then. An edit makes a new run, whose statuses are new objects: equal ones are not
 * a change. Without `countdown`, a back-off comes without its seconds left, which change every
 * second: a node that does not show them need not redraw for them.
 */
export function shownContainer(name: string, countdown: boolean): ContainerAt {
  let next = selectContainers(useAppStore.getState())?.get(name) ?? NOT_THERE;
  if (!countdown && next.moment.kind === 'backoff') next = { status: next.status, moment: BACKOFF };
  const last = shown.get(name);
  if (last === next || (last && equalData(last, next))) return last;
  shown.set(name, next);
  return next;
}

/** Deep equality of plain data (what a trace holds). */
function equalData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => equalData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** What the container is doing at t beyond its status, from the run's events. */
export function momentOf(trace: Trace, name: string, t: number): ContainerMoment {
  const status = valueAt(trace.containerStatuses[name], t);
  if (status?.state.running) {
    const last = lastEventOf(trace, name, t, ['Killing', 'Signal', 'HookStarted', 'Started']);
    if (last?.type === 'Killing') return { kind: 'stopping', signal: '', reason: last.reason };
    if (last?.type === 'Signal') return { kind: 'stopping', signal: last.signal, reason: '' };
    if (last?.type === 'HookStarted' && last.hook === 'preStop') return { kind: 'stopping', signal: 'preStop', reason: '' };
    return NONE;
  }
  if (status?.state.waiting) {
    const backoff = lastEventOf(trace, name, t, ['BackOff', 'PullBackOff']);
    if (backoff && t < backoff.t + backoff.delay) return { kind: 'backoff', secondsLeft: Math.ceil(backoff.t + backoff.delay - t) };
  }
  return NONE;
}

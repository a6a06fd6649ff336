import type { ContainerStatus, Trace } from '../engine/trace';
import { equalData } from './equal-data';
import { lastEventOf, nextContainerChange, valueAt } from './trace-index';
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

/** Per container of the current run: its status and moment at t, kept until its own next change. */
let memoTrace: Trace | undefined;
const memo = new Map<string, { from: number; until: number; at: ContainerAt }>();

/**
 * The container's status and moment at t, worked out again only when it can have changed (see
 * nextContainerChange): playing moves t every frame, and a pod of 30 containers has one of them
 * change now and then. An answer equal to the last keeps its object.
 */
export function containerAt(trace: Trace, name: string, t: number): ContainerAt {
  if (trace !== memoTrace) {
    memo.clear();
    memoTrace = trace;
  }
  const kept = memo.get(name);
  if (kept && t >= kept.from && t < kept.until) return kept.at;
  const next: ContainerAt = { status: valueAt(trace.containerStatuses[name], t), moment: momentOf(trace, name, t) };
  // Statuses come by reference from the run's histories; moments are made anew each time.
  const at = kept && kept.at.status === next.status && equalData(kept.at.moment, next.moment) ? kept.at : next;
  memo.set(name, { from: t, until: nextContainerChange(trace, name, t), at });
  return at;
}

/** The container at t in the app's current run (undefined without a valid scenario). */
export const selectContainer = (s: AppState, name: string): ContainerAt | undefined => {
  const run = selectRun(s);
  return run ? containerAt(run.trace, name, s.playback.t) : undefined;
};

/**
 * The nodes listen here, not to the app store: playing changes the store every frame. This one
 * subscription checks each container's memo and tells a node only when its own container changed.
 */
const nodeListeners = new Map<string, Set<() => void>>();
const lastTold = new Map<string, ContainerAt | undefined>();
let stopFollowing: (() => void) | null = null;

function follow(state: AppState): void {
  for (const [name, listeners] of nodeListeners) {
    const at = selectContainer(state, name);
    if (at === lastTold.get(name)) continue;
    lastTold.set(name, at);
    for (const notify of [...listeners]) notify();
  }
}

export function subscribeToContainer(name: string, listener: () => void): () => void {
  let listeners = nodeListeners.get(name);
  if (!listeners) {
    nodeListeners.set(name, (listeners = new Set()));
    lastTold.set(name, selectContainer(useAppStore.getState(), name));
  }
  listeners.add(listener);
  stopFollowing ??= useAppStore.subscribe(follow);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      nodeListeners.delete(name);
      lastTold.delete(name);
    }
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
  let next = selectContainer(useAppStore.getState(), name) ?? NOT_THERE;
  if (!countdown && next.moment.kind === 'backoff') next = { status: next.status, moment: BACKOFF };
  const last = shown.get(name);
  if (last === next || (last && equalData(last, next))) return last;
  shown.set(name, next);
  return next;
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

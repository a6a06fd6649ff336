/**
 * The pod's status at t for the status panes, from the engine's queries. Playing moves t every
 * frame, but what these panes show changes far less often: each answer is kept until the next
 * moment it can change (see nextShownChange) and returned by reference until then, so the
 * selectors are cheap and rows and cells that did not change skip rendering.
 *
 * The panes follow t at transition priority (see useShown): when something they show changes,
 * React first commits what the canvas and the clock show, then works out and renders these panes
 * in a task of its own. At 20x a pod second passes every third frame; this spreads its changes
 * over two frames instead of crowding them into one that a slow machine cannot draw in time.
 */
import { humanDuration, kubectlRow, podExistsAt, type KubectlRow } from '../engine/index';
import type { PodCondition, Trace } from '../engine/trace';
import { selectRun, selectSwift } from './selectors';
import { eventRowsAt, untilNextChange, valueAt } from './trace-index';
import { useAppStore, type AppState } from './store';
import { useStoreAsTransition } from './useStoreAsTransition';

export type { KubectlRow };

/** A row of the Events list, as `kubectl describe pod` prints it at t. */
export interface ShownEvent {
  /** Stable while the Event is listed: the first trace event it folds. */
  key: number;
  type: string;
  reason: string;
  age: string;
  message: string;
  /** When it was last seen. */
  t: number;
}

/** Keeps the list light on a day of crash-looping: the newest Events are the ones that matter. */
export const MAX_EVENT_ROWS = 80;

const EMPTY_ROW: KubectlRow = { name: '', ready: '0/0', status: 'Pending', restarts: '0', age: '0s' };
const NO_CONDITIONS: PodCondition[] = [];
const NO_EVENTS: ShownEvent[] = [];

const sameRow = (a: KubectlRow, b: KubectlRow) =>
  a.name === b.name && a.ready === b.ready && a.status === b.status && a.restarts === b.restarts && a.age === b.age && a.deleted === b.deleted;

const kubectlRowAt = untilNextChange(kubectlRow, (previous, next) => (sameRow(previous, next) ? previous : next));

const eventsAt = untilNextChange(
  (trace, t, limit: number): ShownEvent[] =>
    eventRowsAt(trace, t, limit).map(({ key, index, count, first }) => {
      const { t: last, event } = trace.events[index]!;
      const age = humanDuration(t - last);
      return {
        key,
        type: event!.type,
        reason: event!.reason,
        message: event!.message,
        t: last,
        age: count > 1 ? `${age} (x${count} over ${humanDuration(t - first)})` : age,
      };
    }),
  (previous, next) => {
    // Rows that did not change keep their object, so memoised rows skip rendering.
    const byKey = new Map(previous.map((row) => [row.key, row]));
    let changed = previous.length !== next.length;
    const merged = next.map((row, i) => {
      const old = byKey.get(row.key);
      const kept = old && old.age === row.age && old.t === row.t ? old : row;
      if (kept !== previous[i]) changed = true;
      return kept;
    });
    return changed ? merged : previous;
  },
);

const selectTrace = (s: AppState): Trace | undefined => selectRun(s)?.trace;

export function useTrace(): Trace | undefined {
  return useAppStore(selectTrace);
}

/** The run and a pod time the panes show: any t within the current shown moment gives the same answers. */
export interface Shown {
  trace: Trace | undefined;
  t: number;
}

/** The t at which the current shown moment was first seen (until the next shown change). */
const momentStart = untilNextChange((_trace, t) => t, (_previous, next) => next);
let lastShown: Shown = { trace: undefined, t: 0 };

function shownOf(s: AppState): Shown {
  const trace = selectTrace(s);
  const t = trace ? momentStart(trace, s.playback.t, undefined) : 0;
  if (trace !== lastShown.trace || t !== lastShown.t) lastShown = { trace, t };
  return lastShown;
}

/**
 * While playing swiftly, how often at most the paced panes (the Events, the moment's sentences)
 * move on: at 20x they would change several times a second, too fast to read, and each new Event
 * row changes the list's height, which makes the browser sort the page's layers out anew (see
 * the layers note in app.css) in the frames a slow machine finds hardest already.
 */
const PACED_MS = 250;

/** The moment the panes show, followed as a transition (see useStoreAsTransition); `paced`: see PACED_MS. */
export function useShown(paced = false): Shown {
  const swift = useAppStore(selectSwift);
  return useStoreAsTransition(shownOf, true, paced && swift ? PACED_MS : 0);
}

/** What `kubectl get pod` prints at that moment. */
export const kubectlRowOf = ({ trace, t }: Shown): KubectlRow => (trace ? kubectlRowAt(trace, t) : EMPTY_ROW);

/** The newest `limit` Events up to that moment, oldest first (each age changes every second: only those shown are computed). */
export const eventsOf = ({ trace, t }: Shown, limit = MAX_EVENT_ROWS): ShownEvent[] =>
  trace ? eventsAt(trace, t, Math.min(limit, MAX_EVENT_ROWS)) : NO_EVENTS;

/** What `kubectl get pod` prints at t. */
export function useKubectlRow(): KubectlRow {
  return kubectlRowOf(useShown());
}

/** The pod's conditions at t: none once the pod has left the API, as there is nothing to read them from. */
export function useConditions(): PodCondition[] {
  const { trace, t } = useShown();
  if (!trace || !podExistsAt(trace, t)) return NO_CONDITIONS;
  return valueAt(trace.conditions, t) ?? NO_CONDITIONS;
}

/** The newest `limit` Events up to t as `kubectl describe pod` lists them, oldest first. */
export function useDescribedEvents(limit: number): ShownEvent[] {
  return eventsOf(useShown(true), limit);
}

/**
 * Which of a moment's sentences the "What is happening" pane tells. A node reboot, a deletion or
 * an init step ending makes a dozen things happen at once; the pane has room for a few, so it
 * keeps the ones that explain the moment, the most telling first (on a projector the pane may
 * show only the first one or two whole), and says how many it left to the status and the Events.
 */
import type { Trace, TraceEvent, TraceEventType } from '../../engine/trace';
import { momentSentences } from './explain-event';

/** Sentences the pane shows at most: more would not fit without scrolling. */
const TOLD = 3;

/** Kinds of event that tell more, or less, than others of their type. */
type Kind = TraceEventType | 'Crashed' | 'HookFailed' | 'ImagePresent' | 'PodEnded';

/**
 * How much a kind of event tells a learner, most first. What the learner did or what hit the node
 * is why everything else happens; then what went wrong or was stopped, since the pod's story turns
 * there; then a container or the pod beginning or ending; then what follows from that (counts as
 * started, ready, a phase on the way); last the echoes — a condition follows from readiness and
 * phase, an image already present is routine — which the status and the Events show anyway.
 */
const IMPORTANCE: Record<Kind, number> = {
  NodeDown: 5, NodeShutdown: 5, ObjectCreated: 5, NodeUp: 5, SandboxChanged: 5, DeletionRequested: 5, PodDeleted: 5, ImageUpdated: 5, DeadlineUpdated: 5, DeadlineExceeded: 5, Evicted: 5, TaintEviction: 5,
  NodeNotReady: 4, TaintEvictionCancelled: 4,
  Killing: 4, Crashed: 4, ConfigMissing: 4, MountFailed: 4, BackOff: 4, ProbeFailed: 4, HookFailed: 4, PullFailed: 4, PullBackOff: 4,
  Scheduled: 3, Started: 3, Exited: 3, Signal: 3, HookStarted: 3, PodEnded: 3,
  ContainerStarted: 2, Ready: 2, ProbeWarning: 2, PodPhase: 2, Pulling: 2, Pulled: 2,
  PodCondition: 1, ImagePresent: 1, Created: 1, HookFinished: 1,
};

/** How much an event tells a learner (see IMPORTANCE). */
export function importanceOf(event: TraceEvent): number {
  return IMPORTANCE[kindOf(event)];
}

function kindOf(event: TraceEvent): Kind {
  switch (event.type) {
    case 'Exited':
      return event.exitCode === 0 ? 'Exited' : 'Crashed';
    case 'HookFinished':
      return event.failed ? 'HookFailed' : 'HookFinished';
    case 'Pulled':
      return event.alreadyPresent ? 'ImagePresent' : 'Pulled';
    case 'PodPhase':
      return event.phase === 'Succeeded' || event.phase === 'Failed' ? 'PodEnded' : 'PodPhase';
    default:
      return event.type;
  }
}

/** What the pane says about a moment: the sentences it tells, and a line for the ones it leaves out. */
export interface ToldMoment {
  lines: string[];
  untold: string | null;
}

/**
 * The TOLD most telling sentences of a moment, most telling first, two as telling in the order they
 * happened (a cause ranks above what follows from it), and a line saying how many were left out —
 * "smaller" only when every one of them tells less than each sentence shown.
 */
export function tellMoment(trace: Trace, events: TraceEvent[]): ToldMoment {
  const ranked = momentSentences(trace, events).map((sentence, order) => ({ ...sentence, order, importance: importanceOf(sentence.event) }));
  const byImportance = [...ranked].sort((a, b) => b.importance - a.importance || a.order - b.order);
  const told = byImportance.slice(0, TOLD);
  const left = byImportance.slice(TOLD);
  if (left.length === 0) return { lines: told.map((s) => s.text), untold: null };
  const smaller = left[0]!.importance < byImportance[TOLD - 1]!.importance;
  const things = `${left.length} ${smaller ? 'smaller' : 'more'} ${left.length === 1 ? 'thing' : 'things'}`;
  return { lines: told.map((s) => s.text), untold: `And ${things}: see the status and Events below.` };
}

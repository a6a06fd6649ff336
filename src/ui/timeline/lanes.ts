/**
 * The timeline's spans: a status history cut into stretches of one look, and the Events of each
 * lane, computed once per trace. Reads what the engine recorded; decides nothing.
 */
import { containerEvents } from '../../app/trace-index';
import type { ContainerStatus, History, Trace, TraceEvent } from '../../engine/trace';
import { spanLabel, toneOf, type Tone } from '../shared/container-state';
import { nodeDownPeriods, type DownPeriod } from '../shared/node-down';
import { shownEnd } from './shown-end';

export interface Span {
  from: number;
  to: number;
  /** The state the pod was left in: it lasts past the run's end (drawn up to shownEnd). */
  last?: true;
  tone: Tone | 'pending' | 'succeeded' | 'terminating' | 'gone';
  label: string;
}

/** A Kubernetes Event on a lane. */
export interface Marker {
  t: number;
  reason: string;
  message: string;
  warning: boolean;
}

export interface Lane {
  name: string;
  /** 'pod' for the pod's own lane. */
  role: 'pod' | 'init' | 'sidecar' | 'regular' | 'ephemeral';
  spans: Span[];
  markers: Marker[];
}

const cache = new WeakMap<Trace, Lane[]>();
/** The lanes last computed, by name: an edit changes a few lanes, and the others keep their object. */
let previous = new Map<string, Lane>();

export function lanesOf(trace: Trace): Lane[] {
  let lanes = cache.get(trace);
  if (!lanes) {
    const down = nodeDownPeriods(trace);
    // A container's last state lasts past the end; a deleted pod's containers are gone with it.
    const last = trace.finished && trace.deletedAt === undefined ? shownEnd(trace) : undefined;
    const computed: Lane[] = [
      { name: 'Pod', role: 'pod', spans: withNodeDown(podSpans(trace), down), markers: markersOf(trace.events.filter((e) => !('container' in e))) },
      ...trace.pod.initContainers.map((c): Lane => ({
        name: c.name,
        role: c.sidecar ? 'sidecar' : 'init',
        spans: withNodeDown(containerSpans(trace.containerStatuses[c.name], trace.end, last), down),
        markers: markersOf(containerEvents(trace, c.name)),
      })),
      ...trace.pod.containers.map((name): Lane => ({
        name,
        role: 'regular',
        spans: withNodeDown(containerSpans(trace.containerStatuses[name], trace.end, last), down),
        markers: markersOf(containerEvents(trace, name)),
      })),
      // Empty until kubectl debug adds it: its history, and what the node does to it, start then.
      ...trace.pod.ephemeralContainers.map((name): Lane => {
        const history = trace.containerStatuses[name];
        const added = history?.[0]?.t ?? Infinity;
        return {
          name,
          role: 'ephemeral',
          spans: withNodeDown(containerSpans(history, trace.end, last, true), down.filter((period) => period.to > added)),
          markers: markersOf(containerEvents(trace, name)),
        };
      }),
    ];
    lanes = computed.map((lane) => {
      const old = previous.get(lane.name);
      return old && sameLane(old, lane) ? old : lane;
    });
    previous = new Map(lanes.map((lane) => [lane.name, lane]));
    cache.set(trace, lanes);
  }
  return lanes;
}

function markersOf(events: readonly TraceEvent[]): Marker[] {
  return events.flatMap((e) => (e.event ? [{ t: e.t, reason: e.event.reason, message: e.event.message, warning: e.event.type === 'Warning' }] : []));
}

function sameLane(a: Lane, b: Lane): boolean {
  return (
    a.role === b.role &&
    a.spans.length === b.spans.length &&
    a.markers.length === b.markers.length &&
    a.spans.every((span, i) => {
      const other = b.spans[i]!;
      return span.from === other.from && span.to === other.to && span.tone === other.tone && span.label === other.label;
    }) &&
    a.markers.every((marker, i) => {
      const other = b.markers[i]!;
      return marker.t === other.t && marker.reason === other.reason && marker.message === other.message && marker.warning === other.warning;
    })
  );
}

function containerSpans(history: History<ContainerStatus> | undefined, end: number, lastUntil?: number, ephemeral = false): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < (history?.length ?? 0); i++) {
    const entry = history![i]!;
    const to = history![i + 1]?.t ?? end;
    const span: Span = { from: entry.t, to, tone: toneOf(entry.value, ephemeral), label: spanLabel(entry.value, ephemeral) };
    const last = spans.at(-1);
    if (last && last.label === span.label && last.tone === span.tone) last.to = to;
    else if (to > entry.t || i === history!.length - 1) spans.push(span);
  }
  return lastUntil === undefined ? spans : lastingPast(spans, lastUntil);
}

/** The final span, which goes on after the run, reaches `until`. */
function lastingPast(spans: Span[], until: number): Span[] {
  const final = spans.at(-1);
  if (final) Object.assign(final, { to: until, last: true });
  return spans;
}

/**
 * Every lane says "Node down" while the node is down: the statuses the API still shows then are
 * the last ones sent, not what runs (nothing does).
 */
export function withNodeDown(spans: Span[], periods: readonly DownPeriod[]): Span[] {
  let out = spans;
  for (const { from, to } of periods) {
    if (to <= from) continue;
    const next: Span[] = [];
    for (const span of out) {
      if (span.to <= from || span.from >= to) next.push(span);
      else {
        if (span.from < from) next.push({ ...span, to: from });
        if (span.to > to) next.push({ ...span, from: to });
      }
    }
    const at = next.findIndex((span) => span.from >= to);
    next.splice(at < 0 ? next.length : at, 0, { from, to, tone: 'gone', label: 'Node down' });
    out = next;
  }
  return out;
}

function podSpans(trace: Trace): Span[] {
  const spans: Span[] = [];
  const cut = trace.deletion?.t ?? Infinity;
  for (let i = 0; i < trace.phase.length; i++) {
    const entry = trace.phase[i]!;
    if (entry.t >= cut) break;
    const to = Math.min(trace.phase[i + 1]?.t ?? trace.end, cut, trace.end);
    const phase = entry.value.phase;
    const tone = phase === 'Running' ? 'running' : phase === 'Pending' ? 'pending' : phase === 'Succeeded' ? 'succeeded' : 'failed';
    spans.push({ from: entry.t, to, tone, label: phase });
  }
  if (trace.deletion) {
    const gone = trace.deletedAt ?? trace.end;
    spans.push({ from: trace.deletion.t, to: gone, tone: 'terminating', label: 'Terminating' });
    if (trace.deletedAt !== undefined) spans.push({ from: trace.deletedAt, to: trace.end, tone: 'gone', label: 'Deleted' });
  }
  return trace.finished ? lastingPast(spans, shownEnd(trace)) : spans;
}

/** Tick spacing for an axis of `duration` seconds: about 6–12 ticks at a round step. */
export function tickStep(duration: number): number {
  const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400];
  return steps.find((step) => duration / step <= 12) ?? 21600;
}

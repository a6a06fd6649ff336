/**
 * The Events section of `kubectl describe pod` at t: Type, Reason, Age, From, Message, with
 * repeats folded as "<last> (xN over <first>)".
 * k/k: staging/src/k8s.io/kubectl/pkg/describe/describe.go DescribeEvents; client-go's event
 * aggregation counts an event again when its reason, message and object repeat.
 */
import type { Trace } from '../trace';
import { humanDuration } from './human-duration';
import { eventsUntil } from './status-at';

export interface DescribedEvent {
  type: string;
  reason: string;
  age: string;
  from: string;
  message: string;
  /** When it was last seen. */
  t: number;
  count: number;
  /** Index of the trace event it was last seen at. */
  index: number;
}

export function describeEvents(trace: Trace, t: number): DescribedEvent[] {
  const last = eventsUntil(trace, t);
  const byKey = new Map<string, { first: number; described: DescribedEvent }>();
  const out: DescribedEvent[] = [];
  for (let i = 0; i <= last; i++) {
    const e = trace.events[i]!;
    if (!e.event) continue;
    const { type, reason, message, from } = e.event;
    const key = `${type}\u0000${reason}\u0000${message}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.described.count++;
      seen.described.t = e.t;
      seen.described.index = i;
      continue;
    }
    const described: DescribedEvent = { type, reason, from, message, t: e.t, count: 1, age: '', index: i };
    byKey.set(key, { first: e.t, described });
    out.push(described);
  }
  for (const { first, described } of byKey.values()) {
    const lastAge = humanDuration(t - described.t);
    described.age = described.count > 1 ? `${lastAge} (x${described.count} over ${humanDuration(t - first)})` : lastAge;
  }
  return out.sort((a, b) => a.t - b.t || a.index - b.index);
}

/** The section as kubectl prints it. */
export function formatEvents(events: DescribedEvent[]): string {
  if (events.length === 0) return 'Events:  <none>';
  const rows = [['Type', 'Reason', 'Age', 'From', 'Message'], ['----', '------', '----', '----', '-------'], ...events.map((e) => [e.type, e.reason, e.age, e.from, e.message])];
  const widths = [0, 1, 2, 3].map((k) => Math.max(...rows.map((r) => r[k]!.length)));
  return ['Events:', ...rows.map((r) => '  ' + r.map((cell, k) => (k < 4 ? cell.padEnd(widths[k]! + 2) : cell)).join(''))].join('\n');
}

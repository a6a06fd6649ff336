import { useEffect, useRef } from 'react';
import { useDescribedEvents } from '../../app/useStatusAt';

/** Keeps the table light on a day of crash-looping: the newest events are the ones that matter. */
const MAX_ROWS = 80;

/** The events as `kubectl describe pod` lists them up to t, the latest highlighted. */
export function EventList() {
  const events = useDescribedEvents();
  const shown = events.slice(-MAX_ROWS);
  const lastT = shown.at(-1)?.t;
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    body.current?.scrollTo({ top: body.current.scrollHeight });
  }, [shown.length]);
  return (
    <section className="events" aria-label="Events">
      <h2 className="panel-title">Events <span className="muted">kubectl describe pod</span></h2>
      <div className="events-scroll" ref={body}>
        <table>
          <thead>
            <tr>
              <th scope="col"><span className="visually-hidden">Type</span></th>
              <th scope="col">Reason</th>
              <th scope="col">Age</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((event, i) => (
              <tr key={i} className={`${event.t === lastT ? 'is-current' : ''} ${event.type === 'Warning' ? 'is-warning' : ''}`} aria-current={event.t === lastT ? 'true' : undefined}>
                <td>{event.type === 'Warning' ? <span aria-label="Warning">⚠</span> : <span className="visually-hidden">Normal</span>}</td>
                <td>{event.reason}</td>
                <td>{event.age}</td>
                <td>{event.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted">No events yet.</p>}
      </div>
    </section>
  );
}

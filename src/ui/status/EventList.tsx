import { memo, useEffect, useRef, useState } from 'react';
import { useDescribedEvents, type ShownEvent } from '../../app/useStatusAt';

/** No row is shorter than this (one line of the table's text), in px. */
const MIN_ROW_PX = 14;

/**
 * The Events as `kubectl describe pod` lists them up to t, the latest highlighted. Rows are
 * keyed by Event, so a new one adds a row and an age ticking over rewrites one cell. The list
 * keeps to its end by CSS (a reversed flex column), not by scrolling from script; while it
 * does, only the rows that can be in sight are rendered, since every age changes every second
 * of pod time. Scrolling back brings the older rows.
 */
export function EventList() {
  const events = useDescribedEvents();
  const { box, following, rowsInSight } = useFollowEnd();
  const shown = following ? events.slice(-rowsInSight) : events;
  const lastT = events.at(-1)?.t;
  return (
    <section className="events" aria-label="Events">
      <h2 className="panel-title">Events <span className="muted">kubectl describe pod</span></h2>
      <div className="events-scroll" ref={box}>
        <div>
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
              {shown.map((event) => (
                <EventRow key={event.key} event={event} current={event.t === lastT} />
              ))}
            </tbody>
          </table>
          {events.length === 0 && <p className="muted">No events yet.</p>}
        </div>
      </div>
    </section>
  );
}

/** Whether the list is at its end, and how many rows at most fit in the box. */
function useFollowEnd() {
  const box = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const [rowsInSight, setRowsInSight] = useState(20);
  useEffect(() => {
    const element = box.current!;
    // In a reversed column the end is scrollTop 0; scrolling back makes it negative.
    const onScroll = () => setFollowing(element.scrollTop > -2);
    const resize = new ResizeObserver(([entry]) => setRowsInSight(Math.ceil(entry!.contentRect.height / MIN_ROW_PX) + 1));
    element.addEventListener('scroll', onScroll, { passive: true });
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, []);
  return { box, following, rowsInSight };
}

const EventRow = memo(function EventRow({ event, current }: { event: ShownEvent; current: boolean }) {
  const warning = event.type === 'Warning';
  return (
    <tr className={`${current ? 'is-current' : ''} ${warning ? 'is-warning' : ''}`} aria-current={current ? 'true' : undefined}>
      <td>{warning ? <span aria-label="Warning">⚠</span> : <span className="visually-hidden">Normal</span>}</td>
      <td>{event.reason}</td>
      <td>{event.age}</td>
      <td>{event.message}</td>
    </tr>
  );
});

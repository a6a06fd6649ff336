import { memo, useEffect, useRef, useState } from 'react';
import { MAX_EVENT_ROWS, useDescribedEvents, type ShownEvent } from '../../app/useStatusAt';

/** Rows rendered before the first measurement. */
const FIRST_GUESS = 8;

/**
 * The Events as `kubectl describe pod` lists them up to t, the latest highlighted. Rows are
 * keyed by Event, so a new one adds a row and an age ticking over rewrites one cell. The list
 * keeps to its end by CSS (a reversed flex column), not by scrolling from script; while it
 * does, only the rows in sight are computed and rendered (and one more), since every age changes
 * every second of pod time. Scrolling back brings the older rows.
 */
export default function EventTable() {
  const { box, table, following, rowsInSight } = useFollowEnd();
  const events = useDescribedEvents(following ? rowsInSight : MAX_EVENT_ROWS);
  const lastT = events.at(-1)?.t;
  return (
    <div className="events-body">
      <div className="events-scroll" ref={box}>
        <div>
          <table ref={table}>
            <colgroup>
              <col className="events-col-type" />
              <col className="events-col-reason" />
              <col className="events-col-age" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th scope="col"><span className="visually-hidden">Type</span></th>
                <th scope="col">Reason</th>
                <th scope="col">Age</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <EventRow key={event.key} event={event} current={event.t === lastT} />
              ))}
            </tbody>
          </table>
          {events.length === 0 && <p className="muted">No events yet.</p>}
        </div>
      </div>
    </div>
  );
}

/**
 * Whether the list is at its end, and how many of the newest rows it takes to fill the box (plus
 * one), counted from the rows' real heights whenever the box or the table changes size.
 */
function useFollowEnd() {
  const box = useRef<HTMLDivElement>(null);
  const table = useRef<HTMLTableElement>(null);
  const [following, setFollowing] = useState(true);
  const [rowsInSight, setRowsInSight] = useState(FIRST_GUESS);
  useEffect(() => {
    const element = box.current!;
    // In a reversed column the end is scrollTop 0; scrolling back makes it negative.
    const onScroll = () => setFollowing(element.scrollTop > -2);
    const measure = () => {
      const rows = table.current!.tBodies[0]!.rows;
      let filled = table.current!.tHead!.getBoundingClientRect().height;
      let count = 0;
      for (let i = rows.length - 1; i >= 0 && filled < element.clientHeight; i--, count++) {
        filled += rows[i]!.getBoundingClientRect().height;
      }
      // Too few rows rendered to fill the box: render more (the next measurement trims them).
      setRowsInSight((shown) => (filled >= element.clientHeight ? count + 1 : rows.length >= shown ? shown * 2 : shown));
    };
    const resize = new ResizeObserver(measure);
    element.addEventListener('scroll', onScroll, { passive: true });
    resize.observe(element);
    resize.observe(table.current!);
    return () => {
      element.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, []);
  return { box, table, following, rowsInSight };
}

const EventRow = memo(function EventRow({ event, current }: { event: ShownEvent; current: boolean }) {
  const warning = event.type === 'Warning';
  return (
    <tr className={`${current ? 'is-current' : ''} ${warning ? 'is-warning' : ''}`} aria-current={current ? 'true' : undefined}>
    {/* The type is named, not hidden text: a row's hidden text would be a layer of its own. */}
    <td>{warning ? <span role="img" aria-label="Warning">⚠</span> : <span role="img" aria-label="Normal" />}</td>
    <td>{event.reason}</td>
    <td>{event.age}</td>
    <td>{event.message}</td>
    </tr>
  );
});

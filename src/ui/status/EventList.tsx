import { lazy, Suspense } from 'react';

// Fetched as the page loads, beside the first render: the panel and its title hold its place meanwhile.
const table = import('./EventTable.chunk');
const EventTable = lazy(() => table);

/** The pod's Events, as `kubectl describe pod` lists them at t (see EventTable). */
export function EventList() {
  return (
    <section className="events" aria-label="Events">
      <h2 className="panel-title">Events <span className="muted">kubectl describe pod</span></h2>
      <Suspense fallback={<div className="events-body" />}>
        <EventTable />
      </Suspense>
    </section>
  );
}

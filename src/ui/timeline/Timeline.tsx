import { lazy, Suspense } from 'react';

// Fetched as the page loads, beside the first render: the panel and its title hold its place meanwhile.
const panel = import('./TimelinePanel.chunk');
const TimelinePanel = lazy(() => panel);

/** The timeline's panel (see TimelinePanel): lanes of the containers' states over time, events, a cursor at t. */
export function Timeline() {
  return (
    <section className="timeline" aria-label="Timeline">
      <Suspense
        fallback={
          <div className="timeline-head">
            <div className="timeline-title">
              <h2 className="panel-title">Timeline</h2>
            </div>
          </div>
        }
      >
        <TimelinePanel />
      </Suspense>
    </section>
  );
}

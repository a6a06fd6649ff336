import { lazy, Suspense } from 'react';
import { selectPlaying, selectT } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { formatSeconds } from '../shared/format';

// Fetched as the page loads, beside the first render: the heading holds the panel's place meanwhile.
const controls = import('./BreakItControls.chunk');
const BreakItControls = lazy(() => controls);

/** Acts on the pod at the current time; each act becomes a timed action in the scenario. */
export function BreakIt() {
  return (
    <section className="break-it" aria-label="Break it">
      <h2 className="panel-title">Break it <Now /></h2>
      <Suspense fallback={<div className="break-it-loading" />}>
        <BreakItControls />
      </Suspense>
    </section>
  );
}

/** Paused, the time an act would be recorded at; playing, the player's clock already says it. */
function Now() {
  const playing = useAppStore(selectPlaying);
  return (
    <span className="break-now">
      <span className="break-now-text muted">{playing ? 'at the time shown' : <PausedAt />}</span>
    </span>
  );
}

function PausedAt() {
  const t = useAppStore(selectT);
  return <>at {formatSeconds(t)}</>;
}

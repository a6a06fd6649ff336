import { lazy, Suspense } from 'react';
import { usePlaybackClock } from './app/usePlaybackClock';
import { PodCanvas } from './ui/canvas/PodCanvas';
import { SidePanel } from './ui/inspector/SidePanel';
import { Palette } from './ui/palette/Palette';
import { PlayerBar } from './ui/player/PlayerBar';
import { ImportDialogSlot } from './ui/import/ImportDialogSlot';
import { NoticeBar } from './ui/share/NoticeBar';
import { AppHeader } from './ui/shell/AppHeader';
import { EventList } from './ui/status/EventList';
import { StatusStrip } from './ui/status/StatusStrip';
import { WhatsHappening } from './ui/status/WhatsHappening';
import { Timeline } from './ui/timeline/Timeline';

// Fetched as the page loads, beside the first render rather than in its bundle: nothing shown needs it.
const globalInputs = import('./ui/shell/GlobalInputs.chunk');
const GlobalInputs = lazy(() => globalInputs);

/** The shell: it composes the features and owns the clock and the page's inputs, nothing else. */
export function App() {
  usePlaybackClock();
  return (
    <>
      <div className="app">
        <AppHeader />
        <Palette />
        <main className="stage">
          <PodCanvas />
          <WhatsHappening />
          <PlayerBar />
          <StatusStrip />
        </main>
        <SidePanel />
        <div className="bottom">
          <Timeline />
          <EventList />
        </div>
      </div>
      <NoticeBar />
      <ImportDialogSlot />
      <Suspense fallback={null}>
        <GlobalInputs />
      </Suspense>
    </>
  );
}

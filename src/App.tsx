import { useKeyboardShortcuts } from './app/useKeyboardShortcuts';
import { usePlaybackClock } from './app/usePlaybackClock';
import { PodCanvas } from './ui/canvas/PodCanvas';
import { SidePanel } from './ui/inspector/SidePanel';
import { Palette } from './ui/palette/Palette';
import { PlayerBar } from './ui/player/PlayerBar';
import { ImportDialogSlot } from './ui/import/ImportDialogSlot';
import { useFileDrop } from './ui/import/useFileDrop';
import { NoticeBar } from './ui/share/NoticeBar';
import { AppHeader } from './ui/shell/AppHeader';
import { EventList } from './ui/status/EventList';
import { StatusStrip } from './ui/status/StatusStrip';
import { WhatsHappening } from './ui/status/WhatsHappening';
import { Timeline } from './ui/timeline/Timeline';

/** The shell: it composes the features and owns the clock and the shortcuts, nothing else. */
export function App() {
  usePlaybackClock();
  useKeyboardShortcuts();
  const dragging = useFileDrop();
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
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop a YAML file to import its pod</p>
        </div>
      )}
    </>
  );
}

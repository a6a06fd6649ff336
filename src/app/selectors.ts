/** Selectors at module scope, each returning a primitive or a memoised reference. */
import type { ScenarioResult } from '../scenario/parse-scenario';
import type { PodView } from '../scenario/edit-read';
import { podViewOf, runOf, scenarioResultOf, type Run } from './derived';
import type { AppState, Selection, Speed } from './store';

export const selectSource = (s: AppState): string => s.scenario.source;
export const selectT = (s: AppState): number => s.playback.t;
export const selectPlaying = (s: AppState): boolean => s.playback.playing;
export const selectSpeed = (s: AppState): Speed => s.playback.speed;
export const selectHorizon = (s: AppState): number | null => s.playback.horizon;
export const selectSelected = (s: AppState): Selection => s.selection.selected;
export const selectSelectedName = (s: AppState): string | null =>
  s.selection.selected?.kind === 'container' ? s.selection.selected.name : null;

export const selectRun = (s: AppState): Run | undefined => runOf(s.scenario.source, s.playback.horizon);
export const selectResult = (s: AppState): ScenarioResult => scenarioResultOf(s.scenario.source);
export const selectPodView = (s: AppState): PodView => podViewOf(s.scenario.source);
/** The run's end in pod seconds (0 before any valid scenario). */
export const selectEnd = (s: AppState): number => selectRun(s)?.trace.end ?? 0;
/** Whole seconds of t: for what only changes once a second (ages, countdowns). */
export const selectSecond = (s: AppState): number => Math.floor(s.playback.t);
/** Pod seconds per real second from which states change too fast to ease each one in. */
export const SWIFT_SPEED = 10;
/** Playing at SWIFT_SPEED or faster: the screen switches states at once. */
export const selectSwift = (s: AppState): boolean =>
  s.playback.playing && typeof s.playback.speed === 'number' && s.playback.speed >= SWIFT_SPEED;

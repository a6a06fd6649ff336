/**
 * The one store, in three slices. Only the scenario slice (the YAML text) is undoable; the run,
 * the pod status and everything shown at t are derived from it and never stored (see derived.ts).
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import { EXAMPLE_SCENARIO } from './example-scenario';

export interface ScenarioSlice {
  /** The scenario as the user's YAML text: the source of truth, valid or not. */
  source: string;
}

export type Selection = { kind: 'container'; name: string } | { kind: 'pod' } | null;

export interface SelectionSlice {
  selected: Selection;
}

/** Pod seconds per real second, or 'events': jump from one event to the next. */
export type Speed = number | 'events';

export interface PlaybackSlice {
  /** Pod time shown, in seconds since creation. */
  t: number;
  playing: boolean;
  speed: Speed;
  /** Where the run stops when the pod does not finish by itself; null lets the engine choose. */
  horizon: number | null;
}

export interface AppState {
  scenario: ScenarioSlice;
  selection: SelectionSlice;
  playback: PlaybackSlice;
}

export const initialState = (): AppState => ({
  scenario: { source: EXAMPLE_SCENARIO },
  selection: { selected: { kind: 'container', name: 'web' } },
  playback: { t: 0, playing: false, speed: 2, horizon: null },
});

export const useAppStore = create<AppState>()(
  temporal(() => initialState(), {
    partialize: (state) => ({ scenario: state.scenario }),
    equality: (past, current) => past.scenario === current.scenario,
    limit: 300,
  }),
);

export type AppStore = typeof useAppStore;

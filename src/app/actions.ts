/**
 * The app's actions, in the domain's words. Module-level functions over the store, usable from
 * components, keyboard handlers and tests alike. Scenario edits go through src/scenario/edit-*.
 */
import { addAction, removeAction as removeActionAt, setActionField as setActionFieldAt } from '../scenario/edit-actions';
import type { ProbeAnswers, ProbeKind } from '../engine/types';
import { setBehaviorField as setBehavior, setProbeWindowField as setProbeWindow } from '../scenario/edit-behavior';
import * as containers from '../scenario/edit-containers';
import type { ContainerKind, ContainerTemplate } from '../scenario/templates';
import { DEFAULT_NODE_DOWN } from '../scenario/validate-actions';
import { nextEventTime, previousEventTime, runOf } from './derived';
import { selectPodView } from './selectors';
import { EMPTY_SCENARIO, EXAMPLE_SCENARIO } from './example-scenario';
import { useAppStore, type Selection, type Speed } from './store';

const get = () => useAppStore.getState();

function setSource(source: string, selected?: Selection): void {
  const state = get();
  if (source === state.scenario.source && selected === undefined) return;
  useAppStore.setState({
    scenario: source === state.scenario.source ? state.scenario : { source },
    ...(selected === undefined ? {} : { selection: { selected } }),
  });
}

const edit = (change: (source: string) => string) => setSource(change(get().scenario.source));

/** An edit of the scenario text that a lazily loaded panel brings along (an undoable step like any other). */
export const editScenario = edit;

/** Replaces the whole text (the YAML editor); the run follows if it is valid. */
export const replaceSource = (source: string) => setSource(source);

/**
 * Opens a whole scenario (library, import, share link): the pod is selected, playback pauses at t.
 * Undoable like any edit.
 */
export function openScenario(source: string, t = 0): void {
  setSource(source, { kind: 'pod' });
  pause();
  seek(t);
}

export function loadExample(): void {
  setSource(EXAMPLE_SCENARIO, { kind: 'container', name: 'web' });
  seek(0);
}

export function loadEmpty(): void {
  setSource(EMPTY_SCENARIO, { kind: 'pod' });
  seek(0);
}

export function addContainer(template: ContainerTemplate, kind: ContainerKind = template.kind, index?: number): string {
  const { source, name } = containers.addContainer(get().scenario.source, template, kind, index);
  setSource(source, { kind: 'container', name });
  return name;
}

export function removeContainer(name: string): void {
  setSource(containers.removeContainer(get().scenario.source, name), { kind: 'pod' });
}

export function duplicateContainer(name: string): void {
  const { source, name: copy } = containers.duplicateContainer(get().scenario.source, name);
  setSource(source, { kind: 'container', name: copy });
}

export function moveContainer(name: string, kind: ContainerKind, index: number): void {
  edit((source) => containers.moveContainer(source, name, kind, index));
}

export function renameContainer(from: string, to: string): void {
  const next = containers.renameContainer(get().scenario.source, from, to);
  setSource(next, get().selection.selected?.kind === 'container' ? { kind: 'container', name: to } : undefined);
}

export function setContainerField(name: string, path: readonly (string | number)[], value: unknown): void {
  edit((source) => containers.setContainerField(source, name, path, value));
}

export function setBehaviorField(name: string, field: string, value: unknown): void {
  edit((source) => setBehavior(source, name, field, value));
}

/** One field of one probe's own window; `undefined` lets the probe follow the container again. */
export function setProbeWindowField(name: string, probe: ProbeKind, field: keyof ProbeAnswers, value: unknown): void {
  edit((source) => setProbeWindow(source, name, probe, field, value));
}

export function setPodField(path: readonly (string | number)[], value: unknown): void {
  edit((source) => containers.setPodField(source, path, value));
}

/** The current time, rounded so the action reads well in the YAML. */
const now = () => Math.round(get().playback.t * 10) / 10;

export function killContainerAt(container: string, exitCode: number): void {
  edit((source) => addAction(source, { at: now(), do: 'kill', container, exitCode }));
}

export function oomKillContainerAt(container: string): void {
  edit((source) => addAction(source, { at: now(), do: 'kill', container, oom: true }));
}

/** From now on, `probe` (every probe, when none is given) of the container fails. */
export function failProbesAt(container: string, probe?: ProbeKind): void {
  edit((source) => addAction(source, probe ? { at: now(), do: 'fail-probes', container, probe } : { at: now(), do: 'fail-probes', container }));
}

/** `kubectl set image` now: from this time on the container's spec names `image`. */
export function setImageAt(container: string, image: string): void {
  edit((source) => addAction(source, { at: now(), do: 'set-image', container, image }));
}

/** A client patches the pod's status now: the readiness gate's condition becomes `status`. */
export function setConditionAt(condition: string, status: 'True' | 'False'): void {
  edit((source) => addAction(source, { at: now(), do: 'set-condition', condition, status }));
}

/** The node goes down now, for the scenario format's default time, and comes back. */
export function rebootNodeAt(): void {
  edit((source) => addAction(source, { at: now(), do: 'reboot-node', down: DEFAULT_NODE_DOWN }));
}

/** The node runs low on memory now, past a hard threshold: the kubelet evicts the pod. */
export function evictPodAt(): void {
  edit((source) => addAction(source, { at: now(), do: 'evict', resource: 'memory' }));
}

/** `kubectl drain` now: the Eviction API marks the pod DisruptionTarget and deletes it. */
export function drainNodeAt(): void {
  edit((source) => addAction(source, { at: now(), do: 'drain' }));
}

/** The node shuts down now, its kubelet stopping the pod within the node's shutdown grace period. */
export function shutdownNodeAt(): void {
  edit((source) => addAction(source, { at: now(), do: 'shutdown-node' }));
}

/** The image `kubectl debug` is told to run here: a small one with a shell. */
export const DEBUG_IMAGE = 'busybox:1.36';

/** `kubectl debug -it POD --image=busybox:1.36 --target=TARGET` now: an ephemeral container joins the pod. */
export function debugContainerAt(target: string): void {
  const { source, name } = containers.addEphemeralContainer(get().scenario.source, DEBUG_IMAGE, target, now());
  setSource(source, { kind: 'container', name });
}

/** A missing ConfigMap or Secret is created now (`kubectl create`). */
export function createObjectAt(object: string): void {
  edit((source) => addAction(source, { at: now(), do: 'create', object }));
}

export function deletePodAt(): void {
  edit((source) => addAction(source, { at: now(), do: 'delete' }));
}

/** Removes an action; a debug action takes the ephemeral container it adds with it (and what else names it). */
export function removeAction(index: number): void {
  const action = selectPodView(get()).actions[index];
  if (action?.do === 'debug' && typeof action.container === 'string') removeContainer(action.container);
  else edit((source) => removeActionAt(source, index));
}

export function setActionField(index: number, field: string, value: unknown): void {
  edit((source) => setActionFieldAt(source, index, field, value));
}

export function select(selected: Selection): void {
  useAppStore.setState({ selection: { selected } });
}

const currentTrace = () => runOf(get().scenario.source, get().playback.horizon)?.trace;

function setPlayback(patch: Partial<ReturnType<typeof get>['playback']>): void {
  useAppStore.setState((state) => ({ playback: { ...state.playback, ...patch } }));
}

export function seek(t: number): void {
  const end = currentTrace()?.end ?? 0;
  setPlayback({ t: Math.max(0, Math.min(end, t)) });
}

export function play(): void {
  const trace = currentTrace();
  if (!trace) return;
  if (get().playback.t >= trace.end) setPlayback({ t: 0 });
  setPlayback({ playing: true });
}

export const pause = () => setPlayback({ playing: false });
export const togglePlay = () => (get().playback.playing ? pause() : play());

export function stepForward(): void {
  const trace = currentTrace();
  if (!trace) return;
  setPlayback({ playing: false, t: nextEventTime(trace, get().playback.t) ?? trace.end });
}

export function stepBack(): void {
  const trace = currentTrace();
  if (!trace) return;
  setPlayback({ playing: false, t: previousEventTime(trace, get().playback.t) ?? 0 });
}

export const restart = () => setPlayback({ t: 0 });
export const setSpeed = (speed: Speed) => setPlayback({ speed });
export const setHorizon = (horizon: number | null) => setPlayback({ horizon });

export const undo = () => useAppStore.temporal.getState().undo();
export const redo = () => useAppStore.temporal.getState().redo();

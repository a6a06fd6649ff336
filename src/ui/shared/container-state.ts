/**
 * How a container's state reads on screen: a tone (colour), an icon and words, so that no state
 * is told by colour alone. Pure: from the engine's status to text.
 */
import type { ContainerStatus } from '../../engine/trace';
import type { ContainerMoment } from '../../app/containers-at';
import { terminationWords } from './termination-words';

export type Tone = 'idle' | 'waiting' | 'starting' | 'running' | 'ready' | 'done' | 'failed' | 'stopping';

export interface StateLook {
  tone: Tone;
  icon: string;
  label: string;
  /** The reason or detail, in plain words. */
  detail: string;
  /** The container's termination message, shortened, where the detail quotes it (a node may cut the detail). */
  said?: string;
}

const KILL_REASONS: Record<string, string> = {
  PodDeleted: 'pod deleted',
  PodCompleted: 'pod completed',
  InitContainerFailed: 'an init container failed',
  DeadlineExceeded: 'deadline exceeded',
  Evicted: 'pod evicted',
  NodeShutdown: 'node shutting down',
  LivenessProbeFailed: 'liveness probe failed',
  StartupProbeFailed: 'startup probe failed',
  FailedPostStartHook: 'postStart hook failed',
  DefinitionChanged: 'image changed',
};

/** An ephemeral container before kubectl debug adds it: in the YAML, not yet in the pod. */
export const NOT_ADDED: StateLook = { tone: 'idle', icon: '·', label: 'Not added', detail: 'kubectl debug adds it later' };

/** `ephemeral`: the kubelet never reports an ephemeral container started or ready, only running. */
export function lookOf(status: ContainerStatus | undefined, moment: ContainerMoment, ephemeral = false): StateLook {
  if (!status) return { tone: 'idle', icon: '·', label: 'Not created', detail: 'not yet' };
  const { state } = status;
  if (state.running) {
    if (moment.kind === 'stopping') {
      const how = moment.signal === 'preStop' ? 'preStop hook' : moment.signal ? `${moment.signal} sent` : 'stopping';
      const why = KILL_REASONS[moment.reason];
      return { tone: 'stopping', icon: '▽', label: 'Stopping', detail: why ? `${how} · ${why}` : how };
    }
    if (ephemeral) return { tone: 'running', icon: '▶', label: 'Running', detail: 'running; never counts as ready' };
    if (!status.started) return { tone: 'starting', icon: '◔', label: 'Starting', detail: 'running, not started yet' };
    if (status.ready) return { tone: 'ready', icon: '✔', label: 'Ready', detail: 'running, started, ready' };
    return { tone: 'running', icon: '▶', label: 'Running', detail: 'started, not ready' };
  }
  if (state.terminated) {
    const { exitCode, reason, message } = state.terminated;
    const said = terminationWords(message);
    // Short with a message, which a node has little room for.
    const words = said ? { detail: `exit ${exitCode}: ${said}`, said } : { detail: `terminated, exit code ${exitCode}` };
    return exitCode === 0
      ? { tone: 'done', icon: '■', label: 'Completed', ...words }
      : { tone: 'failed', icon: '✖', label: reason || 'Error', ...words };
  }
  const reason = state.waiting?.reason ?? 'Waiting';
  if (moment.kind === 'backoff') {
    const wait = moment.secondsLeft === undefined ? 'waiting to retry' : `retry in ${moment.secondsLeft}s`;
    // Why it died, in its own words, while it waits to run again.
    const said = terminationWords(status.lastState.terminated?.message);
    return { tone: 'failed', icon: '⟳', label: reason, ...(said ? { detail: `${wait} · ${said}`, said } : { detail: wait }) };
  }
  // A config error says what is missing in a few words (secret "db" not found), a start error in
  // runc's (exec: "app": executable file not found in $PATH); pull errors say it at length.
  if (reason === 'CreateContainerConfigError' && state.waiting?.message) return { tone: 'failed', icon: '⟳', label: reason, detail: state.waiting.message };
  if (reason === 'RunContainerError' && state.waiting?.message) {
    const said = terminationWords(state.waiting.message);
    return { tone: 'failed', icon: '⟳', label: reason, detail: said, said };
  }
  if (/BackOff|Err|Invalid|Error/.test(reason)) return { tone: 'failed', icon: '⟳', label: reason, detail: 'waiting' };
  if (reason === 'PodInitializing') return { tone: 'idle', icon: '…', label: 'Waiting', detail: 'PodInitializing' };
  return { tone: 'waiting', icon: '…', label: 'Waiting', detail: reason };
}

/** The tone of a status recorded in a history (the timeline spans): the same words, no moment. */
export function toneOf(status: ContainerStatus | undefined, ephemeral = false): Tone {
  return lookOf(status, { kind: 'none' }, ephemeral).tone;
}

export function spanLabel(status: ContainerStatus, ephemeral = false): string {
  const look = lookOf(status, { kind: 'none' }, ephemeral);
  if (status.state.terminated) return `${look.label} (exit ${status.state.terminated.exitCode})`;
  if (status.state.waiting) return status.state.waiting.reason;
  return look.label;
}

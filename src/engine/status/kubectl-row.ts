/**
 * The row `kubectl get pod` prints for the pod at t: NAME READY STATUS RESTARTS AGE.
 * k/k: pkg/printers/internalversion/printers.go printPod.
 */
import type { ContainerState, Trace } from '../trace';
import { humanDuration } from './human-duration';
import { podExistsAt, podStatusAt } from './status-at';

export interface KubectlRow {
  name: string;
  ready: string;
  status: string;
  restarts: string;
  age: string;
  /** The pod object is gone: kubectl would answer NotFound. */
  deleted?: boolean;
}

function terminatedReason(state: ContainerState): string {
  const terminated = state.terminated!;
  if (terminated.reason) return terminated.reason;
  return terminated.exitCode > 128 ? `Signal:${terminated.exitCode - 128}` : `ExitCode:${terminated.exitCode}`;
}

export function kubectlRow(trace: Trace, t: number): KubectlRow {
  const exists = podExistsAt(trace, t);
  // After deletion we show the last row kubectl printed, flagged as gone.
  const at = exists ? t : trace.deletedAt! - 1e-9;
  const status = podStatusAt(trace, at);
  const sidecar = new Map(trace.pod.initContainers.map((c) => [c.name, c.sidecar]));
  const initCount = trace.pod.initContainers.length;
  const total = trace.pod.containers.length + trace.pod.initContainers.filter((c) => c.sidecar).length;

  let reason: string = status.reason ?? status.phase;
  let ready = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  let sidecarRestarts = 0;
  let lastSidecarRestart: number | undefined;
  let initializing = false;

  for (let i = 0; i < status.initContainerStatuses.length; i++) {
    const c = status.initContainerStatuses[i]!;
    const isSidecar = sidecar.get(c.name) === true;
    restarts += c.restartCount;
    const finished = c.lastState.terminated?.finishedAt;
    if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
    if (isSidecar) {
      sidecarRestarts += c.restartCount;
      if (finished !== undefined && (lastSidecarRestart === undefined || finished > lastSidecarRestart)) lastSidecarRestart = finished;
    }
    if (c.state.terminated && c.state.terminated.exitCode === 0) continue;
    if (isSidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    initializing = true;
    if (c.state.terminated) reason = `Init:${terminatedReason(c.state)}`;
    else if (c.state.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${initCount}`;
    break;
  }

  const initialized = status.conditions.some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    for (let i = status.containerStatuses.length - 1; i >= 0; i--) {
      const c = status.containerStatuses[i]!;
      restarts += c.restartCount;
      const finished = c.lastState.terminated?.finishedAt;
      if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
      if (c.state.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state.terminated) reason = terminatedReason(c.state);
      else if (c.ready && c.state.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (status.deletionTimestamp !== undefined && status.phase !== 'Succeeded' && status.phase !== 'Failed') {
    reason = 'Terminating';
  }

  const row: KubectlRow = {
    name: trace.pod.name,
    ready: `${ready}/${total}`,
    status: reason,
    restarts: restarts > 0 && lastRestart !== undefined ? `${restarts} (${humanDuration(at - lastRestart)} ago)` : `${restarts}`,
    age: humanDuration(at),
  };
  if (!exists) row.deleted = true;
  return row;
}

/** The row as kubectl lays it out, with its header. */
export function formatKubectlTable(row: KubectlRow): string {
  if (row.deleted) return `Error from server (NotFound): pods "${row.name}" not found`;
  const cells = [
    ['NAME', row.name],
    ['READY', row.ready],
    ['STATUS', row.status],
    ['RESTARTS', row.restarts],
    ['AGE', row.age],
  ];
  const widths = cells.map(([h, v]) => Math.max(h!.length, v!.length));
  const line = (i: 0 | 1) => cells.map((c, k) => (k === cells.length - 1 ? c[i]! : c[i]!.padEnd(widths[k]! + 3))).join('');
  return `${line(0)}\n${line(1)}`;
}

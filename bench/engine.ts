/**
 * Engine benchmarks: a typical pod, a large crash-looping one, and how time grows with events.
 * Medians over several runs; the machine is shared, so ratios matter more than absolutes.
 */
import { simulate } from '../src/engine/simulate';
import type { PodModel } from '../src/engine/types';
import { app, init, pod, probe, sidecar } from '../src/engine/testing/pod-builder';

/** About 8 containers, 10 minutes of pod time, with probes, hooks, a crash loop and a deletion. */
export function typicalPod(): PodModel {
  return pod({
    initContainers: [
      init('wait-for-db', { run: 2, exitCode: 1, attempts: [{}, { exitCode: 0 }] }),
      init('migrate', { run: 5 }),
      sidecar('log-shipper', { stop: 1 }),
      sidecar('mesh-proxy', { startup: 3, stop: 1 }, { startupProbe: probe({ periodSeconds: 1, failureThreshold: 30 }), readinessProbe: probe({ periodSeconds: 5 }) }),
    ],
    containers: [
      app('web', { startup: 4, preStop: 5, stop: 2 }, { readinessProbe: probe({ periodSeconds: 5 }), livenessProbe: probe({ periodSeconds: 10 }), preStop: true }),
      app('api', { run: 90, exitCode: 1 }, { readinessProbe: probe({ periodSeconds: 10 }) }),
      app('metrics', {}, { livenessProbe: probe({ periodSeconds: 15 }) }),
      app('config-reloader', { postStart: 1 }, { postStart: true }),
    ],
    actions: [{ at: 540, do: 'delete' }],
  });
}

/** `containers` crash-looping regular containers (plus a few init containers) for `hours` hours. */
export function crashLoopingPod(containers: number, runSeconds: number): PodModel {
  return pod({
    initContainers: [init('setup', { run: 1 }), sidecar('proxy', { run: 3600, exitCode: 1 })],
    containers: Array.from({ length: containers }, (_, i) => app(`worker-${i}`, { run: runSeconds + (i % 7), exitCode: i % 3 === 0 ? 137 : 1 })),
  });
}

/** Containers that run a little over 600 s and crash: each restarts at once, forever. */
export function steadyPod(containers: number): PodModel {
  return pod({ containers: Array.from({ length: containers }, (_, i) => app(`worker-${i}`, { run: 601 + i, exitCode: 1 })) });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time (ms) of `fn`, batching fast calls so each sample lasts long enough to time. */
function measure(fn: () => void, samples: number, minSampleMs = 20): number {
  // Warm up first, so the samples time optimised code rather than the JIT at work.
  const warmUntil = performance.now() + 300;
  while (performance.now() < warmUntil) fn();
  let batch = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    if (performance.now() - start >= minSampleMs || batch >= 1 << 20) break;
    batch *= 2;
  }
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) fn();
    times.push((performance.now() - start) / batch);
  }
  return median(times);
}

export interface EngineBench {
  typicalPodMedianMs: number;
  typicalPodEvents: number;
  largePodMedianMs: number;
  largePodEvents: number;
  eventsPerSecond: number;
  linearityRatio: number;
}

export function runEngineBench(): EngineBench {
  const typical = typicalPod();
  const typicalEvents = simulate(typical).events.length;
  const typicalPodMedianMs = measure(() => simulate(typical), 15);

  const large = crashLoopingPod(100, 30);
  const day = { until: 86_400 };
  const largePodEvents = simulate(large, day).events.length;
  const largePodMedianMs = measure(() => simulate(large, day), 7, 0);

  // Same pod, 10x the pod time: 10x the events. Runs just over 600 s reset the backoff ladder
  // every time, so the pod is in the same steady state all along and its events grow in
  // proportion to time (a pod still climbing its ladder would mix two regimes). Time per event
  // should stay flat.
  const small = steadyPod(50);
  const short = { until: 36_000 };
  const long = { until: 360_000 };
  const eventsShort = simulate(small, short).events.length;
  const eventsLong = simulate(small, long).events.length;
  const perEventShort = measure(() => simulate(small, short), 7, 0) / eventsShort;
  const perEventLong = measure(() => simulate(small, long), 7, 0) / eventsLong;

  return {
    typicalPodMedianMs,
    typicalPodEvents: typicalEvents,
    largePodMedianMs,
    largePodEvents,
    eventsPerSecond: Math.round(largePodEvents / (largePodMedianMs / 1000)),
    linearityRatio: perEventLong / perEventShort,
  };
}

/**
 * Exponential backoff per key, as client-go's flowcontrol.Backoff that the kubelet uses twice:
 * crash-loop backoff (kubelet.go newCrashLoopBackOff: 10 s doubling to 300 s by default, entry
 * expired when the container ran longer than 600 s since the last restart attempt) and image-pull
 * backoff (image_manager.go: 10 s doubling to 300 s, entry expired after 2 × max idle). No jitter.
 */
import type { KubeletConfig } from '../types';

export const CRASH_LOOP_INITIAL = 10;
export const CRASH_LOOP_MAX = 300;
/** pkg/kubelet/container: ReducedInitialCrashLoopBackOff and ReducedMaxCrashLoopBackOff. */
const REDUCED_CRASH_LOOP_INITIAL = 1;
const REDUCED_CRASH_LOOP_MAX = 60;
/** kubelet.go: a container that ran this long since the last restart attempt resets its backoff. */
export const CRASH_LOOP_RESET = 600;
export const IMAGE_BACKOFF_INITIAL = 10;
export const IMAGE_BACKOFF_MAX = 300;

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class Backoff {
  private entries = new Map<string, Entry>();

  constructor(
    private readonly initial: number,
    private readonly max: number,
    private readonly expiry: number,
  ) {}

  private expired(eventTime: number, entry: Entry): boolean {
    return eventTime - entry.lastUpdate > this.expiry;
  }

  /**
   * Records an attempt at `now` for an event at `eventTime`: the first (or one after expiry, judged
   * at eventTime) sets the initial delay, later ones double it. client-go: Backoff.Next sets
   * lastUpdate to the clock's now, whatever eventTime it was given.
   */
  next(key: string, eventTime: number, now: number): void {
    const entry = this.entries.get(key);
    if (!entry || this.expired(eventTime, entry)) {
      this.entries.set(key, { backoff: this.initial, lastUpdate: now });
    } else {
      entry.backoff = Math.min(entry.backoff * 2, this.max);
      entry.lastUpdate = now;
    }
  }

  /** Crash loop: the container finished at `eventTime`; held back until eventTime + backoff. */
  backoffUntilSince(key: string, eventTime: number, now: number): number | null {
    const entry = this.entries.get(key);
    if (!entry || this.expired(eventTime, entry)) return null;
    return now - eventTime < entry.backoff ? eventTime + entry.backoff : null;
  }

  /** Image pulls: held back until the last failed attempt + backoff. */
  backoffUntilSinceUpdate(key: string, now: number): number | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    return now - entry.lastUpdate < entry.backoff ? entry.lastUpdate + entry.backoff : null;
  }

  delay(key: string): number {
    return this.entries.get(key)?.backoff ?? this.initial;
  }
}

/**
 * The crash-loop backoff entry of a container: kuberuntime_manager.go getStableKey joins the pod,
 * the container name and HashContainer, which hashes only the name and the image
 * (pkg/kubelet/container/helpers.go pickFieldsToHash). A new image starts a fresh ladder.
 */
export function backoffKey(spec: { name: string; image: string }): string {
  return `${spec.name}:${spec.image}`;
}

/**
 * kubelet.go newCrashLoopBackOff: 10 s doubling to 300 s; from 1 s to 60 s with
 * ReduceDefaultCrashLoopBackOffDecay (alpha, off by default). KubeletCrashLoopBackOffMax (beta and
 * on by default since 1.35, pkg/features/kube_features.go) then makes the node's
 * maxContainerRestartPeriod the max, defaulted to 300 s (kubelet config defaults.go) even over the
 * reduced 60 s, and lowers the initial delay to it when it is below.
 */
export function crashLoopLadder(kubelet: KubeletConfig = {}): { initial: number; max: number } {
  const reduced = kubelet.featureGates?.ReduceDefaultCrashLoopBackOffDecay === true;
  let initial = reduced ? REDUCED_CRASH_LOOP_INITIAL : CRASH_LOOP_INITIAL;
  let max = reduced ? REDUCED_CRASH_LOOP_MAX : CRASH_LOOP_MAX;
  if (kubelet.featureGates?.KubeletCrashLoopBackOffMax !== false) {
    max = kubelet.maxContainerRestartPeriod ?? CRASH_LOOP_MAX;
    initial = Math.min(initial, max);
  }
  return { initial, max };
}

export function crashLoopBackoff(kubelet?: KubeletConfig): Backoff {
  const { initial, max } = crashLoopLadder(kubelet);
  return new Backoff(initial, max, CRASH_LOOP_RESET);
}

export function imagePullBackoff(): Backoff {
  return new Backoff(IMAGE_BACKOFF_INITIAL, IMAGE_BACKOFF_MAX, 2 * IMAGE_BACKOFF_MAX);
}

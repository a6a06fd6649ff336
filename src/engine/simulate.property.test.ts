import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryCrashLoopPod, arbitraryPod } from './arbitrary-pod';
import { CRASH_LOOP_INITIAL, CRASH_LOOP_MAX, CRASH_LOOP_RESET, crashLoopLadder } from './rules/restart-backoff';
import { DEFAULT_HORIZON, simulate } from './simulate';
import { containerNames, finalPhase, isTerminal, killBound, RUNS, traceOf, workerBusyBound } from './testing/property-kit';
import { indexedEvents, runsOf, type EventOf } from './testing/trace-runs';
import type { ContainerModel, PodModel, RestartPolicy } from './types';
import type { Trace } from './trace';

// Properties of every lifecycle the engine plays, checked against the kubelet rules in
// /work/shared/k8s-lifecycle-reference.md (§ numbers below); a pod stopped from outside has its own
// file (disruption.property.test.ts).

describe('simulate', () => {
  it('is deterministic and leaves its input alone', () => {
    fc.assert(
      fc.property(arbitraryPod, (pod) => {
        const before = JSON.stringify(pod);
        const first = JSON.stringify(simulate(pod));
        expect(JSON.stringify(pod)).toBe(before);
        expect(JSON.stringify(simulate(pod))).toBe(first);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('never goes back in time', () => {
    fc.assert(
      fc.property(arbitraryPod, (pod) => {
        const trace = traceOf(pod);
        let last = 0;
        for (const e of trace.events) {
          expect(e.t).toBeGreaterThanOrEqual(last);
          expect(e.t).toBeLessThanOrEqual(trace.end);
          last = e.t;
        }
        expect(trace.end).toBeLessThanOrEqual(DEFAULT_HORIZON);
        const histories = [trace.phase, trace.conditions, ...Object.values(trace.containerStatuses)];
        for (const history of histories) {
          for (let i = 1; i < history.length; i++) expect(history[i]!.t).toBeGreaterThan(history[i - 1]!.t);
        }
      }),
      RUNS,
    );
  });

  // §4: init containers run one at a time, in order; a regular one must exit 0 (and not be
  // OOMKilled) before the next starts, a sidecar must be started (startup probe passed).
  it('never runs two regular init containers at once', () => {
    fc.assert(
      fc.property(arbitraryPod, (pod) => {
        const trace = traceOf(pod);
        const intervals = pod.initContainers
          .filter((c) => c.role === 'init')
          .flatMap((c) => runsOf(trace, c.name).map((r) => ({ name: c.name, from: r.startIndex, to: r.exit?.index ?? Infinity })));
        for (const a of intervals) {
          for (const b of intervals) {
            if (a.name === b.name) continue;
            expect(a.from < b.to && b.from < a.to, `${a.name} and ${b.name} overlap`).toBe(false);
          }
        }
      }),
      RUNS,
    );
  });

  it('starts a container only after every init container before it has completed', () => {
    fc.assert(
      fc.property(arbitraryPod, (pod) => {
        const trace = traceOf(pod);
        const ordered = [...pod.initContainers, ...pod.containers];
        const containerStarted = indexedEvents(trace, 'ContainerStarted');
        ordered.forEach((c, i) => {
          const first = runsOf(trace, c.name)[0];
          if (!first) return;
          for (const before of ordered.slice(0, Math.min(i, pod.initContainers.length))) {
            if (before.role === 'init') {
              const completed = runsOf(trace, before.name).some(
                (r) => r.exit && r.exit.exitCode === 0 && r.exit.reason !== 'OOMKilled' && r.exit.index < first.startIndex,
              );
              expect(completed, `${c.name} started before init container ${before.name} completed`).toBe(true);
            } else {
              const started = containerStarted.some((e) => e.container === before.name && e.index < first.startIndex);
              expect(started, `${c.name} started before sidecar ${before.name} was started`).toBe(true);
            }
          }
        });
      }),
      RUNS,
    );
  });

  it('creates, starts, then exits each container instance exactly once; one that cannot start exits at once', () => {
    fc.assert(
      fc.property(arbitraryPod, (pod) => {
        const trace = traceOf(pod);
        for (const name of containerNames(pod)) {
          const lifecycle = trace.events.filter(
            (e): e is EventOf<'Created'> | EventOf<'Started'> | EventOf<'Exited'> =>
              (e.type === 'Created' || e.type === 'Started' || e.type === 'Exited') && e.container === name,
          );
          let running = false;
          for (let i = 0, instance = 0; i < lifecycle.length; instance++) {
            const [created, next, exit] = lifecycle.slice(i, i + 3);
            expect(created!.type, `${name}: instance ${instance} is created first`).toBe('Created');
            expect(next, `${name}: instance ${instance} is started or fails to start at once`).toMatchObject({ t: created!.t, restartCount: instance });
            if (next!.type === 'Exited') {
              expect(next!.reason, `${name}: an exit at creation`).toBe('StartError');
              i += 2;
              continue;
            }
            expect(next!.type).toBe('Started');
            running = exit === undefined;
            if (exit) expect(exit).toMatchObject({ type: 'Exited', restartCount: instance });
            if (exit?.type === 'Exited') expect(exit.reason, `${name}: a run that started`).not.toBe('StartError');
            i += 3;
          }
          // A finished pod has stopped every container (§11).
          if (trace.finished) expect(running, `${name} still runs in a finished pod`).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

// §9: doBackOff. The backoff entry of a container is created at its first restart (10 s), doubled
// up to 300 s at each later one, and reset when the container finishes more than 600 s after the
// entry's lastUpdate — the moment of the previous restart (client-go Backoff.Next stamps Clock.Now()).
describe('crash-loop backoff', () => {
  const ladder = (restarts: number) => Math.min(CRASH_LOOP_INITIAL * 2 ** restarts, CRASH_LOOP_MAX);

  it('holds every restart back at least as long as the ladder says', () => {
    fc.assert(
      fc.property(arbitraryPod, (pod) => {
        const trace = traceOf(pod);
        // Within the default horizon no entry can expire, so the n-th restart waits ladder(n - 2) or longer.
        expect(trace.end).toBeLessThanOrEqual(CRASH_LOOP_RESET);
        for (const name of containerNames(pod)) {
          // An image update starts a new ladder (the key hashes the image), and so does a node reboot
          // (the restarted kubelet has no back-off left): count within one image and one kubelet.
          const resets = [...indexedEvents(trace, 'ImageUpdated').filter((e) => e.container === name), ...indexedEvents(trace, 'NodeUp')];
          const image = (index: number) => resets.filter((u) => u.index < index).length;
          const runs = runsOf(trace, name);
          for (let i = 1; i < runs.length; i++) {
            const gap = runs[i]!.start - runs[i - 1]!.exit!.t;
            const before = runs.slice(0, i).filter((r) => image(r.startIndex) === image(runs[i]!.startIndex)).length;
            if (before >= 2) expect(gap, `${name}: restart ${i}`).toBeGreaterThanOrEqual(ladder(before - 2));
          }
          const backOffs = indexedEvents(trace, 'BackOff').filter((e) => e.container === name);
          backOffs.forEach((e, k) => {
            expect([10, 20, 40, 80, 160, 300]).toContain(e.delay);
            if (k > 0 && image(backOffs[k - 1]!.index) === image(e.index)) expect(e.delay).toBeGreaterThanOrEqual(backOffs[k - 1]!.delay);
            // The BackOff names the last exit; the next start comes no earlier than that exit + delay.
            const exited = runs.filter((r) => r.exit && r.exit.index < e.index).pop()!;
            const next = runs.find((r) => r.startIndex > e.index);
            if (next && image(next.startIndex) === image(e.index)) expect(next.start - exited.exit!.t).toBeGreaterThanOrEqual(e.delay);
          });
        }
      }),
      RUNS,
    );
  });

  // doBackOff calls backOff.Next(key, FinishedAt), and client-go's Next judges expiry at that
  // exit but sets lastUpdate to the clock's now: the restart. The ladder resets after a run longer than 600 s.
  it('restarts exactly when the backoff expires, when nothing else keeps the pod worker busy', () => {
    const until = 2400;
    fc.assert(
      fc.property(arbitraryCrashLoopPod, (pod) => {
        const trace = simulate(pod, { until });
        // The node's crash-loop settings, when the pod has some (KEP-4603's alpha gates).
        const node = crashLoopLadder(pod.kubelet);
        for (const name of containerNames(pod)) {
          let entry: { backoff: number; lastUpdate: number } | undefined;
          const runs = runsOf(trace, name);
          runs.forEach((run, i) => {
            const exit = run.exit;
            if (!exit) return;
            const expired = entry !== undefined && exit.t - entry.lastUpdate > CRASH_LOOP_RESET;
            const delay = entry && !expired ? entry.backoff : 0;
            const next = runs[i + 1];
            if (!restartsAfter(containerOf(pod, name), pod.restartPolicy, exit.exitCode)) {
              expect(next, `${name} restarted after exit ${exit.exitCode}`).toBeUndefined();
              return;
            }
            if (exit.t + delay > until) return;
            expect(next, `${name}: no restart after the exit at ${exit.t}`).toBeDefined();
            expect(next!.start - exit.t, `${name}: wait after the exit at ${exit.t}`).toBe(delay);
            entry = entry && !expired ? { backoff: Math.min(entry.backoff * 2, node.max), lastUpdate: next!.start } : { backoff: node.initial, lastUpdate: next!.start };
          });
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
  });
});

// §13 getPhase, §5 KillPod at completion, §11 deletion.
describe('pod phase', () => {
  const undisturbed = (pod: PodModel) => pod.activeDeadlineSeconds === undefined && !pod.actions.some((a) => a.do === 'delete' || a.do === 'drain' || a.do === 'evict' || a.do === 'shutdown-node');

  it('never ends on its own a pod whose containers all restart Always (by their own policy or the pod\'s)', () => {
    fc.assert(
      fc.property(arbitraryPod.filter((pod) => alwaysRestarts(pod) && undisturbed(pod)), (pod) => {
        const trace = traceOf(pod);
        expect(trace.finished).toBe(false);
        expect(indexedEvents(trace, 'PodPhase').filter((e) => isTerminal(e.phase))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('ends a pod that finished on its own Succeeded exactly when every regular container last exited 0', () => {
    fc.assert(
      // Pods that always restart never end on their own (above).
      fc.property(arbitraryPod.filter((pod) => !alwaysRestarts(pod) && undisturbed(pod)), (pod) => {
        const trace = traceOf(pod);
        const lastExits = pod.containers.map((c) => runsOf(trace, c.name).pop()?.exit);
        const done = lastExits.every((e, i) => e && !restartsAfter(pod.containers[i]!, pod.restartPolicy, e.exitCode));
        if (done) {
          // Sidecars never keep a pod alive (§5), but the kubelet only looks at regular containers
          // while the last init container is done (§4): a crash-looping last sidecar stalls it.
          const doneAt = Math.max(...lastExits.map((e) => e!.t));
          const busy = workerBusyBound(pod);
          if (lastInitStaysDone(pod, trace, doneAt, busy) && doneAt + busy + killBound(pod.terminationGracePeriodSeconds) <= DEFAULT_HORIZON) {
            expect(trace.finished).toBe(true);
          }
        }
        if (!trace.finished) return;
        const succeeded = lastExits.every((e) => e?.exitCode === 0);
        expect(finalPhase(trace).phase).toBe(succeeded ? 'Succeeded' : 'Failed');
      }),
      RUNS,
    );
  });

  it('fails a pod whose regular init container of restart policy Never (its own, or the pod\'s) fails', () => {
    const neverRestarts = (pod: PodModel) => (c: ContainerModel) => c.role === 'init' && (c.restartPolicy ?? pod.restartPolicy) === 'Never';
    fc.assert(
      fc.property(arbitraryPod.filter((pod) => pod.initContainers.some(neverRestarts(pod))), (pod) => {
        const trace = traceOf(pod);
        // An exit in the pod's own stop (a deletion, an eviction, a node shutdown) is no failure of its own.
        const stops = [...indexedEvents(trace, 'DeletionRequested'), ...indexedEvents(trace, 'Evicted'), ...indexedEvents(trace, 'NodeShutdown')];
        const stopIndex = Math.min(...stops.map((e) => e.index));
        const failure = pod.initContainers
          .filter(neverRestarts(pod))
          .flatMap((c) => runsOf(trace, c.name))
          .map((r) => r.exit)
          .find((e) => e && e.exitCode !== 0 && e.index < stopIndex && e.t < (pod.activeDeadlineSeconds ?? Infinity));
        fc.pre(failure !== undefined);
        // Nothing regular starts after it; nothing at all, unless a node reboot ran the init containers again.
        const rebooted = indexedEvents(trace, 'NodeDown').some((e) => e.index < failure!.index);
        for (const c of pod.containers) {
          const runs = runsOf(trace, c.name);
          expect(rebooted ? runs.filter((r) => r.startIndex > failure!.index) : runs, `${c.name} started`).toEqual([]);
        }
        // A sync computed before the failure may still restart a sidecar it had killed (§3: the pod
        // worker finishes its sync); the next sync kills the pod.
        const busy = workerBusyBound(pod);
        for (const c of pod.initContainers) {
          const late = runsOf(trace, c.name).filter((r) => r.startIndex > failure!.index);
          if (c.role === 'init') expect(late, `${c.name} started after the failure`).toEqual([]);
          else for (const r of late) expect(r.start, `${c.name} restarted after the failure`).toBeLessThanOrEqual(failure!.t + busy);
        }
        if (failure!.t + busy + killBound(pod.terminationGracePeriodSeconds) <= DEFAULT_HORIZON) expect(trace.finished).toBe(true);
        if (trace.finished) expect(finalPhase(trace).phase).toBe('Failed');
      }),
      RUNS,
    );
  });

});

/**
 * kubelet: ShouldContainerBeRestarted for an exited regular container (no deletion): its first
 * restart rule that matches the exit code, else its own restartPolicy, else the pod's.
 */
function restartsAfter(c: ContainerModel, podPolicy: RestartPolicy, exitCode: number): boolean {
  const ruled = c.restartPolicy !== undefined && c.restartPolicyRules?.some(({ exitCodes: { operator, values } }) => values.includes(exitCode) === (operator === 'In'));
  const policy = c.restartPolicy ?? podPolicy;
  return ruled === true || policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
}

const containerOf = (pod: PodModel, name: string) => [...pod.initContainers, ...pod.containers].find((c) => c.name === name)!;

/** Every regular container restarts after any exit, and every init container after a failure (by its own policy or the pod's). */
const alwaysRestarts = (pod: PodModel) =>
  pod.containers.every((c) => (c.restartPolicy ?? pod.restartPolicy) === 'Always') &&
  pod.initContainers.every((c) => c.role === 'sidecar' || (c.restartPolicy ?? pod.restartPolicy) !== 'Never');

/**
 * Whether the last init container counts as done from `doneAt` until the pod worker is free again:
 * a regular one always (it completed before any regular container ran), a sidecar if it was
 * started by then and did not go down on its own while the worker may still be busy.
 */
function lastInitStaysDone(pod: PodModel, trace: Trace, doneAt: number, busy: number): boolean {
  const last = pod.initContainers[pod.initContainers.length - 1];
  if (!last || last.role === 'init') return true;
  const started = indexedEvents(trace, 'ContainerStarted').filter((e) => e.container === last.name);
  const completionKills = indexedEvents(trace, 'Killing').filter((e) => e.container === last.name && e.reason === 'PodCompleted');
  return runsOf(trace, last.name).some((r) => {
    const endIndex = r.exit?.index ?? Infinity;
    const up = started.some((e) => e.index > r.startIndex && e.index < endIndex && e.t <= doneAt);
    const stays = !r.exit || r.exit.t > doneAt + busy || completionKills.some((k) => k.index > r.startIndex && k.index < endIndex);
    return up && stays;
  });
}

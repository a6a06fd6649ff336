import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { app, eventsOf, init, pod, sidecar } from '../testing/pod-builder';
import { podStatusAt } from './status-at';

// kubelet: pkg/kubelet/status/status_manager.go mergePodStatus holds back a terminal phase while
// the pod could still have running containers (pod_workers.go CouldHaveRunningContainers).
describe('a terminal phase reaches the API only once no container can run', () => {
  it('an init container failing under Never leaves the pod Pending until its sidecar has stopped', () => {
    const trace = simulate(
      pod({
        restartPolicy: 'Never',
        initContainers: [sidecar('proxy', { stop: 5, stopExitCode: 0 }), init('migrate', { run: 2, exitCode: 1 })],
        containers: [app('web')],
      }),
    );
    expect(eventsOf(trace, 'PodPhase').map((e) => [e.t, e.phase])).toEqual([[0, 'Pending'], [7, 'Failed']]);
    const during = podStatusAt(trace, 4);
    expect(during.phase).toBe('Pending');
    // The kubelet-owned conditions already follow the generated phase.
    expect(during.conditions.find((c) => c.type === 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodFailed' });
  });

  it('a pod past its activeDeadlineSeconds stays Running, without its reason, until its containers have stopped', () => {
    const trace = simulate(pod({ activeDeadlineSeconds: 10, containers: [app('web', { stop: 3 })] }));
    expect(podStatusAt(trace, 11)).toMatchObject({ phase: 'Running' });
    expect(podStatusAt(trace, 11).reason).toBeUndefined();
    expect(eventsOf(trace, 'PodPhase').at(-1)).toEqual({ t: 13, type: 'PodPhase', phase: 'Failed', reason: 'DeadlineExceeded' });
  });
});

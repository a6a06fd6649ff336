import { describe, expect, it } from 'vitest';
import { simulate } from '../simulate';
import { kubectlRow } from '../status/kubectl-row';
import { podStatusAt } from '../status/status-at';
import { app, eventsOf, init, pod } from '../testing/pod-builder';

const reads = (object: string, optional = false, key?: string) => ({ configRefs: [key === undefined ? { object, optional } : { object, key, optional }] });

// kuberuntime_container.go startContainer: the image first, then generateContainerConfig, whose
// environment (kubelet_pods.go makeEnvironmentVariables) reads the ConfigMaps and Secrets; the pod
// worker requeues a failed sync after backOffPeriod (pod_workers.go completeWork).
describe('a container whose environment reads a ConfigMap or Secret that does not exist', () => {
  const trace = simulate(
    pod({
      containers: [app('web', {}, reads('secret/db-password')), app('metrics')],
      missingObjects: ['secret/db-password'],
      actions: [{ at: 35, do: 'create', object: 'secret/db-password' }],
    }),
    { until: 60 },
  );

  it('fails its start with CreateContainerConfigError, its image pulled first, and the others start', () => {
    const web = podStatusAt(trace, 5).containerStatuses.find((c) => c.name === 'web');
    expect(web?.state.waiting).toMatchObject({ reason: 'CreateContainerConfigError', message: 'secret "db-password" not found' });
    expect(kubectlRow(trace, 5)).toMatchObject({ ready: '1/2', status: 'CreateContainerConfigError', restarts: '0' });
    const first = trace.events.filter((e) => e.t === 0 && 'container' in e && e.container === 'web' && e.event).map((e) => `${e.event!.reason}: ${e.event!.message}`);
    expect(first.slice(0, 2)).toEqual(['Pulled: Container image "example/web:1.0" already present on machine', 'Failed: Error: secret "db-password" not found']);
    expect(eventsOf(trace, 'Started').map((e) => e.container)).toContain('metrics');
  });

  it('tries again at every sync: those the pod brings at first, then 10 s after the last failed one', () => {
    const tries = eventsOf(trace, 'ConfigMissing', 'web').map((e) => e.t);
    expect(tries.filter((t) => t < 2).length).toBeGreaterThanOrEqual(2);
    expect(tries.filter((t) => t >= 2)).toEqual([11, 21, 31]);
  });

  it('starts at the first try after the Secret is created, not when it is created', () => {
    expect(eventsOf(trace, 'ObjectCreated').map((e) => [e.t, e.object])).toEqual([[35, 'secret/db-password']]);
    expect(eventsOf(trace, 'Started', 'web').map((e) => [e.t, e.restartCount])).toEqual([[41, 0]]);
    expect(kubectlRow(trace, 40)).toMatchObject({ ready: '1/2', status: 'CreateContainerConfigError' });
    expect(kubectlRow(trace, 42)).toMatchObject({ ready: '2/2', status: 'Running' });
  });
});

describe('config errors in the init sequence, and optional references', () => {
  it('holds the init sequence at an init container that cannot be created: Init:CreateContainerConfigError', () => {
    const trace = simulate(
      pod({ initContainers: [init('migrate', { run: 1 }, reads('configmap/db-config'))], containers: [app('web')], missingObjects: ['configmap/db-config'] }),
      { until: 30 },
    );
    expect(kubectlRow(trace, 25)).toMatchObject({ ready: '0/1', status: 'Init:CreateContainerConfigError' });
    expect(eventsOf(trace, 'Started')).toEqual([]);
    expect(podStatusAt(trace, 25).phase).toBe('Pending');
  });

  it('starts a container whose missing reference is optional', () => {
    const trace = simulate(pod({ containers: [app('web', {}, reads('configmap/flags', true))], missingObjects: ['configmap/flags'] }), { until: 10 });
    expect(eventsOf(trace, 'ConfigMissing')).toEqual([]);
    expect(eventsOf(trace, 'Started', 'web').map((e) => e.t)).toEqual([0]);
  });

  it('fails a container whose env variable reads a key its object lacks, in the kubelet\'s words, until the key is added', () => {
    const trace = simulate(
      pod({ containers: [app('web', {}, reads('configmap/app', false, 'LOG_LEVEL'))], missingObjects: ['configmap/app/LOG_LEVEL'], actions: [{ at: 15, do: 'create', object: 'configmap/app/LOG_LEVEL' }] }),
      { until: 40 },
    );
    expect(eventsOf(trace, 'ConfigMissing')[0]!.event?.message).toBe("Error: couldn't find key LOG_LEVEL in ConfigMap default/app");
    expect(podStatusAt(trace, 5).containerStatuses[0]!.state.waiting).toMatchObject({ reason: 'CreateContainerConfigError', message: "couldn't find key LOG_LEVEL in ConfigMap default/app" });
    expect(eventsOf(trace, 'Started', 'web').map((e) => e.t)).toEqual([21]);
  });

  it('starts a container whose optional key reference names a missing key', () => {
    const trace = simulate(pod({ containers: [app('web', {}, reads('secret/db', true, 'token'))], missingObjects: ['secret/db/token'] }), { until: 10 });
    expect(eventsOf(trace, 'Started', 'web').map((e) => e.t)).toEqual([0]);
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simulate } from '../engine/simulate';
import { readPod } from './edit-read';
import { addInferredBehaviors } from './add-inferred-behaviors';
import { addEphemeralContainer, removeContainer, renameContainer } from './edit-containers';
import { exportRunnable } from './runnable-export';
import { parseScenario } from './parse-scenario';
import { issueLines } from './testing/gate-kit';

const pod = (ephemeral: string, actions = '[{at: 30, do: debug, container: debugger}]') => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/behavior: |
      debugger: {stop: ignore}
    podlab.dev/actions: '${actions}'
spec:
  containers:
    - {name: app, image: nginx:1.27}
  ephemeralContainers:
    - ${ephemeral}
`;

/** A pod of one container, app, with no annotations. */
const base = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - {name: app, image: nginx:1.27}
`;

describe('spec.ephemeralContainers at the scenario gate', () => {
  it('reads one into the model with its target, its behaviour and the debug action that adds it', () => {
    const result = parseScenario(pod('{name: debugger, image: busybox:1.36, targetContainerName: app, stdin: true, tty: true}'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.model.ephemeralContainers).toMatchObject([{ name: 'debugger', role: 'ephemeral', targetContainerName: 'app', behavior: { stop: 'ignore' } }]);
    expect(result.model.actions).toEqual([{ at: 30, do: 'debug', container: 'debugger' }]);
  });

  it('adds one that no action adds as the pod starts, as read back from a cluster (with its empty resources)', () => {
    const result = parseScenario(pod('{name: debugger, image: busybox:1.36, resources: {}, terminationMessagePath: /dev/termination-log}', '[]'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.model.actions).toEqual([{ at: 0, do: 'debug', container: 'debugger' }]);
  });

  // validation.go validateEphemeralContainers and allowedEphemeralContainerFields.
  it('refuses what the API server refuses on an ephemeral container, naming the field', () => {
    const at = (field: string) => `13 spec.ephemeralContainers[0].${field}`;
    expect(issueLines(pod('{name: app, image: busybox:1.36, targetContainerName: ghost, ports: [{containerPort: 80}], readinessProbe: {exec: {command: [true]}}, lifecycle: {preStop: {sleep: {seconds: 1}}}, restartPolicy: Always, resources: {limits: {cpu: 100m}}}'))).toEqual([
      `${at('name')}: Duplicate value: "app"`,
      `${at('ports')}: Forbidden: cannot be set for an Ephemeral Container`,
      `${at('readinessProbe')}: Forbidden: cannot be set for an Ephemeral Container`,
      `${at('lifecycle')}: Forbidden: cannot be set for an Ephemeral Container`,
      `${at('restartPolicy')}: Forbidden: cannot be set for an Ephemeral Container`,
      `${at('resources')}: Forbidden: cannot be set for an Ephemeral Container`,
      `${at('targetContainerName')}: Not found: "ghost": it must name an init or regular container of the pod`,
      '7 metadata.annotations["podlab.dev/behavior"].debugger: no container named "debugger" in the pod (containers: app, app)',
      '8 metadata.annotations["podlab.dev/actions"][0].container: must name an ephemeral container, which kubectl debug adds (app), not string "debugger"',
    ]);
  });

  it('lets a debug action name only an ephemeral container, once', () => {
    const lines = issueLines(pod('{name: debugger, image: busybox:1.36}', '[{at: 5, do: debug, container: app}, {at: 30, do: debug, container: debugger}]'));
    expect(lines).toEqual([
      '8 metadata.annotations["podlab.dev/actions"][0].container: must name an ephemeral container, which kubectl debug adds (debugger), not string "app"',
    ]);
    const twice = issueLines(pod('{name: debugger, image: busybox:1.36}', '[{at: 30, do: debug, container: debugger}, {at: 40, do: debug, container: debugger}]'));
    expect(twice).toEqual(['8 metadata.annotations["podlab.dev/actions"][1].container: Duplicate value: "debugger": an ephemeral container is added once, by one debug action']);
  });
});

describe('kubectl debug as an edit', () => {
  it('adds a debugger as kubectl makes it, and the action that adds it now; removing it takes both', () => {
    const first = addEphemeralContainer(base, 'busybox:1.36', 'app', 12.5);
    const second = addEphemeralContainer(first.source, 'busybox:1.36', 'app', 20);
    expect([first.name, second.name]).toEqual(['debugger', 'debugger-2']);
    const view = readPod(second.source);
    expect(view.ephemeralContainers.map((c) => [c.name, c.role, c.spec])).toEqual([
      ['debugger', 'ephemeral', { name: 'debugger', image: 'busybox:1.36', targetContainerName: 'app', stdin: true, tty: true }],
      ['debugger-2', 'ephemeral', { name: 'debugger-2', image: 'busybox:1.36', targetContainerName: 'app', stdin: true, tty: true }],
    ]);
    expect(view.actions).toEqual([{ at: 12.5, do: 'debug', container: 'debugger' }, { at: 20, do: 'debug', container: 'debugger-2' }]);
    expect(view.behaviors.debugger).toEqual({ stop: 'ignore' });
    const result = parseScenario(second.source);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(simulate(result.model, { until: 30 }).events.filter((e) => e.type === 'Started').map((e) => [e.t, 'container' in e && e.container])).toEqual([
      [0, 'app'],
      [12.5, 'debugger'],
      [20, 'debugger-2'],
    ]);

    const removed = readPod(removeContainer(removeContainer(second.source, 'debugger'), 'debugger-2'));
    expect([removed.ephemeralContainers, removed.actions, removed.spec.ephemeralContainers]).toEqual([[], [], undefined]);
  });

  it('keeps the target when it is renamed, and lets it go when it is removed', () => {
    const { source } = addEphemeralContainer(base.replace('containers:\n', 'containers:\n    - {name: db, image: postgres:17}\n'), 'busybox:1.36', 'app', 5);
    const target = (text: string) => readPod(text).ephemeralContainers[0]!.spec.targetContainerName;
    const renamed = renameContainer(source, 'app', 'web');
    expect(target(renamed)).toBe('web');
    expect(parseScenario(renamed).ok).toBe(true);
    const gone = removeContainer(renamed, 'web');
    expect(target(gone)).toBeUndefined();
    expect(parseScenario(gone).ok).toBe(true);
  });
});

describe('ephemeral containers in the runnable export', () => {
  it('leaves them out of the manifest, which a pod cannot be created with, and gives the kubectl debug command', () => {
    const result = exportRunnable(pod('{name: debugger, image: busybox:1.36, targetContainerName: app}'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const manifest = parse(result.yaml) as { spec: Record<string, unknown>; metadata: { annotations: Record<string, string> } };
    expect(manifest.spec).not.toHaveProperty('ephemeralContainers');
    expect(parse(manifest.metadata.annotations['podlab.dev/actions']!)).toEqual([]);
    expect(parse(manifest.metadata.annotations['podlab.dev/behavior']!)).toEqual({});
    expect(result.yaml).toContain("#   at 30 s: kubectl debug web --image=busybox:1.36 --container=debugger --target=app -- sh -c 'trap '\\'''\\'' TERM; while true; do sleep 3600 & wait $!; done'");
    expect(result.notes.join('\n')).toContain('Removed spec.ephemeralContainers (debugger)');
    expect(parseScenario(result.yaml).ok).toBe(true);
  });
});

describe('a pod read back from a cluster after kubectl debug', () => {
  it('infers the debugger\'s shell, which waits at its terminal and ignores SIGTERM', () => {
    const pasted = `${base}  ephemeralContainers:
    - {name: debugger-x7k2p, image: busybox:1.36, targetContainerName: app, stdin: true, tty: true}
`;
    const { source } = addInferredBehaviors(pasted);
    const result = parseScenario(source);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.model.ephemeralContainers![0]!.behavior.stop).toBe('ignore');
    expect(source).toContain('# inferred: an interactive shell (stdin and tty)');
  });
});

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ContainerModel, PodModel } from '../engine/types';
import { parseScenario } from './parse-scenario';
import { exportRunnable, RUNNABLE_IMAGE } from './runnable-export';
import { HEALTH_FILE } from './runnable-health';

type Json = Record<string, any>;

const library = (JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as { file: string }[]).map((e) => e.file);

function exported(text: string, keepAnnotations = true) {
  const result = exportRunnable(text, { keepAnnotations });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { ...result, pod: parse(result.yaml) as Json };
}

function containers(pod: Json): Json[] {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
}

function script(pod: Json, name: string): string {
  const container = containers(pod).find((c) => c.name === name)!;
  expect(container.command.slice(0, 2)).toEqual(['sh', '-c']);
  return container.command[2] as string;
}

/**
 * The model minus what the export changes on purpose: images and probe handlers, and the ephemeral
 * containers, which a pod cannot be created with (the export's kubectl debug commands add them).
 */
function comparable({ ephemeralContainers: _ephemeral, ...model }: PodModel) {
  const strip = (c: ContainerModel) => {
    const { image: _image, imagePullPolicy: _policy, startupProbe, readinessProbe, livenessProbe, ...rest } = c;
    const timing = (p: typeof startupProbe) => (p ? { ...p, handler: undefined } : undefined);
    return { ...rest, startupProbe: timing(startupProbe), readinessProbe: timing(readinessProbe), livenessProbe: timing(livenessProbe) };
  };
  return { ...model, initContainers: model.initContainers.map(strip), containers: model.containers.map(strip), actions: model.actions.filter((a) => a.do !== 'debug') };
}

describe.each(library)('%s', (file) => {
  const text = readFileSync(`public/scenarios/${file}`, 'utf8');
  const original = parse(text) as Json;
  const { pod, yaml } = exported(text);

  it('keeps names, order, restart policies, grace period and probe timings', () => {
    expect(containers(pod).map((c) => [c.name, c.restartPolicy])).toEqual(containers(original).map((c) => [c.name, c.restartPolicy]));
    expect(pod.spec.restartPolicy).toBe(original.spec.restartPolicy);
    expect(pod.spec.terminationGracePeriodSeconds).toBe(original.spec.terminationGracePeriodSeconds);
    for (const [i, container] of containers(original).entries()) {
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        if (!container[probe]) continue;
        const { httpGet: _h, tcpSocket: _t, grpc: _g, exec: _e, ...timings } = container[probe];
        // One file for every probe, or one per probe where a probe has a window of its own.
        const file = containers(pod)[i]![probe].exec.command[2];
        expect([HEALTH_FILE, `${HEALTH_FILE}-${probe.replace('Probe', '')}`]).toContain(file);
        expect(containers(pod)[i]![probe]).toEqual({ exec: { command: ['test', '-f', file] }, ...timings });
      }
    }
  });

  it('runs busybox with a shell script in every container, or a command it lacks in one that cannot start', () => {
    const cannotStart = new Set(Object.entries(parse(original.metadata.annotations['podlab.dev/behavior'] ?? '') ?? {}).filter(([, b]) => (b as Json).startError).map(([name]) => name));
    for (const container of containers(pod)) {
      expect(container.image === RUNNABLE_IMAGE || file === 'image-pull-failure.yaml').toBe(true);
      expect(container.command).toEqual(cannotStart.has(container.name) ? ['podlab-cannot-start'] : ['sh', '-c', expect.any(String)]);
      expect(container).not.toHaveProperty('args');
    }
  });

  it('opens in Podlab as the same scenario (annotations kept)', () => {
    const before = parseScenario(text);
    const after = parseScenario(yaml);
    expect(after.ok && before.ok).toBe(true);
    if (after.ok && before.ok) expect(comparable(after.model)).toEqual(comparable(before.model));
  });

  it('drops the podlab.dev annotations on request', () => {
    const bare = exported(text, false).pod;
    expect(Object.keys(bare.metadata.annotations ?? {}).filter((k) => k.startsWith('podlab.dev/'))).toEqual([]);
  });
});

describe('what the scripts act out', () => {
  const graceful = exported(readFileSync('public/scenarios/graceful-shutdown.yaml', 'utf8'));

  it('traps SIGTERM: drains and exits with stopExitCode, or ignores it', () => {
    expect(script(graceful.pod, 'storefront')).toContain(`trap 'sleep 4; exit 0' TERM`);
    expect(script(graceful.pod, 'legacy-agent')).toContain(`trap '' TERM`);
  });

  it('makes hooks sleep as long as the behaviour says, and keeps a sleep hook as it is', () => {
    const storefront = containers(graceful.pod).find((c) => c.name === 'storefront')!;
    expect(storefront.lifecycle.preStop).toEqual({ sleep: { seconds: 5 } });
    const hook = exported(readFileSync('public/scenarios/poststart-hook-delay.yaml', 'utf8')).pod;
    expect(containers(hook)[0]!.lifecycle.postStart).toEqual({ exec: { command: ['sh', '-c', 'sleep 8'] } });
  });

  it('creates the health file at startup and removes it when the app turns unhealthy', () => {
    const liveness = exported(readFileSync('public/scenarios/liveness-deadlock.yaml', 'utf8')).pod;
    expect(script(liveness, 'inventory')).toContain(`(sleep 3; touch ${HEALTH_FILE}; sleep 27; rm -f ${HEALTH_FILE}) &`);
  });

  it('acts out a different run per attempt, counting runs in an emptyDir', () => {
    const { pod, notes } = exported(readFileSync('public/scenarios/init-wait-for-database.yaml', 'utf8'));
    const wait = script(pod, 'wait-for-db');
    expect(wait).toContain('case "$n" in');
    expect(wait).toMatch(/0\)\n.*\n\s+sleep 5 & wait \$!\n\s+exit 1/);
    expect(wait).toMatch(/\*\)\n.*\n\s+sleep 2 & wait \$!\n\s+exit 0/);
    expect(pod.spec.volumes).toContainEqual({ name: 'podlab-state', emptyDir: {} });
    expect(notes.join('\n')).toContain('counts its runs');
  });

  it('exhausts memory for an OOM kill, within the memory limit', () => {
    const { pod } = exported(readFileSync('public/scenarios/oom-kill.yaml', 'utf8'));
    expect(script(pod, 'cache-loader')).toMatch(/sleep 25 & wait \$!\nexec tail \/dev\/zero\n$/);
    expect(pod.spec.containers[0].resources.limits.memory).toBe('128Mi');
  });
});

describe('scenarios beyond the library', () => {
  const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: odd
  namespace: shop
  annotations:
    podlab.dev/behavior: |
      app: {run: 1, exitCode: 3, oom: true}
    podlab.dev/actions: |
      - {at: 5, do: fail-probes, container: app}
      - {at: 8, do: kill, container: app, exitCode: 2}
      - {at: 30, do: delete, gracePeriodSeconds: 3}
spec:
  serviceAccountName: robot
  volumes:
    - name: config
      configMap: {name: app-config}
    - name: scratch
      emptyDir: {}
  containers:
    - name: app
      image: example.com/app:1
      args: [--serve]
      envFrom: [{configMapRef: {name: app-env}}]
      env:
        - name: TOKEN
          valueFrom: {secretKeyRef: {name: app-secret, key: token}}
`;
  const { pod, yaml, notes } = exported(scenario);

  it('writes the actions as kubectl commands to run by hand', () => {
    expect(yaml).toContain('#   at 5 s: kubectl exec odd -n shop -c app -- rm -f /tmp/healthy');
    expect(yaml).toContain('#   at 8 s: kubectl exec odd -n shop -c app -- kill -USR1 1   (exits 2)');
    expect(yaml).toContain('#   at 30 s: kubectl delete pod odd -n shop --grace-period=3 --wait=false');
    expect(script(pod, 'app')).toMatch(/^trap 'exit 2' USR1\n/);
  });

  it('removes what needs objects the cluster may not have', () => {
    expect(pod.spec).not.toHaveProperty('serviceAccountName');
    expect(pod.spec.volumes).toEqual([
      { name: 'config', emptyDir: {} },
      { name: 'scratch', emptyDir: {} },
    ]);
    expect(pod.spec.containers[0]).not.toHaveProperty('envFrom');
    expect(pod.spec.containers[0].env).toEqual([{ name: 'TOKEN', value: 'podlab-placeholder' }]);
    expect(notes).toHaveLength(5);
  });

  it('writes past a container ephemeral-storage limit for its eviction, and says what no command can do', () => {
    const evicted = exported(`apiVersion: v1
kind: Pod
metadata:
  name: full
  annotations:
    podlab.dev/actions: |
      - {at: 20, do: evict, container: writer}
      - {at: 40, do: evict, resource: memory}
spec:
  containers:
    - name: writer
      image: busybox:1.36
      resources: {limits: {ephemeral-storage: 5Mi}}
`);
    expect(evicted.yaml).toContain('#   at 20 s: kubectl exec full -c writer -- dd if=/dev/zero of=/tmp/podlab-fill bs=1M count=6   (past its ephemeral-storage limit 5Mi');
    expect(evicted.yaml).toContain('#   at 40 s: the kubelet evicts the pod, its node low on memory (Podlab only');
    expect(evicted.pod.spec.containers[0].resources).toEqual({ limits: { 'ephemeral-storage': '5Mi' } });
  });

  it('fills an emptyDir past its sizeLimit, from a container that mounts it, for its eviction', () => {
    const full = exported(`apiVersion: v1
kind: Pod
metadata:
  name: cached
  annotations:
    podlab.dev/actions: |
      - {at: 20, do: evict, volume: cache}
spec:
  containers:
    - name: app
      image: nginx:1.27
      volumeMounts: [{name: cache, mountPath: /var/cache/app/}]
  volumes:
    - {name: cache, emptyDir: {sizeLimit: 3Mi}}
`);
    expect(full.yaml).toContain("#   at 20 s: kubectl exec cached -c app -- dd if=/dev/zero of=/var/cache/app/podlab-fill bs=1M count=4   (past the emptyDir cache's sizeLimit 3Mi");
    expect(full.pod.spec.volumes).toEqual([{ name: 'cache', emptyDir: { sizeLimit: '3Mi' } }]);
  });

  it("says that the crash-loop back-off of the scenario is the node's to set", () => {
    const node = exported(`apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/kubelet: |
      featureGates: {ReduceDefaultCrashLoopBackOffDecay: true, KubeletCrashLoopBackOffMax: true}
      crashLoopBackOff: {maxContainerRestartPeriod: 30s}
spec:
  containers:
    - {name: app, image: nginx:1.27}
`);
    expect(node.notes).toContain(
      "The settings of podlab.dev/kubelet are the node's, not the pod's: set them in the KubeletConfiguration of the node (featureGates.ReduceDefaultCrashLoopBackOffDecay: true, featureGates.KubeletCrashLoopBackOffMax: true, crashLoopBackOff.maxContainerRestartPeriod: 30s).",
    );
  });

  it('says how to shut the node down, with the periods its kubelet needs', () => {
    const node = exported(`apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/kubelet: |
      shutdownGracePeriod: 30s
      shutdownGracePeriodCriticalPods: 10s
    podlab.dev/actions: |
      - {at: 20, do: shutdown-node}
spec:
  containers:
    - {name: app, image: nginx:1.27}
`);
    expect(node.yaml).toContain('#   at 20 s: shut down the node the pod runs on, its kubelet set with shutdownGracePeriod 30s and shutdownGracePeriodCriticalPods 10s (on a node you own, `sudo systemctl poweroff` there; Podlab only otherwise)');
    expect(node.notes).toContain("The settings of podlab.dev/kubelet are the node's, not the pod's: set them in the KubeletConfiguration of the node (shutdownGracePeriod: 30s, shutdownGracePeriodCriticalPods: 10s).");
  });

  it('gives the priority groups of a node that shuts down by pod priority, and leaves spec.priority to the API server', () => {
    const node = exported(`apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/kubelet: |
      shutdownGracePeriodByPodPriority: [{priority: 0, shutdownGracePeriodSeconds: 20}, {priority: 100000, shutdownGracePeriodSeconds: 10}]
    podlab.dev/actions: |
      - {at: 20, do: shutdown-node}
spec:
  priorityClassName: batch-high
  priority: 100000
  containers:
    - {name: app, image: nginx:1.27}
`);
    const groups = 'shutdownGracePeriodByPodPriority: [{priority: 0, shutdownGracePeriodSeconds: 20}, {priority: 100000, shutdownGracePeriodSeconds: 10}]';
    expect(node.yaml).toContain(`#   at 20 s: shut down the node the pod runs on, its kubelet set with ${groups.replace(':', '')} (on a node you own`);
    expect(node.notes).toContain(`The settings of podlab.dev/kubelet are the node's, not the pod's: set them in the KubeletConfiguration of the node (${groups}).`);
    expect(node.notes).toContain('Removed spec.priority: the API server sets it from the priorityClassName (0 without one) and refuses a pod that gives another value.');
    expect(node.yaml).not.toMatch(/^ {2}priority/m);
  });

  it('evicts the pod alone through the API where Podlab drains the node', () => {
    const drained = exported(`apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  annotations:
    podlab.dev/actions: |
      - {at: 20, do: drain, gracePeriodSeconds: 5}
spec:
  containers:
    - {name: app, image: nginx:1.27}
`);
    expect(drained.yaml).toContain(
      `#   at 20 s: echo '{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"web","namespace":"shop"},"deleteOptions":{"gracePeriodSeconds":5}}' | kubectl create --raw /api/v1/namespaces/shop/pods/web/eviction -f -`,
    );
  });

  it('adds a memory limit so that an OOM kill can happen', () => {
    expect(pod.spec.containers[0].resources).toEqual({ limits: { memory: '32Mi' } });
  });

  it('reports an invalid scenario with field paths and lines', () => {
    const result = exportRunnable('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    - name: App\n      image: nginx\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ path: 'spec.containers[0].name', line: 6 });
  });
});

describe('the scripts run in a real shell', () => {
  const run = (text: string, signalAfterMs?: number) =>
    new Promise<number | null>((resolve) => {
      const dir = mkdtempSync(join(tmpdir(), 'podlab-'));
      const child = spawn('sh', ['-c', text.replaceAll(HEALTH_FILE, join(dir, 'healthy'))]);
      if (signalAfterMs !== undefined) setTimeout(() => child.kill('SIGTERM'), signalAfterMs);
      child.on('exit', (code) => resolve(code));
    });
  const single = (behavior: string) =>
    script(
      exported(`apiVersion: v1
kind: Pod
metadata:
  name: s
  annotations:
    podlab.dev/behavior: "app: ${behavior}"
spec:
  containers: [{name: app, image: nginx:1.27}]
`).pod,
      'app',
    );

  it('exits with the exit code after the run', async () => {
    expect(await run(single('{run: 0.2, exitCode: 3}'))).toBe(3);
  });

  it('answers SIGTERM after `stop` seconds with stopExitCode', async () => {
    expect(await run(single('{stop: 0.2, stopExitCode: 7}'), 200)).toBe(7);
  });
});

describe('termination messages and logs', () => {
  const scenario = (behavior: string, container = '') => `apiVersion: v1
kind: Pod
metadata:
  name: t
  annotations:
    podlab.dev/behavior: |
      app: ${behavior}
spec:
  restartPolicy: Never
  containers:
    - {name: app, image: nginx:1.27${container}}
`;

  it('prints the logs and writes the message to the terminationMessagePath, per attempt', () => {
    const custom = script(exported(scenario('{run: 1, exitCode: 1, message: "it\'s down", logs: "boom"}', ', terminationMessagePath: /tmp/why')).pod, 'app');
    expect(custom).toContain(`printf '%s' 'boom'\n`);
    expect(custom).toContain(`printf '%s' 'it'\\''s down' > '/tmp/why'\n`);
    const perAttempt = script(exported(scenario('{run: 1, exitCode: 1, attempts: [{message: first}]}')).pod, 'app');
    expect(perAttempt).toMatch(/ {2}0\)\n.*\n {4}printf '%s' 'first' > '\/dev\/termination-log'\n/);
    expect(perAttempt.match(/termination-log/g)).toHaveLength(1);
    expect(script(exported(scenario('{run: 1}')).pod, 'app')).not.toContain('printf');
  });

  it('writes exactly the text in a real shell, however it is quoted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podlab-'));
    const file = join(dir, 'termination-log');
    const text = script(exported(scenario(String.raw`{run: 0, exitCode: 2, message: "it's $HOME \\n done", logs: "a\n'b' %s\n"}`)).pod, 'app');
    const child = spawn('sh', ['-c', text.replaceAll('/dev/termination-log', file)]);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stdout).toBe("a\n'b' %s\n");
    expect(readFileSync(file, 'utf8')).toBe("it's $HOME \\n done");
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simulate } from '../engine';
import { parseScenario } from './parse-scenario';
import { jobOutcome } from './job-outcome';
import { importWorkload } from './workload-import';

function imported(text: string) {
  const result = importWorkload(text);
  if (!result.ok) throw new Error(result.notices.map((n) => n.message).join('\n'));
  return { ...result, pod: parse(result.source) as { metadata: Record<string, any>; spec: Record<string, any>; kind: string } };
}

const podSpec = `      containers:
        - name: app
          image: nginx:1.27
`;

function workload(kind: string, apiVersion: string, templatePath: 'spec.template' | 'cronjob'): string {
  const header = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: web\n  namespace: shop\n`;
  if (templatePath === 'cronjob') {
    return `${header}spec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: app\n              image: busybox:1.36\n              command: [sh, -c, "sleep 4"]\n`;
  }
  return `${header}spec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n${podSpec.replace(/^/gm, '  ').trimEnd()}\n`;
}

describe('importWorkload: finding the pod', () => {
  it('returns a complete Pod scenario unchanged, byte for byte', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web # comment kept
  annotations:
    podlab.dev/behavior: |
      app: {startup: 3}
spec:
  containers:
    - name: app
      image: nginx:1.27
`;
    const result = importWorkload(text);
    expect(result).toMatchObject({ ok: true, source: text, origin: { kind: 'Pod', name: 'web', document: 0, line: 1 }, inferred: [] });
    expect(result.notices).toEqual([]);
  });

  it.each([
    ['Deployment', 'apps/v1'],
    ['ReplicaSet', 'apps/v1'],
    ['DaemonSet', 'apps/v1'],
    ['ReplicationController', 'v1'],
  ])('takes the pod template of a %s', (kind, apiVersion) => {
    const result = imported(workload(kind, apiVersion, 'spec.template'));
    expect(result.pod.kind).toBe('Pod');
    expect(result.pod.metadata).toMatchObject({ name: 'web', namespace: 'shop', labels: { app: 'web' } });
    expect(result.pod.spec.containers).toEqual([{ name: 'app', image: 'nginx:1.27' }]);
    expect(result.origin).toEqual({ kind, name: 'web', document: 0, line: 1 });
    expect(result.notices[0]?.message).toBe(`Took the pod template of the ${kind} web (document 1).`);
    expect(result.job).toBeUndefined();
  });

  it('says which ConfigMaps and Secrets the pod uses, that Podlab takes them as there, and how to take one away', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          envFrom: [{secretRef: {name: db}}]
          volumeMounts: [{name: conf, mountPath: /etc/shop}]
      volumes:
        - {name: conf, configMap: {name: shop-config}}
`;
    expect(imported(text).notices.map((n) => n.message)).toContain(
      'The pod uses secret/db, configmap/shop-config: Podlab takes them as there. The Pod tab marks one missing (podlab.dev/missing), to see what the kubelet does without it.',
    );
    const missing = text.replace('metadata: {labels: {app: shop}}', 'metadata: {labels: {app: shop}, annotations: {podlab.dev/missing: "[secret/db]"}}');
    expect(imported(missing).notices.map((n) => n.message).join('\n')).not.toContain('Podlab takes');
  });

  it('names a StatefulSet pod by its ordinal', () => {
    expect(imported(workload('StatefulSet', 'apps/v1', 'spec.template')).pod.metadata.name).toBe('web-0');
  });

  // kubernetes.io "StatefulSet Basics": the pod mounts www, a volume only the controller adds.
  it('gives a StatefulSet pod the volumes of its volumeClaimTemplates, so its mounts name a volume', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers:
        - name: nginx
          image: registry.k8s.io/nginx-slim:0.24
          volumeMounts:
            - {name: www, mountPath: /usr/share/nginx/html}
            - {name: logs, mountPath: /var/log/nginx}
      volumes:
        - {name: logs, emptyDir: {}}
  volumeClaimTemplates:
    - metadata: {name: www}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
    - metadata: {name: logs}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;
    const result = imported(text);
    expect(result.pod.spec.volumes).toEqual([
      { name: 'logs', persistentVolumeClaim: { claimName: 'logs-web-0' } },
      { name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } },
    ]);
    expect(result.notices.map((n) => n.message)).toContain('Added the volumes the StatefulSet controller makes from volumeClaimTemplates: www (claim www-web-0), logs (claim logs-web-0).');
    expect(parseScenario(result.source).ok).toBe(true);
  });

  it("keeps the template's comments", () => {
    const text = workload('Deployment', 'apps/v1', 'spec.template').replace('image: nginx:1.27', 'image: nginx:1.27 # pinned');
    expect(imported(text).source).toContain('image: nginx:1.27 # pinned');
  });

  it('takes the first document that holds a pod and says which', () => {
    const text = `apiVersion: v1
kind: Service
metadata: {name: web}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
---
${workload('Deployment', 'apps/v1', 'spec.template')}---
apiVersion: v1
kind: Pod
metadata: {name: second}
spec: {containers: [{name: x, image: redis:7}]}
`;
    const result = imported(text);
    expect(result.origin).toEqual({ kind: 'Deployment', name: 'web', document: 2, line: 9 });
    expect(result.notices.map((n) => n.message)).toEqual([
      'Skipped document 1: a Service (web), which holds no pod.',
      'Skipped document 2: a ConfigMap (settings), which holds no pod.',
      'Took the pod template of the Deployment web (document 3).',
      expect.stringContaining('inferred'),
    ]);
  });

  it('looks inside a List', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata: {name: web}
  - apiVersion: v1
    kind: Pod
    metadata: {name: listed}
    spec:
      containers: [{name: app, image: nginx:1.27}]
`;
    const result = imported(text);
    expect(result.origin).toEqual({ kind: 'Pod', name: 'listed', document: 0, item: 1, line: 7 });
    expect(result.pod.metadata.name).toBe('listed');
    expect(result.notices[1]?.message).toBe('Took the Pod listed from document 1, item 2.');
  });

  it('removes what the API server sets, so the Pod can be applied', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  uid: 0d3c
  resourceVersion: "42"
  creationTimestamp: "2025-01-01T00:00:00Z"
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: "{}"
    podlab.dev/behavior: "app: {}"
spec:
  containers: [{name: app, image: nginx:1.27}]
status:
  phase: Running
`;
    const result = imported(text);
    expect(result.pod).not.toHaveProperty('status');
    expect(Object.keys(result.pod.metadata)).toEqual(['name', 'annotations']);
    expect(Object.keys(result.pod.metadata.annotations)).toEqual(['podlab.dev/behavior']);
    expect(result.notices[0]?.message).toContain('Removed what the API server sets: status, metadata.uid');
  });
});

describe('importWorkload: behaviours', () => {
  it('infers only the containers the annotation leaves out, and writes them into it', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/behavior: |
      app: {startup: 5} # mine
spec:
  initContainers:
    - name: migrate
      image: busybox:1.36
      command: [sh, -c, "sleep 4; exit 1"]
  containers:
    - name: app
      image: example.com/app:1
`;
    const result = imported(text);
    expect(result.inferred.map((i) => [i.container, i.behavior])).toEqual([['migrate', { run: 4, exitCode: 1, stop: 'ignore' }]]);
    const behavior = result.pod.metadata.annotations['podlab.dev/behavior'] as string;
    expect(parse(behavior)).toEqual({ app: { startup: 5 }, migrate: { run: 4, exitCode: 1, stop: 'ignore' } });
    expect(behavior).toContain('app: {startup: 5} # mine');
    expect(behavior).toContain('# inferred: runs `sleep 4; exit 1`: exits 1 after 4 s');
  });

  it('leaves a malformed annotation for the validator to report', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/behavior: "app: {run: [}"
spec:
  containers: [{name: app, image: nginx:1.27}]
`;
    expect(importWorkload(text)).toMatchObject({ ok: true, source: text, inferred: [] });
  });
});

describe('importWorkload: Jobs', () => {
  const job = (restartPolicy: string | null, extra = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: report
spec:
  backoffLimit: 2${extra}
  template:
    spec:
${restartPolicy === null ? '' : `      restartPolicy: ${restartPolicy}\n`}      containers:
        - name: report
          image: busybox:1.36
          command: [sh, -c, "sleep 10"]
`;

  it("keeps the template's Never or OnFailure and reads the Job's terms", () => {
    const never = imported(job('Never', '\n  activeDeadlineSeconds: 100'));
    expect(never.pod.spec.restartPolicy).toBe('Never');
    expect(never.job).toEqual({ kind: 'Job', name: 'report', restartPolicy: 'Never', backoffLimit: 2, completions: 1, activeDeadlineSeconds: 100 });
    expect(imported(job('OnFailure')).job?.restartPolicy).toBe('OnFailure');
  });

  it('uses Never, with a warning, when the template would be rejected', () => {
    for (const policy of [null, 'Always']) {
      const result = imported(job(policy));
      expect(result.pod.spec.restartPolicy).toBe('Never');
      expect(result.notices.find((n) => n.level === 'warning')?.message).toContain('must set restartPolicy Never or OnFailure');
    }
  });

  it("takes a CronJob's job template", () => {
    const result = imported(workload('CronJob', 'batch/v1', 'cronjob'));
    expect(result.job).toEqual({ kind: 'CronJob', name: 'web', restartPolicy: 'OnFailure', backoffLimit: 6, completions: 1 });
    expect(result.pod.spec.restartPolicy).toBe('OnFailure');
    expect(result.inferred[0]?.behavior).toEqual({ run: 4, stop: 'ignore' });
  });
});

describe('importWorkload: what it cannot use', () => {
  it('explains that no document holds a pod', () => {
    const result = importWorkload('apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\n- just\n- a list\n');
    expect(result.ok).toBe(false);
    expect(result.notices).toEqual([
      { level: 'info', message: 'Skipped document 1: a Service (web), which holds no pod.', document: 0, line: 1 },
      { level: 'info', message: 'Skipped document 2: not a Kubernetes object (expected a mapping with apiVersion and kind).', document: 1, line: 5 },
      expect.objectContaining({ level: 'error', message: expect.stringContaining('No pod found: none of the 2 documents') }),
    ]);
  });

  it('reports a YAML syntax error with its document and line', () => {
    const result = importWorkload('apiVersion: v1\nkind: Service\n---\nkind: Pod\nmetadata:\n  name: [web\n');
    expect(result.ok).toBe(false);
    expect(result.notices[1]).toMatchObject({ level: 'error', document: 1, line: expect.any(Number) });
    const broken = importWorkload('apiVersion: v1\nkind: Deployment\nmetadata:\n  name: "web\n');
    expect(broken.notices[0]).toMatchObject({ level: 'error', document: 0, line: expect.any(Number) });
    expect(broken.notices[0]?.message).toMatch(/^document 1: /);
  });

  it('names a workload without a pod template and goes on to the next document', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: broken}\nspec: {replicas: 1}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec: {containers: [{name: a, image: nginx:1.27}]}\n';
    const result = importWorkload(text);
    expect(result).toMatchObject({ ok: true, origin: { kind: 'Pod', name: 'ok', document: 1 } });
    expect(result.notices[0]).toEqual({
      level: 'error',
      message: 'document 1: the Deployment broken has no spec.template (its pod template), so it was skipped',
      document: 0,
      line: 1,
    });
  });

  it('refuses a pod template with ephemeral containers, as the API server does, and takes the next pod', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: debugged}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: nginx:1.27}]\n      ephemeralContainers: [{name: d, image: busybox:1.36}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec: {containers: [{name: a, image: nginx:1.27}]}\n';
    const result = importWorkload(text);
    expect(result).toMatchObject({ ok: true, origin: { kind: 'Pod', name: 'ok', document: 1 } });
    expect(result.notices[0]).toMatchObject({
      level: 'error',
      message: 'document 1: the pod template of the Deployment debugged has spec.ephemeralContainers, which the API server refuses there ("ephemeral containers not allowed in pod template"), so it was skipped',
    });
  });

  it('says so for empty input', () => {
    for (const text of ['', '   \n', '---\n']) {
      const result = importWorkload(text);
      expect(result.ok).toBe(false);
      expect(result.notices.at(-1)?.message).toContain('There is no YAML here');
    }
  });
});

describe('import, simulate, judge: whether a Job completes', () => {
  function outcome(template: string, restartPolicy = 'Never', backoffLimit = 6) {
    const text = `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  backoffLimit: ${backoffLimit}
  template:
    spec:
      restartPolicy: ${restartPolicy}
${template.replace(/^/gm, '      ')}`;
    const imported = importWorkload(text);
    if (!imported.ok || !imported.job) throw new Error('no Job imported');
    const scenario = parseScenario(imported.source);
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues));
    return jobOutcome(simulate(scenario.model), imported.job);
  }

  it('completes a Job whose container finishes', () => {
    expect(outcome('containers:\n  - {name: work, image: busybox:1.36, command: [sh, -c, "sleep 3"]}\n').completes).toBe(true);
  });

  it('fails a Job whose container fails, under Never and under OnFailure', () => {
    const failing = 'containers:\n  - {name: work, image: busybox:1.36, command: [sh, -c, "sleep 1; exit 1"]}\n';
    expect(outcome(failing)).toMatchObject({ completes: false, message: expect.stringContaining('its pod fails') });
    expect(outcome(failing, 'OnFailure', 2)).toMatchObject({ completes: false, message: expect.stringContaining('backoffLimit 2') });
  });

  // test/e2e/apps/job.go "containers restarted by container restart policy should not trigger PodFailurePolicy"
  it("completes a Job whose container fails once and is restarted in place by its own OnFailure policy", () => {
    const imported = importWorkload(`apiVersion: batch/v1
kind: Job
metadata: {name: fail-once}
spec:
  backoffLimit: 1
  podFailurePolicy:
    rules: [{action: FailJob, onExitCodes: {operator: In, values: [1]}}]
  template:
    metadata:
      annotations:
        podlab.dev/behavior: |
          work: {run: 1, exitCode: 1, attempts: [{}, {exitCode: 0}]}
    spec:
      restartPolicy: Never
      containers:
        - {name: work, image: busybox:1.36, restartPolicy: OnFailure}
`);
    if (!imported.ok || !imported.job) throw new Error('no Job imported');
    const scenario = parseScenario(imported.source);
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.issues));
    const trace = simulate(scenario.model);
    expect(trace.phase.some((entry) => entry.value.phase === 'Failed')).toBe(false);
    expect(jobOutcome(trace, imported.job)).toMatchObject({ completes: true });
  });

  it('does not complete a Job whose classic sidecar runs on', () => {
    const result = outcome('containers:\n  - {name: work, image: busybox:1.36, command: [sh, -c, "sleep 3"]}\n  - {name: proxy, image: envoyproxy/envoy:v1.31.0}\n');
    expect(result).toMatchObject({ completes: false, message: expect.stringContaining('proxy never exits') });
  });
});

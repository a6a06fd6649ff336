import { describe, expect, it } from 'vitest';
import { issueLines } from './testing/gate-kit';
import { parseScenario, validateManifest } from './parse-scenario';

const pod = (spec: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web${annotations ? `\n  annotations:\n${annotations}` : ''}
spec:
${spec}`;

describe('the scenario gate', () => {
  it('turns a valid Pod into the engine model with API defaults', () => {
    const result = parseScenario(
      pod(`  initContainers:
    - {name: proxy, image: envoy, restartPolicy: Always, startupProbe: {tcpSocket: {port: 15000}}}
  containers:
    - {name: app, image: nginx:1.27, readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 0}}`),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const { model } = result;
    expect(model).toMatchObject({ name: 'web', namespace: 'default', restartPolicy: 'Always', terminationGracePeriodSeconds: 30 });
    expect(model.initContainers[0]).toMatchObject({ role: 'sidecar', imagePullPolicy: 'Always' });
    expect(model.containers[0]).toMatchObject({ role: 'regular', imagePullPolicy: 'IfNotPresent' });
    expect(model.containers[0]!.readinessProbe).toMatchObject({ periodSeconds: 10, failureThreshold: 3, handler: 'httpGet' });
  });

  it('reads readiness gates and the conditions a client sets for them, refusing what names no gate', () => {
    const good = parseScenario(
      pod(
        `  readinessGates: [{conditionType: example.com/lb-ready}]\n  containers:\n    - {name: app, image: nginx:1.27}`,
        // Unquoted, False is a YAML boolean: taken as the word.
        `    podlab.dev/actions: |\n      - {at: 5, do: set-condition, condition: example.com/lb-ready, status: "True"}\n      - {at: 9, do: set-condition, condition: example.com/lb-ready, status: False}`,
      ),
    );
    if (!good.ok) throw new Error(JSON.stringify(good.issues));
    expect(good.model.readinessGates).toEqual(['example.com/lb-ready']);
    expect(good.model.actions).toEqual([
      { at: 5, do: 'set-condition', condition: 'example.com/lb-ready', status: 'True' },
      { at: 9, do: 'set-condition', condition: 'example.com/lb-ready', status: 'False' },
    ]);

    expect(
      issueLines(
        pod(
          `  readinessGates: [{conditionType: "bad type!"}, {condition: Ready}]\n  containers:\n    - {name: app, image: nginx:1.27}`,
          `    podlab.dev/actions: |\n      - {at: 5, do: set-condition, condition: example.com/lb-ready, status: yes}`,
        ),
      ),
    ).toEqual([
      `9 spec.readinessGates[0].conditionType: Invalid value: "bad type!": must be a qualified name: a name of up to 63 alphanumerics, '-', '_' or '.', with an optional DNS subdomain prefix and '/' (e.g. 'example.com/feature-1')`,
      '9 spec.readinessGates[1].condition: unknown field "condition": kubectl apply refuses it',
      '9 spec.readinessGates[1].conditionType: Required value',
      '7 metadata.annotations["podlab.dev/actions"][0].condition: must name one of the pod\'s readiness gates (bad type!), not string "example.com/lb-ready"',
      '7 metadata.annotations["podlab.dev/actions"][0].status: must be True or False, not string "yes"',
    ]);
    expect(issueLines(pod(`  containers:\n    - {name: app, image: nginx:1.27}`, `    podlab.dev/actions: |\n      - {at: 5, do: set-condition, condition: x, status: "True"}`))).toEqual([
      "7 metadata.annotations[\"podlab.dev/actions\"][0].do: sets a readiness gate's condition, but the pod has no spec.readinessGates",
    ]);
  });

  it('lets a set-deadline action set or lower the deadline, never raise it', () => {
    const containers = `  activeDeadlineSeconds: 60\n  containers:\n    - {name: app, image: nginx:1.27}`;
    const good = parseScenario(pod(containers, `    podlab.dev/actions: |\n      - {at: 5, do: set-deadline, activeDeadlineSeconds: 30}`));
    if (!good.ok) throw new Error(JSON.stringify(good.issues));
    expect(good.model.actions).toEqual([{ at: 5, do: 'set-deadline', activeDeadlineSeconds: 30 }]);
    expect(
      issueLines(pod(containers, `    podlab.dev/actions: |\n      - {at: 5, do: set-deadline, activeDeadlineSeconds: 30}\n      - {at: 9, do: set-deadline, activeDeadlineSeconds: 45}\n      - {at: 12, do: set-deadline, activeDeadlineSeconds: 0}`)),
    ).toEqual([
      '9 metadata.annotations["podlab.dev/actions"][2].activeDeadlineSeconds: must be a whole number of seconds from 1 to 2147483647, not number 0',
      '8 metadata.annotations["podlab.dev/actions"][1].activeDeadlineSeconds: Invalid value: 45: must be less than or equal to previous value (30): the API server lets a running pod\'s deadline be set or lowered, never raised',
    ]);
    expect(
      issueLines(pod(containers, `    podlab.dev/actions: |\n      - {at: 5, do: set-deadline, activeDeadlineSeconds: 30}\n      - {at: 9, do: set-deadline, activeDeadlineSeconds: 45}`)),
    ).toEqual([
      '8 metadata.annotations["podlab.dev/actions"][1].activeDeadlineSeconds: Invalid value: 45: must be less than or equal to previous value (30): the API server lets a running pod\'s deadline be set or lowered, never raised',
    ]);
  });

  it('accepts what the API server only warns about, with its warning at the line, and plays it as stored', () => {
    const warned = parseScenario(`apiVersion: v1
kind: Pod
metadata:
  name: web.example
spec:
  terminationGracePeriodSeconds: -5
  containers:
    - {name: app, image: nginx:1.27}`);
    if (!warned.ok) throw new Error(JSON.stringify(warned.issues));
    expect(warned.model.terminationGracePeriodSeconds).toBe(1);
    expect(warned.warnings.map((w) => `${w.line} ${w.path}: ${w.message}`)).toEqual([
      "4 metadata.name: this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]",
      '6 spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1',
    ]);
    const long = parseScenario(pod('  containers:\n    - {name: app, image: nginx:1.27}').replace('name: web', `name: ${'a'.repeat(60)}.${'b'.repeat(10)}`));
    expect(long.ok && long.warnings[0]?.message).toMatch(/recommended: \[must be no more than 63 characters must not contain dots\]$/);
    const plain = parseScenario(pod('  containers:\n    - {name: app, image: nginx:1.27}'));
    expect(plain.ok && plain.warnings).toEqual([]);
  });

  it('reads evict actions: node pressure on a resource, or a container past its ephemeral-storage limit', () => {
    const containers = `  containers:\n    - {name: app, image: nginx:1.27}\n    - {name: writer, image: busybox, resources: {limits: {ephemeral-storage: 5Mi}}}`;
    const good = parseScenario(pod(containers, `    podlab.dev/actions: |\n      - {at: 5, do: evict}\n      - {at: 6, do: evict, resource: pid}\n      - {at: 7, do: evict, container: writer}`));
    if (!good.ok) throw new Error(JSON.stringify(good.issues));
    expect(good.model.actions).toEqual([
      { at: 5, do: 'evict', resource: 'memory' },
      { at: 6, do: 'evict', resource: 'pid' },
      { at: 7, do: 'evict', resource: 'ephemeral-storage', container: 'writer' },
    ]);
    expect(good.model.containers[1]!.ephemeralStorageLimit).toBe('5Mi');
    expect(
      issueLines(pod(containers, `    podlab.dev/actions: |\n      - {at: 5, do: evict, resource: cpu}\n      - {at: 6, do: evict, container: app}\n      - {at: 7, do: evict, container: writer, resource: memory}`)),
    ).toEqual([
      '7 metadata.annotations["podlab.dev/actions"][0].resource: must be what the node runs low on: memory, ephemeral-storage, pid (absent: memory), not string "cpu"',
      '8 metadata.annotations["podlab.dev/actions"][1].container: must name a container with a resources.limits.ephemeral-storage, the one limit the kubelet evicts for (writer), not string "app"',
      '9 metadata.annotations["podlab.dev/actions"][2].resource: must be ephemeral-storage (or absent) for a container that writes past its limit',
    ]);
  });

  it('reads evict actions for an emptyDir volume past its sizeLimit', () => {
    const spec = `  containers:\n    - {name: app, image: nginx:1.27}\n  volumes:\n    - {name: cache, emptyDir: {sizeLimit: 500Mi}}\n    - {name: scratch, emptyDir: {}}`;
    const good = parseScenario(pod(spec, '    podlab.dev/actions: |\n      - {at: 5, do: evict, volume: cache}'));
    if (!good.ok) throw new Error(JSON.stringify(good.issues));
    expect(good.model.actions).toEqual([{ at: 5, do: 'evict', resource: 'ephemeral-storage', volume: 'cache' }]);
    expect(good.model.emptyDirSizeLimits).toEqual({ cache: '500Mi' });
    expect(
      issueLines(pod(spec, '    podlab.dev/actions: |\n      - {at: 5, do: evict, volume: scratch}\n      - {at: 6, do: evict, volume: cache, resource: pid}\n      - {at: 7, do: evict, volume: cache, container: app}')),
    ).toEqual([
      '7 metadata.annotations["podlab.dev/actions"][0].volume: must name an emptyDir volume with a sizeLimit, the one volume limit the kubelet evicts for (cache), not string "scratch"',
      '8 metadata.annotations["podlab.dev/actions"][1].resource: must be ephemeral-storage (or absent) for a volume written past its sizeLimit',
      '9 metadata.annotations["podlab.dev/actions"][2].volume: an eviction is for one reason: a container past its limit, or a volume past its sizeLimit, not both',
    ]);
  });

  it('reads the node kubelet configuration, checked as the kubelet checks its own', () => {
    const containers = '  containers:\n    - {name: app, image: nginx:1.27}';
    // KubeletCrashLoopBackOffMax is on by default since 1.35: the period needs no gate named.
    const good = parseScenario(pod(containers, '    podlab.dev/kubelet: |\n      crashLoopBackOff: {maxContainerRestartPeriod: 1m30s}'));
    if (!good.ok) throw new Error(JSON.stringify(good.issues));
    expect(good.model.kubelet).toEqual({ maxContainerRestartPeriod: 90 });
    const kubelet = (lines: string) => issueLines(pod(containers, `    podlab.dev/kubelet: |\n${lines.replace(/^/gm, '      ')}`));
    expect(kubelet('featureGates: {KubeletCrashLoopBackOffMax: false}\ncrashLoopBackOff: {maxContainerRestartPeriod: 30s}')).toEqual([
      '8 metadata.annotations["podlab.dev/kubelet"].crashLoopBackOff.maxContainerRestartPeriod: invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set',
    ]);
    expect(kubelet('featureGates: {KubeletCrashLoopBackOffMax: true, SidecarContainers: true}\ncrashLoopBackOff: {maxContainerRestartPeriod: 10m}')).toEqual([
      '7 metadata.annotations["podlab.dev/kubelet"].featureGates.SidecarContainers: Podlab plays only these feature gates: KubeletCrashLoopBackOffMax, ReduceDefaultCrashLoopBackOffDecay',
      '8 metadata.annotations["podlab.dev/kubelet"].crashLoopBackOff.maxContainerRestartPeriod: invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: 600 seconds) must be set between 1s and 300s',
    ]);
    expect(kubelet('featureGates: {KubeletCrashLoopBackOffMax: yes}\ncrashLoopBackOff: {maxContainerRestartPeriod: 30}\nmaxPods: 10')).toEqual([
      '7 metadata.annotations["podlab.dev/kubelet"].featureGates.KubeletCrashLoopBackOffMax: must be true or false, not string "yes"',
      '8 metadata.annotations["podlab.dev/kubelet"].crashLoopBackOff.maxContainerRestartPeriod: must be a duration such as 30s or 1m30s, not number 30',
      '9 metadata.annotations["podlab.dev/kubelet"].maxPods: Podlab plays only these KubeletConfiguration fields: featureGates, crashLoopBackOff, shutdownGracePeriod, shutdownGracePeriodCriticalPods, shutdownGracePeriodByPodPriority',
    ]);
  });

  it('reads graceful node shutdown: the periods of the node, and a shutdown-node action only where they are set', () => {
    const containers = '  priorityClassName: system-node-critical\n  containers:\n    - {name: app, image: nginx:1.27}';
    const good = parseScenario(pod(containers, '    podlab.dev/kubelet: |\n      shutdownGracePeriod: 30s\n      shutdownGracePeriodCriticalPods: 10s\n    podlab.dev/actions: "[{at: 5, do: shutdown-node}]"'));
    if (!good.ok) throw new Error(JSON.stringify(good.issues));
    expect(good.model).toMatchObject({ kubelet: { shutdownGracePeriod: 30, shutdownGracePeriodCriticalPods: 10 }, priority: 2_000_001_000, actions: [{ at: 5, do: 'shutdown-node' }] });
    expect(issueLines(pod(containers, '    podlab.dev/actions: "[{at: 5, do: shutdown-node}]"'))).toEqual([
      "6 metadata.annotations[\"podlab.dev/actions\"][0].do: the node's kubelet has no shutdownGracePeriod or shutdownGracePeriodByPodPriority (0 by default: graceful node shutdown off), so the node would power off under the running pod: set one in podlab.dev/kubelet, or play a power cut with reboot-node",
    ]);
    expect(issueLines(pod(containers, '    podlab.dev/kubelet: |\n      shutdownGracePeriod: 10s\n      shutdownGracePeriodCriticalPods: 20s'))).toEqual([
      '8 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodCriticalPods: invalid configuration: shutdownGracePeriodCriticalPods 20s must be <= shutdownGracePeriod 10s',
    ]);
    expect(issueLines(pod(containers, '    podlab.dev/kubelet: |\n      shutdownGracePeriod: 500ms'))).toEqual([
      '7 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriod: invalid configuration: shutdownGracePeriod 500ms must be either zero or otherwise >= 1 sec',
    ]);
  });

  it('reads graceful node shutdown by pod priority: its groups, checked as the kubelet checks them, and the pod\'s priority', () => {
    const byPriority = '    podlab.dev/kubelet: |\n      shutdownGracePeriodByPodPriority:\n        - {priority: 100000, shutdownGracePeriodSeconds: 30}\n        - {priority: 0, shutdownGracePeriodSeconds: 20}';
    const spec = (lines: string) => `${lines}\n  containers:\n    - {name: app, image: nginx:1.27}`;
    const good = parseScenario(pod(spec('  priorityClassName: batch-high\n  priority: 100000'), `${byPriority}\n    podlab.dev/actions: "[{at: 5, do: shutdown-node}]"`));
    if (!good.ok) throw new Error(JSON.stringify(good.issues));
    expect(good.model).toMatchObject({ priority: 100000, kubelet: { shutdownGracePeriodByPodPriority: [{ priority: 100000, shutdownGracePeriodSeconds: 30 }, { priority: 0, shutdownGracePeriodSeconds: 20 }] } });
    const cluster = parseScenario(pod(spec('  priorityClassName: system-cluster-critical'), byPriority));
    expect(cluster.ok && cluster.model.priority).toBe(2_000_000_000);
    expect(issueLines(pod(spec('  priorityClassName: batch-high'), byPriority))).toEqual([
      '11 spec.priorityClassName: the node shuts down by pod priority, and PriorityClass "batch-high"\'s value is not known here: give it as spec.priority, which the API server sets from the class (kubectl get priorityclass batch-high)',
    ]);
    expect(issueLines(pod(spec('  priority: 1.5'), ''))).toEqual(['6 spec.priority: must be a whole number, not number 1.5']);
    const told = parseScenario(pod(spec(''), `${byPriority}\n    podlab.dev/actions: "[{at: 5, do: shutdown-node, othersStopIn: 5}]"`));
    expect(told.ok && told.model.actions).toEqual([{ at: 5, do: 'shutdown-node', othersStopIn: 5 }]);
    expect(issueLines(pod(spec(''), `${byPriority}\n    podlab.dev/actions: "[{at: 5, do: shutdown-node, othersStopIn: soon}]"`))).toEqual([
      '10 metadata.annotations["podlab.dev/actions"][0].othersStopIn: must be seconds, 0 or more: how long the node\'s pods of lower priority take to stop, not string "soon"',
    ]);
    expect(issueLines(pod(spec(''), `${byPriority}\n      shutdownGracePeriod: 30s`))).toEqual([
      '8 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodByPodPriority: invalid configuration: Cannot specify both shutdownGracePeriodByPodPriority and shutdownGracePeriod at the same time',
    ]);
    // Checked beside two periods that are wrong themselves, every problem at once.
    expect(issueLines(pod(spec(''), `${byPriority}\n      shutdownGracePeriod: 10s\n      shutdownGracePeriodCriticalPods: 20s`))).toEqual([
      '11 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodCriticalPods: invalid configuration: shutdownGracePeriodCriticalPods 20s must be <= shutdownGracePeriod 10s',
      '8 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodByPodPriority: invalid configuration: Cannot specify both shutdownGracePeriodByPodPriority and shutdownGracePeriod at the same time',
    ]);
    const bad = '    podlab.dev/kubelet: |\n      shutdownGracePeriodByPodPriority:\n        - {priority: high, seconds: 30}\n        - {priority: 1.5, shutdownGracePeriodSeconds: -1}\n        - 10';
    expect(issueLines(pod(spec(''), bad))).toEqual([
      '8 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodByPodPriority[0].seconds: unknown field; the fields are: priority, shutdownGracePeriodSeconds',
      '8 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodByPodPriority[0].priority: must be a whole number, not string "high"',
      '9 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodByPodPriority[1].priority: must be a whole number, not number 1.5',
      '9 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodByPodPriority[1].shutdownGracePeriodSeconds: must be greater than or equal to 0',
      '10 metadata.annotations["podlab.dev/kubelet"].shutdownGracePeriodByPodPriority[2]: must be a mapping such as {priority: 1000, shutdownGracePeriodSeconds: 10}, not number 10',
    ]);
  });

  it('reads drain actions, with the grace period kubectl drain --grace-period gives', () => {
    const containers = '  containers:\n    - {name: app, image: nginx:1.27}';
    const good = parseScenario(pod(containers, `    podlab.dev/actions: |\n      - {at: 5, do: drain}\n      - {at: 6, do: drain, gracePeriodSeconds: 10}`));
    if (!good.ok) throw new Error(JSON.stringify(good.issues));
    expect(good.model.actions).toEqual([{ at: 5, do: 'drain' }, { at: 6, do: 'drain', gracePeriodSeconds: 10 }]);
    expect(issueLines(pod(containers, `    podlab.dev/actions: |\n      - {at: 5, do: drain, container: app}\n      - {at: 6, do: drain, gracePeriodSeconds: -1}`))).toEqual([
      '7 metadata.annotations["podlab.dev/actions"][0].container: unknown field "container" for a drain action; the fields are: at, do, gracePeriodSeconds',
      '8 metadata.annotations["podlab.dev/actions"][1].gracePeriodSeconds: must be a whole number of seconds, 0 or more, not number -1',
    ]);
  });

  it('checks container restart rules (Kubernetes 1.35) as the API server does, and plays them', () => {
    const lines = issueLines(
      pod(`  restartPolicy: Never
  initContainers:
    - {name: proxy, image: envoy, restartPolicy: Always, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}
  containers:
    - name: job
      image: busybox
      restartPolicy: Sometimes
    - name: retry
      image: busybox
      restartPolicyRules:
        - {action: RestartAllContainers, exitCodes: {operator: In, values: [42]}}
        - {action: Restart}
        - {action: Restart, exitCodes: {operator: Maybe, values: [1, 1.5]}}`),
    );
    expect(lines).toEqual([
      '8 spec.initContainers[0].restartPolicyRules: Podlab does not play restart rules on init containers: their restartPolicy decides; remove them',
      '12 spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      "13 spec.containers[1].restartPolicy: Required value: a container with restartPolicyRules must set its own restartPolicy, even if it is the pod's",
      '16 spec.containers[1].restartPolicyRules[0].action: Unsupported value: "RestartAllContainers": supported values: "Restart"',
      '17 spec.containers[1].restartPolicyRules[1].exitCodes: Required value: must be specified',
      '18 spec.containers[1].restartPolicyRules[2].exitCodes.operator: Unsupported value: "Maybe": supported values: "In", "NotIn"',
      '18 spec.containers[1].restartPolicyRules[2].exitCodes.values[1]: must be a whole number, not number 1.5',
    ]);

    const result = parseScenario(
      pod(`  restartPolicy: Never
  initContainers:
    - {name: fetch, image: busybox, restartPolicy: OnFailure}
  containers:
    - name: retry
      image: busybox
      restartPolicy: Never
      restartPolicyRules: [{action: Restart, exitCodes: {operator: NotIn, values: [0, 1]}}]
    - {name: plain, image: busybox}`),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.model.initContainers[0]).toMatchObject({ role: 'init', restartPolicy: 'OnFailure' });
    expect(result.model.containers[0]).toMatchObject({
      restartPolicy: 'Never',
      restartPolicyRules: [{ action: 'Restart', exitCodes: { operator: 'NotIn', values: [0, 1] } }],
    });
    expect(result.model.containers[1]!.restartPolicy).toBeUndefined();
  });

  it('reports every API validation error at once, with path and line', () => {
    expect(
      issueLines(
        pod(`  initContainers:
    - name: init
      image: busybox
      restartPolicy: OnFailure
      livenessProbe: {exec: {command: [true]}}
  containers:
    - name: init
      image: nginx
      restartPolicy: Always
      ports: [{containerPort: 0}, {containerPort: 80, name: this-name-is-far-too-long}]
      startupProbe: {httpGet: {port: 80}, successThreshold: 2}
      resources: {requests: {cpu: 2}, limits: {cpu: 500m}}`),
      ),
    ).toEqual([
      '10 spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
      '12 spec.containers[0].name: Duplicate value: "init"',
      '16 spec.containers[0].startupProbe.successThreshold: Invalid value: must be 1',
      '15 spec.containers[0].ports[0].containerPort: must be greater than or equal to 1',
      "15 spec.containers[0].ports[1].name: Invalid value: \"this-name-is-far-too-long\": must be an IANA_SVC_NAME (at most 15 lowercase letters, digits and '-', with at least one letter)",
      '17 spec.containers[0].resources.requests.cpu: Invalid value: must be less than or equal to cpu limit',
    ]);
  });

  it('refuses unknown fields as kubectl apply does, suggesting the near spelling', () => {
    expect(issueLines(pod(`  containers:\n    - {name: app, image: nginx, imagePullPolicey: Always}`))).toEqual([
      '7 spec.containers[0].imagePullPolicey: unknown field "imagePullPolicey": kubectl apply refuses it (did you mean "imagePullPolicy"?)',
    ]);
  });

  it('checks the behaviour and action annotations, pointing inside them', () => {
    const text = pod(
      `  containers:\n    - {name: app, image: nginx}`,
      `    podlab.dev/behavior: |
      app: {run: soon, stop: later}
      db: {run: 1}
    podlab.dev/actions: |
      - {at: 5, do: explode}
      - {at: 9, do: kill, container: ghost}
      - {at: 20, type: reboot-node}`,
    );
    expect(issueLines(text)).toEqual([
      '7 metadata.annotations["podlab.dev/behavior"].app.run: must be a number of seconds, not string "soon"',
      '7 metadata.annotations["podlab.dev/behavior"].app.stop: must be a number of seconds, not string "later"',
      '7 metadata.annotations["podlab.dev/behavior"].app.stop: must be a number of seconds or "ignore"',
      '8 metadata.annotations["podlab.dev/behavior"].db: no container named "db" in the pod (containers: app)',
      '10 metadata.annotations["podlab.dev/actions"][0].do: must be one of delete, kill, fail-probes, set-image, reboot-node, set-condition, set-deadline, evict, drain, shutdown-node, create, debug, not string "explode"',
      '11 metadata.annotations["podlab.dev/actions"][1].container: must name a container of the pod (app), not string "ghost"',
      '12 metadata.annotations["podlab.dev/actions"][2].do: must be one of delete, kill, fail-probes, set-image, reboot-node, set-condition, set-deadline, evict, drain, shutdown-node, create, debug; it is missing',
    ]);
  });

  it('reads per-probe answers, preStopFails and a fail-probes probe, pointing inside them when wrong', () => {
    const good = parseScenario(
      pod(
        `  containers:\n    - {name: app, image: nginx}`,
        `    podlab.dev/behavior: |
      app: {startup: 3, preStopFails: true, probes: {readiness: {unhealthyAfter: 60}, liveness: {unhealthyAfter: null, redirect: "http://0.0.0.0/"}}, attempts: [{probes: {startup: {startup: 9}}}]}
    podlab.dev/actions: |
      - {at: 5, do: fail-probes, container: app, probe: readiness}`,
      ),
    );
    if (!good.ok) throw new Error(good.issues.map((i) => i.message).join('; '));
    const { behavior } = good.model.containers[0]!;
    expect(behavior).toMatchObject({ startup: 3, unhealthyAfter: null, preStopFails: true, probes: { readiness: { unhealthyAfter: 60 }, liveness: { unhealthyAfter: null, redirect: 'http://0.0.0.0/' } } });
    expect(behavior.attempts).toEqual([{ probes: { startup: { startup: 9 } } }]);
    expect(good.model.actions).toEqual([{ at: 5, do: 'fail-probes', container: 'app', probe: 'readiness' }]);

    const text = pod(
      `  containers:\n    - {name: app, image: nginx}`,
      `    podlab.dev/behavior: |
      app: {preStopFails: yes please, probes: {readyness: {}, liveness: {unhealthyAfter: soon, timeout: 1}, startup: 5, readiness: {redirect: /login}}}
      other: null
    podlab.dev/actions: |
      - {at: 5, do: fail-probes, container: app, probe: all}`,
    );
    const behaviorPath = 'metadata.annotations["podlab.dev/behavior"].app';
    expect(issueLines(text)).toEqual([
      `7 ${behaviorPath}.preStopFails: must be true or false, not string "yes please"`,
      `7 ${behaviorPath}.probes.readyness: unknown probe "readyness"; the probes are: startup, readiness, liveness`,
      `7 ${behaviorPath}.probes.liveness.unhealthyAfter: must be a number of seconds, not string "soon"`,
      `7 ${behaviorPath}.probes.liveness.timeout: unknown field "timeout" of a probe's answers; the fields are: startup, unhealthyAfter, redirect`,
      `7 ${behaviorPath}.probes.startup: must be a mapping with startup and/or unhealthyAfter (seconds), or redirect (a URL), not number 5`,
      `7 ${behaviorPath}.probes.readiness.redirect: must be a URL on another host, such as http://example.com/login, not string "/login": the kubelet follows a redirect on the same host, so such a probe gets that path's answer (give it a window instead)`,
      '8 metadata.annotations["podlab.dev/behavior"].other: no container named "other" in the pod (containers: app)',
      '10 metadata.annotations["podlab.dev/actions"][0].probe: must be one of startup, readiness, liveness (absent: every probe), not string "all"',
    ]);
  });

  it('explains input that is not a single Pod document', () => {
    expect(issueLines('')).toEqual(['- : the scenario is empty: paste or write a Pod manifest']);
    expect(issueLines('a: [1, 2')[0]).toMatch(/^1 : YAML syntax:/);
    expect(issueLines('kind: Pod\n---\nkind: Pod\n')[0]).toMatch(/must be one YAML document; found 2/);
    expect(issueLines('- 1\n- 2\n')).toEqual(['1 : a scenario is one Pod manifest (a YAML mapping), not a list']);
    expect(issueLines(pod('  containers: []'))).toContain('6 spec.containers: Required value: a pod needs at least one container');
  });

  it('refuses an alias bomb and a huge file without hanging', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    expect(issueLines(bomb)[0]).toMatch(/alias bomb/);
    expect(issueLines(`# ${'x'.repeat(2 * 1024 * 1024)}`)[0]).toMatch(/too large/);
  });

  it('validates an object without positions', () => {
    expect(validateManifest({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a', image: 'b' }] } })).toEqual([]);
    expect(validateManifest({ kind: 'Deployment' }).map((i) => i.path)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });
});

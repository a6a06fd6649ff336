/**
 * The API server's validation of a v1 Pod, for the fields Podlab plays: what `kubectl apply`
 * would refuse. k/k: pkg/apis/core/validation/validation.go (ValidatePodSpec, validateContainers,
 * validateInitContainers, validateProbe, validateLifecycle, validateContainerPorts).
 */
import { IssueList, type PathSegment } from './issues';
import { checkKnownFields } from './known-fields';
import { validateEphemeralContainers } from './validate-ephemeral';
import { parseQuantity } from './quantity';
import {
  checkDnsLabel,
  checkDnsSubdomain,
  checkEnum,
  checkInt,
  isIanaSvcName,
  isQualifiedName,
  isRecord,
  notA,
  type Json,
} from './value-checks';

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const HOOK_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

/** spec.terminationGracePeriodSeconds as the API server stores it: 30 when absent, 1 when negative. */
export function gracePeriodOf(spec: Json): number {
  const grace = spec.terminationGracePeriodSeconds;
  return typeof grace !== 'number' ? 30 : grace < 0 ? 1 : grace;
}

export function validatePod(manifest: unknown, issues: IssueList = new IssueList()): IssueList {
  if (!isRecord(manifest)) {
    issues.add([], `a scenario is one Pod manifest (a YAML mapping)${notA(manifest)}`);
    return issues;
  }
  checkKnownFields(issues, [], manifest, 'pod');
  if (manifest.apiVersion !== 'v1') issues.add(['apiVersion'], `must be "v1" for a Pod${notA(manifest.apiVersion)}`);
  if (manifest.kind !== 'Pod') issues.add(['kind'], `must be "Pod"${notA(manifest.kind)}`);
  const metadata = manifest.metadata;
  if (!isRecord(metadata)) issues.add(['metadata'], 'Required value: a mapping with at least a name');
  else {
    checkKnownFields(issues, ['metadata'], metadata, 'metadata');
    checkDnsSubdomain(issues, ['metadata', 'name'], metadata.name);
    if (metadata.namespace !== undefined) checkDnsLabel(issues, ['metadata', 'namespace'], metadata.namespace);
    if (metadata.annotations !== undefined && !isRecord(metadata.annotations)) {
      issues.add(['metadata', 'annotations'], `must be a mapping of strings${notA(metadata.annotations)}`);
    } else if (isRecord(metadata.annotations)) {
      for (const [key, value] of Object.entries(metadata.annotations)) {
        if (typeof value !== 'string') issues.add(['metadata', 'annotations', key], `must be a string${notA(value)}`);
      }
    }
  }
  const spec = manifest.spec;
  if (!isRecord(spec)) {
    issues.add(['spec'], 'Required value: the pod spec');
    return issues;
  }
  validateSpec(spec, issues);
  return issues;
}

function validateSpec(spec: Json, issues: IssueList): void {
  checkKnownFields(issues, ['spec'], spec, 'spec');
  checkEnum(issues, ['spec', 'restartPolicy'], spec.restartPolicy, RESTART_POLICIES);
  // A negative grace period is taken as 1, with a warning (pod-warnings.ts).
  checkInt(issues, ['spec', 'terminationGracePeriodSeconds'], spec.terminationGracePeriodSeconds, -(2 ** 31));
  checkInt(issues, ['spec', 'activeDeadlineSeconds'], spec.activeDeadlineSeconds, 1);
  checkInt(issues, ['spec', 'priority'], spec.priority, -(2 ** 31));
  const grace = gracePeriodOf(spec);
  validateTolerations(spec.tolerations, issues);
  validateReadinessGates(spec.readinessGates, issues);

  const volumes = validateVolumes(spec.volumes, issues);
  const names = new Set<string>();
  const lists = [
    ['initContainers', spec.initContainers],
    ['containers', spec.containers],
  ] as const;
  for (const [field, list] of lists) {
    if (list === undefined || list === null) {
      if (field === 'containers') issues.add(['spec', 'containers'], 'Required value: a pod needs at least one container');
      continue;
    }
    if (!Array.isArray(list)) {
      issues.add(['spec', field], `must be a list of containers${notA(list)}`);
      continue;
    }
    if (field === 'containers' && list.length === 0) issues.add(['spec', 'containers'], 'Required value: a pod needs at least one container');
    list.forEach((container, i) => {
      const path = ['spec', field, i];
      if (!isRecord(container)) return issues.add(path, `must be a container (a mapping)${notA(container)}`);
      if (typeof container.name === 'string') {
        if (names.has(container.name)) issues.add([...path, 'name'], `Duplicate value: "${container.name}"`);
        names.add(container.name);
      }
      validateContainer(container, path, field === 'initContainers', grace, volumes, issues);
    });
  }
  validateEphemeralContainers(spec.ephemeralContainers, names, issues, (allowed, path) =>
    validateContainer(allowed, path, false, grace, volumes, issues, 'ephemeralContainer'),
  );
}


function validateVolumes(volumes: unknown, issues: IssueList): Set<string> {
  const names = new Set<string>();
  if (volumes === undefined || volumes === null) return names;
  if (!Array.isArray(volumes)) {
    issues.add(['spec', 'volumes'], `must be a list${notA(volumes)}`);
    return names;
  }
  volumes.forEach((volume, i) => {
    if (!isRecord(volume)) return issues.add(['spec', 'volumes', i], `must be a mapping${notA(volume)}`);
    checkDnsLabel(issues, ['spec', 'volumes', i, 'name'], volume.name);
    if (typeof volume.name === 'string') {
      if (names.has(volume.name)) issues.add(['spec', 'volumes', i, 'name'], `Duplicate value: "${volume.name}"`);
      names.add(volume.name);
    }
  });
  return names;
}

function validateContainer(
  c: Json,
  path: PathSegment[],
  isInit: boolean,
  grace: number,
  volumes: Set<string>,
  issues: IssueList,
  kind: 'container' | 'ephemeralContainer' = 'container',
): void {
  checkKnownFields(issues, path, c, kind);
  checkDnsLabel(issues, [...path, 'name'], c.name);
  if (typeof c.image !== 'string' || c.image.trim() === '') issues.add([...path, 'image'], 'Required value');
  else if (c.image !== c.image.trim()) issues.add([...path, 'image'], 'must not have leading or trailing whitespace');
  checkEnum(issues, [...path, 'imagePullPolicy'], c.imagePullPolicy, ['Always', 'IfNotPresent', 'Never']);
  checkEnum(issues, [...path, 'terminationMessagePolicy'], c.terminationMessagePolicy, ['File', 'FallbackToLogsOnError']);
  if (c.terminationMessagePath !== undefined && typeof c.terminationMessagePath !== 'string') {
    issues.add([...path, 'terminationMessagePath'], `must be a string${notA(c.terminationMessagePath)}`);
  }
  for (const field of ['command', 'args'] as const) {
    const value = c[field];
    if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
      issues.add([...path, field], `must be a list of strings${notA(value)}`);
    }
  }

  const sidecar = isInit && c.restartPolicy === 'Always';
  checkEnum(issues, [...path, 'restartPolicy'], c.restartPolicy, RESTART_POLICIES);
  if (c.restartPolicyRules !== undefined) {
    if (isInit) {
      issues.add([...path, 'restartPolicyRules'], 'Podlab does not play restart rules on init containers: their restartPolicy decides; remove them');
    } else validateRestartRules(c.restartPolicyRules, c.restartPolicy, path, issues);
  }
  if (isInit && !sidecar) {
    for (const field of ['lifecycle', ...PROBES] as const) {
      if (c[field] !== undefined) issues.add([...path, field], 'Forbidden: may not be set for init containers without restartPolicy=Always');
    }
  }

  if (!isInit || sidecar) {
    for (const field of PROBES) {
      if (c[field] !== undefined) validateProbe(c[field], [...path, field], field, issues);
    }
    if (c.lifecycle !== undefined) validateLifecycle(c.lifecycle, [...path, 'lifecycle'], grace, issues);
  }
  validatePorts(c.ports, [...path, 'ports'], issues);
  validateResources(c.resources, [...path, 'resources'], issues);
  if (Array.isArray(c.volumeMounts)) {
    c.volumeMounts.forEach((m, i) => {
      if (!isRecord(m)) return issues.add([...path, 'volumeMounts', i], `must be a mapping${notA(m)}`);
      checkKnownFields(issues, [...path, 'volumeMounts', i], m, 'volumeMount');
      if (typeof m.name !== 'string' || !volumes.has(m.name)) {
        issues.add([...path, 'volumeMounts', i, 'name'], `Not found: ${JSON.stringify(m.name)}: no volume of that name in spec.volumes`);
      }
      if (typeof m.mountPath !== 'string' || m.mountPath === '') issues.add([...path, 'volumeMounts', i, 'mountPath'], 'Required value');
    });
  } else if (c.volumeMounts !== undefined) {
    issues.add([...path, 'volumeMounts'], `must be a list${notA(c.volumeMounts)}`);
  }
}

/**
 * A regular container's restartPolicyRules (KEP-5307 ContainerRestartRules, on by default since
 * 1.35): at most 20, each "Restart" on exit codes In or NotIn at most 255 values, and only beside
 * a restartPolicy of the container's own. k/k: validation.go validateContainerRestartPolicy and
 * the Container.restartPolicyRules API doc.
 */
function validateRestartRules(rules: unknown, policy: unknown, path: PathSegment[], issues: IssueList): void {
  const at = [...path, 'restartPolicyRules'];
  if (policy === undefined) {
    issues.add([...path, 'restartPolicy'], "Required value: a container with restartPolicyRules must set its own restartPolicy, even if it is the pod's");
  }
  if (!Array.isArray(rules)) return issues.add(at, `must be a list of rules${notA(rules)}`);
  if (rules.length > 20) issues.add(at, `Too many: ${rules.length}: must have at most 20 items`);
  rules.forEach((rule, i) => {
    if (!isRecord(rule)) return issues.add([...at, i], `must be a rule (a mapping)${notA(rule)}`);
    if (rule.action === undefined) issues.add([...at, i, 'action'], 'Required value: supported values: "Restart"');
    else checkEnum(issues, [...at, i, 'action'], rule.action, ['Restart']);
    const exitCodes = rule.exitCodes;
    if (exitCodes === undefined) return issues.add([...at, i, 'exitCodes'], 'Required value: must be specified');
    if (!isRecord(exitCodes)) return issues.add([...at, i, 'exitCodes'], `must be a mapping of operator and values${notA(exitCodes)}`);
    if (exitCodes.operator === undefined) issues.add([...at, i, 'exitCodes', 'operator'], 'Required value: supported values: "In", "NotIn"');
    else checkEnum(issues, [...at, i, 'exitCodes', 'operator'], exitCodes.operator, ['In', 'NotIn']);
    const values = exitCodes.values;
    if (values === undefined) return;
    if (!Array.isArray(values)) return issues.add([...at, i, 'exitCodes', 'values'], `must be a list of exit codes${notA(values)}`);
    if (values.length > 255) issues.add([...at, i, 'exitCodes', 'values'], `Too many: ${values.length}: must have at most 255 items`);
    values.forEach((value, j) => checkInt(issues, [...at, i, 'exitCodes', 'values', j], value, -(2 ** 31)));
  });
}

/** Exactly one handler of the allowed kinds; returns its name. */
function checkHandler(
  value: Json,
  path: PathSegment[],
  kinds: readonly string[],
  issues: IssueList,
): string | undefined {
  const present = kinds.filter((k) => value[k] !== undefined);
  if (present.length === 0) {
    issues.add(path, `Required value: must specify a handler type (one of ${kinds.join(', ')})`);
    return undefined;
  }
  if (present.length > 1) {
    issues.add([...path, present[1]!], 'Forbidden: may not specify more than 1 handler type');
    return undefined;
  }
  const kind = present[0]!;
  const handler = value[kind];
  const hp = [...path, kind];
  if (!isRecord(handler)) {
    issues.add(hp, `must be a mapping${notA(handler)}`);
    return kind;
  }
  if (kind === 'exec') {
    if (!Array.isArray(handler.command) || handler.command.length === 0) issues.add([...hp, 'command'], 'Required value');
  } else if (kind === 'httpGet' || kind === 'tcpSocket' || kind === 'grpc') {
    checkPort(handler.port, [...hp, 'port'], kind !== 'grpc', issues);
    if (kind === 'httpGet') checkEnum(issues, [...hp, 'scheme'], handler.scheme, ['HTTP', 'HTTPS']);
  }
  return kind;
}

function checkPort(port: unknown, path: PathSegment[], namedAllowed: boolean, issues: IssueList): void {
  if (port === undefined) return issues.add(path, 'Required value');
  if (typeof port === 'string' && namedAllowed) {
    if (!isIanaSvcName(port)) issues.add(path, `Invalid value: ${JSON.stringify(port)}: must be a port number or an IANA_SVC_NAME`);
    return;
  }
  checkInt(issues, path, port, 1, 65535);
}

function validateProbe(probe: unknown, path: PathSegment[], field: (typeof PROBES)[number], issues: IssueList): void {
  if (!isRecord(probe)) return issues.add(path, `must be a probe (a mapping)${notA(probe)}`);
  checkKnownFields(issues, path, probe, 'probe');
  checkHandler(probe, path, PROBE_HANDLERS, issues);
  for (const f of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    checkInt(issues, [...path, f], probe[f], 0);
  }
  if (field !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    issues.add([...path, 'successThreshold'], 'Invalid value: must be 1');
  }
  if (probe.terminationGracePeriodSeconds !== undefined) {
    if (field === 'readinessProbe') issues.add([...path, 'terminationGracePeriodSeconds'], 'Forbidden: must not be set for readinessProbes');
    else checkInt(issues, [...path, 'terminationGracePeriodSeconds'], probe.terminationGracePeriodSeconds, 1);
  }
}

function validateLifecycle(lifecycle: unknown, path: PathSegment[], grace: number, issues: IssueList): void {
  if (!isRecord(lifecycle)) return issues.add(path, `must be a mapping${notA(lifecycle)}`);
  checkKnownFields(issues, path, lifecycle, 'lifecycle');
  for (const hook of ['postStart', 'preStop'] as const) {
    const handler = lifecycle[hook];
    if (handler === undefined) continue;
    if (!isRecord(handler)) {
      issues.add([...path, hook], `must be a handler (a mapping)${notA(handler)}`);
      continue;
    }
    checkKnownFields(issues, [...path, hook], handler, 'handler');
    const kind = checkHandler(handler, [...path, hook], HOOK_HANDLERS, issues);
    if (kind === 'sleep' && isRecord(handler.sleep)) {
      checkInt(issues, [...path, hook, 'sleep', 'seconds'], handler.sleep.seconds ?? 'missing', 0, grace);
    }
  }
}

function validatePorts(ports: unknown, path: PathSegment[], issues: IssueList): void {
  if (ports === undefined) return;
  if (!Array.isArray(ports)) return issues.add(path, `must be a list${notA(ports)}`);
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const pp = [...path, i];
    if (!isRecord(port)) return issues.add(pp, `must be a mapping${notA(port)}`);
    checkKnownFields(issues, pp, port, 'port');
    if (port.containerPort === undefined) issues.add([...pp, 'containerPort'], 'Required value');
    else checkInt(issues, [...pp, 'containerPort'], port.containerPort, 1, 65535);
    checkInt(issues, [...pp, 'hostPort'], port.hostPort, 1, 65535);
    checkEnum(issues, [...pp, 'protocol'], port.protocol, ['TCP', 'UDP', 'SCTP']);
    if (port.name !== undefined) {
      if (typeof port.name !== 'string' || !isIanaSvcName(port.name)) {
        issues.add([...pp, 'name'], `Invalid value: ${JSON.stringify(port.name)}: must be an IANA_SVC_NAME (at most 15 lowercase letters, digits and '-', with at least one letter)`);
      } else if (names.has(port.name)) issues.add([...pp, 'name'], `Duplicate value: "${port.name}"`);
      else names.add(port.name);
    }
  });
}

function validateResources(resources: unknown, path: PathSegment[], issues: IssueList): void {
  if (resources === undefined) return;
  if (!isRecord(resources)) return issues.add(path, `must be a mapping${notA(resources)}`);
  checkKnownFields(issues, path, resources, 'resources');
  const parsed: Record<'requests' | 'limits', Record<string, number>> = { requests: {}, limits: {} };
  for (const kind of ['requests', 'limits'] as const) {
    const list = resources[kind];
    if (list === undefined) continue;
    if (!isRecord(list)) {
      issues.add([...path, kind], `must be a mapping of quantities${notA(list)}`);
      continue;
    }
    for (const [name, value] of Object.entries(list)) {
      const q = parseQuantity(value);
      if (q === null) issues.add([...path, kind, name], `Invalid value: ${JSON.stringify(value)}: must be a quantity such as 500m, 2 or 128Mi`);
      else if (q < 0) issues.add([...path, kind, name], 'must be greater than or equal to 0');
      else parsed[kind][name] = q;
    }
  }
  for (const [name, request] of Object.entries(parsed.requests)) {
    const limit = parsed.limits[name];
    if (limit !== undefined && request > limit) {
      issues.add([...path, 'requests', name], `Invalid value: must be less than or equal to ${name} limit`);
    }
  }
}

/**
 * validation.go validateReadinessGates: each conditionType a qualified name. The engine holds the
 * pod's Ready condition back until each gate's condition is True (rules/status-patch.ts).
 */
function validateReadinessGates(gates: unknown, issues: IssueList): void {
  if (gates === undefined || gates === null) return;
  if (!Array.isArray(gates)) return issues.add(['spec', 'readinessGates'], `must be a list of readiness gates${notA(gates)}`);
  gates.forEach((gate: unknown, i) => {
    const path = ['spec', 'readinessGates', i];
    if (!isRecord(gate)) return issues.add(path, `must be a readiness gate such as {conditionType: example.com/feature-1}${notA(gate)}`);
    checkKnownFields(issues, path, gate, 'readinessGate');
    const type = gate.conditionType;
    if (type === undefined || type === '') return issues.add([...path, 'conditionType'], 'Required value');
    if (!isQualifiedName(type)) {
      issues.add([...path, 'conditionType'], `Invalid value: ${JSON.stringify(type)}: must be a qualified name: a name of up to 63 alphanumerics, '-', '_' or '.', with an optional DNS subdomain prefix and '/' (e.g. 'example.com/feature-1')`);
    }
  });
}

/**
 * validation.go ValidateTolerations: the engine reads them when the node is unreachable
 * (rules/node-controller.ts), so what the API server refuses is refused here.
 */
function validateTolerations(tolerations: unknown, issues: IssueList): void {
  if (tolerations === undefined || tolerations === null) return;
  if (!Array.isArray(tolerations)) return issues.add(['spec', 'tolerations'], `must be a list of tolerations${notA(tolerations)}`);
  tolerations.forEach((t: unknown, i) => {
    const path = ['spec', 'tolerations', i];
    if (!isRecord(t)) return issues.add(path, `must be a toleration (a mapping)${notA(t)}`);
    for (const field of ['key', 'value'] as const) {
      if (t[field] !== undefined && typeof t[field] !== 'string') issues.add([...path, field], `must be a string${notA(t[field])}`);
    }
    checkEnum(issues, [...path, 'operator'], t.operator, ['Exists', 'Equal']);
    checkEnum(issues, [...path, 'effect'], t.effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
    checkInt(issues, [...path, 'tolerationSeconds'], t.tolerationSeconds, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const operator = t.operator ?? 'Equal';
    if (!t.key && operator !== 'Exists') {
      issues.add([...path, 'operator'], `Invalid value: "${String(operator)}": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`);
    }
    if (operator === 'Exists' && t.value) {
      issues.add([...path, 'operator'], 'Invalid value: "Exists": value must be empty when `operator` is \'Exists\'');
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      issues.add([...path, 'effect'], `Invalid value: "${String(t.effect ?? '')}": effect must be 'NoExecute' when \`tolerationSeconds\` is set`);
    }
  });
}

/**
 * The fields the v1 API defines for the objects a scenario spells out, so that a misspelt field is
 * reported as `kubectl apply` (strict field validation, the default since 1.27) would refuse it,
 * instead of being silently ignored. From kubernetes-types 1.30 plus the fields added since
 * (PodSpec.resources 1.32, Lifecycle.stopSignal 1.33, Volume.image 1.31, Container.restartPolicyRules
 * 1.34).
 */
import { IssueList, type PathSegment } from './issues';
import { isRecord } from './value-checks';

const HANDLER = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'];

export const KNOWN_FIELDS = {
  pod: ['apiVersion', 'kind', 'metadata', 'spec', 'status'],
  metadata: [
    'name', 'generateName', 'namespace', 'labels', 'annotations', 'finalizers', 'ownerReferences', 'managedFields',
    'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds',
  ],
  spec: [
    'activeDeadlineSeconds', 'affinity', 'automountServiceAccountToken', 'containers', 'dnsConfig', 'dnsPolicy',
    'enableServiceLinks', 'ephemeralContainers', 'hostAliases', 'hostIPC', 'hostNetwork', 'hostPID', 'hostUsers', 'hostname',
    'imagePullSecrets', 'initContainers', 'nodeName', 'nodeSelector', 'os', 'overhead', 'preemptionPolicy', 'priority',
    'priorityClassName', 'readinessGates', 'resourceClaims', 'resources', 'restartPolicy', 'runtimeClassName', 'schedulerName',
    'schedulingGates', 'securityContext', 'serviceAccount', 'serviceAccountName', 'setHostnameAsFQDN', 'shareProcessNamespace',
    'subdomain', 'terminationGracePeriodSeconds', 'tolerations', 'topologySpreadConstraints', 'volumes',
  ],
  container: [
    'args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'lifecycle', 'livenessProbe', 'name', 'ports',
    'readinessProbe', 'resizePolicy', 'resources', 'restartPolicy', 'restartPolicyRules', 'securityContext', 'startupProbe',
    'stdin', 'stdinOnce', 'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'volumeDevices', 'volumeMounts', 'workingDir',
  ],
  ephemeralContainer: [
    'args', 'command', 'env', 'envFrom', 'image', 'imagePullPolicy', 'lifecycle', 'livenessProbe', 'name', 'ports',
    'readinessProbe', 'resizePolicy', 'resources', 'restartPolicy', 'restartPolicyRules', 'securityContext', 'startupProbe',
    'stdin', 'stdinOnce', 'targetContainerName', 'terminationMessagePath', 'terminationMessagePolicy', 'tty', 'volumeDevices',
    'volumeMounts', 'workingDir',
  ],
  probe: [
    ...HANDLER.filter((h) => h !== 'sleep'), 'failureThreshold', 'initialDelaySeconds', 'periodSeconds', 'successThreshold',
    'terminationGracePeriodSeconds', 'timeoutSeconds',
  ],
  lifecycle: ['postStart', 'preStop', 'stopSignal'],
  handler: HANDLER.filter((h) => h !== 'grpc'),
  port: ['containerPort', 'hostIP', 'hostPort', 'name', 'protocol'],
  readinessGate: ['conditionType'],
  resources: ['claims', 'limits', 'requests'],
  volumeMount: ['mountPath', 'mountPropagation', 'name', 'readOnly', 'recursiveReadOnly', 'subPath', 'subPathExpr'],
} as const;

export type KnownObject = keyof typeof KNOWN_FIELDS;

/** Reports every key of `value` that `kind` does not define, suggesting a near spelling. */
export function checkKnownFields(issues: IssueList, path: PathSegment[], value: unknown, kind: KnownObject): void {
  if (!isRecord(value)) return;
  const known: readonly string[] = KNOWN_FIELDS[kind];
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = known.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
    issues.add([...path, key], `unknown field "${key}": kubectl apply refuses it${near ? ` (did you mean "${near}"?)` : ''}`);
  }
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}

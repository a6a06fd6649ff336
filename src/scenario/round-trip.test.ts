/**
 * Round trips: YAML → scenario → YAML keeps every field Kubernetes defines, for every library
 * scenario and for a Pod that uses most of the PodSpec.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { editDocument } from './edit-document';
import { parseScenario } from './parse-scenario';
import { decodeShareHash, encodeShareHash } from './share-link';
import { importWorkload } from './workload-import';

const library = (JSON.parse(readFileSync('public/scenarios/index.json', 'utf8')) as { file: string }[]).map((e) => e.file);

/** A Pod using most PodSpec and Container fields of Kubernetes 1.33, valid for `kubectl apply`. */
const KITCHEN_SINK = `apiVersion: v1
kind: Pod
metadata:
  name: kitchen-sink
  namespace: shop
  labels: {app: shop, tier: web}
  annotations:
    example.com/owner: team-a
    podlab.dev/behavior: |
      setup: {run: 2}
      proxy: {startup: 1}
      app: {startup: 2, preStopFails: true, probes: {readiness: {unhealthyAfter: 60}, liveness: {unhealthyAfter: null}}}
    podlab.dev/actions: |
      - {at: 30, do: fail-probes, container: app, probe: readiness}
      - {at: 40, do: set-image, container: app, image: nginx:1.28}
      - {at: 50, do: reboot-node, down: 20}
spec:
  restartPolicy: OnFailure
  terminationGracePeriodSeconds: 45
  activeDeadlineSeconds: 3600
  dnsPolicy: ClusterFirst
  dnsConfig:
    nameservers: [1.1.1.1]
    searches: [shop.svc.cluster.local]
    options: [{name: ndots, value: "2"}]
  hostname: sink
  subdomain: shop
  hostAliases: [{ip: 10.0.0.10, hostnames: [db.local]}]
  enableServiceLinks: false
  shareProcessNamespace: true
  automountServiceAccountToken: false
  priority: 0
  preemptionPolicy: Never
  os: {name: linux}
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
    fsGroup: 2000
    seccompProfile: {type: RuntimeDefault}
    sysctls: [{name: net.ipv4.ip_local_port_range, value: "32768 60999"}]
  tolerations:
    - {key: dedicated, operator: Equal, value: shop, effect: NoSchedule}
  topologySpreadConstraints:
    - maxSkew: 1
      topologyKey: topology.kubernetes.io/zone
      whenUnsatisfiable: ScheduleAnyway
      labelSelector: {matchLabels: {app: shop}}
  readinessGates: [{conditionType: example.com/feature-ready}]
  volumes:
    - name: cache
      emptyDir: {sizeLimit: 64Mi}
    - name: info
      downwardAPI:
        items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]
    - name: config
      configMap: {name: shop-config, optional: true, defaultMode: 420}
    - name: token
      projected:
        sources:
          - serviceAccountToken: {path: token, expirationSeconds: 3600, audience: shop}
  initContainers:
    - name: setup
      image: busybox:1.36
      command: [sh, -c, "sleep 2"]
      workingDir: /work
      env:
        - {name: MODE, value: setup}
        - name: POD_IP
          valueFrom: {fieldRef: {fieldPath: status.podIP}}
      volumeMounts: [{name: cache, mountPath: /work}]
      resources:
        requests: {cpu: 50m, memory: 32Mi}
        limits: {memory: 64Mi}
    - name: proxy
      image: envoyproxy/envoy:v1.31.0
      restartPolicy: Always
      ports: [{name: proxy, containerPort: 15001, protocol: TCP}]
      startupProbe:
        tcpSocket: {port: 15001}
        periodSeconds: 1
        failureThreshold: 30
      readinessProbe:
        grpc: {port: 15001, service: health}
        periodSeconds: 5
        successThreshold: 2
      lifecycle:
        preStop:
          sleep: {seconds: 3}
  containers:
    - name: app
      image: ghcr.io/podlab-demo/shop:2.3.1
      imagePullPolicy: IfNotPresent
      args: [--port=8080]
      ports:
        - {name: http, containerPort: 8080}
        - {name: metrics, containerPort: 9090, protocol: TCP}
      envFrom: [{configMapRef: {name: shop-env, optional: true}, prefix: SHOP_}]
      env:
        - name: MEMORY_LIMIT
          valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}
      resources:
        requests: {cpu: 100m, memory: 128Mi, ephemeral-storage: 1Gi}
        limits: {cpu: "1", memory: 256Mi}
      resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
      readinessProbe:
        httpGet:
          path: /ready
          port: http
          scheme: HTTP
          httpHeaders: [{name: X-Probe, value: readiness}]
        initialDelaySeconds: 2
        timeoutSeconds: 2
        periodSeconds: 5
        successThreshold: 1
        failureThreshold: 3
      livenessProbe:
        exec: {command: [cat, /tmp/healthy]}
        periodSeconds: 10
        terminationGracePeriodSeconds: 5
      lifecycle:
        postStart:
          exec: {command: [sh, -c, "echo started"]}
        preStop:
          httpGet: {path: /drain, port: 8080}
      terminationMessagePath: /dev/termination-log
      terminationMessagePolicy: FallbackToLogsOnError
      stdin: false
      tty: false
      volumeMounts:
        - {name: cache, mountPath: /cache}
        - {name: info, mountPath: /etc/podinfo, readOnly: true}
        - {name: config, mountPath: /etc/shop, readOnly: true}
        - {name: token, mountPath: /var/run/secrets/shop, readOnly: true}
`;

const cases: [string, string][] = [
  ...library.map((file): [string, string] => [file, readFileSync(`public/scenarios/${file}`, 'utf8')]),
  ['kitchen-sink', KITCHEN_SINK],
];

describe.each(cases)('%s', (_name, text) => {
  const original = parse(text) as unknown;

  function scenario(source: string) {
    const result = parseScenario(source);
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
    return result;
  }

  it('is read as a scenario without losing or adding a field', () => {
    expect(scenario(text).manifest).toEqual(original);
  });

  it('writes back to YAML that reads as the same manifest and the same model', () => {
    const first = scenario(text);
    const again = scenario(stringify(first.manifest));
    expect(again.manifest).toEqual(original);
    expect(again.model).toEqual(first.model);
  });

  it("survives the editor's text round trip (every canvas edit goes through it)", () => {
    expect(parse(editDocument(text, () => {}))).toEqual(original);
  });

  it('comes back unchanged from import', () => {
    const imported = importWorkload(text);
    expect(imported.ok && imported.source).toBe(text);
  });

  it('comes back unchanged from a share link', () => {
    const encoded = encodeShareHash({ source: text, t: 42 });
    expect(encoded.ok && decodeShareHash(encoded.hash)).toEqual({ ok: true, scenario: { source: text, t: 42 } });
  });
});

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportRunnable } from './runnable-export';

type Json = Record<string, any>;

function exported(text: string) {
  const result = exportRunnable(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { ...result, pod: parse(result.yaml) as Json };
}

describe('runnable export: the missing ConfigMaps, Secrets and keys of podlab.dev/missing', () => {
  it('keeps what reads a missing ConfigMap or Secret, and creates it with the keys read when Podlab does', () => {
    const missing = exported(`apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  annotations:
    podlab.dev/missing: "[secret/db]"
    podlab.dev/actions: |
      - {at: 40, do: create, object: secret/db}
spec:
  containers:
    - name: app
      image: nginx:1.27
      envFrom: [{secretRef: {name: db}}, {configMapRef: {name: shop-config}}]
      env:
        - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
        - {name: TOKEN, valueFrom: {secretKeyRef: {name: api, key: token}}}
`);
    const app = missing.pod.spec.containers[0];
    expect(app.envFrom).toEqual([{ secretRef: { name: 'db' } }]);
    expect(app.env).toEqual([
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      { name: 'TOKEN', value: 'podlab-placeholder' },
    ]);
    expect(missing.notes).toContain('app: still reads secret/db, missing in the scenario: it waits in CreateContainerConfigError until it exists.');
    expect(missing.yaml).toContain(
      '#   at 40 s: kubectl create secret generic db -n shop --from-literal=password=podlab   (until then what reads or mounts it waits: CreateContainerConfigError, FailedMount)',
    );
  });

  it('keeps what reads a missing key, and adds the key with kubectl patch when Podlab does', () => {
    const keyed = exported(`apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/missing: "[configmap/app/LOG_LEVEL]"
    podlab.dev/actions: |
      - {at: 30, do: create, object: configmap/app/LOG_LEVEL}
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - {name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: app, key: LOG_LEVEL}}}
`);
    expect(keyed.pod.spec.containers[0].env).toEqual([{ name: 'LOG_LEVEL', valueFrom: { configMapKeyRef: { name: 'app', key: 'LOG_LEVEL' } } }]);
    expect(keyed.notes).toContain(
      'app: still reads configmap/app/LOG_LEVEL, a key missing in the scenario (create configmap app without it first: kubectl create configmap app): it waits in CreateContainerConfigError until it exists.',
    );
    expect(keyed.yaml).toContain(`#   at 30 s: kubectl patch configmap app --type merge -p '{"data":{"LOG_LEVEL":"podlab"}}'`);
  });

  it('keeps a volume of a missing ConfigMap, so that the pod fails to mount it too', () => {
    const mounting = exported(`apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/missing: "[configmap/site]"
spec:
  containers:
    - {name: app, image: nginx:1.27, volumeMounts: [{name: site, mountPath: /usr/share/nginx/html}, {name: conf, mountPath: /etc/conf}]}
  volumes:
    - {name: site, configMap: {name: site}}
    - {name: conf, configMap: {name: conf}}
`);
    expect(mounting.pod.spec.volumes).toEqual([
      { name: 'site', configMap: { name: 'site' } },
      { name: 'conf', emptyDir: {} },
    ]);
    expect(mounting.notes).toContain('Volume site keeps its configMap, missing in the scenario (or a key its items name): the pod waits in ContainerCreating (FailedMount) until it exists.');
  });
});

import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario';

const scenario = (missing: string, actions = '[]') => `apiVersion: v1
kind: Pod
metadata:
  name: shop
  annotations:
    podlab.dev/missing: "${missing}"
    podlab.dev/actions: "${actions}"
spec:
  containers:
    - name: web
      image: nginx:1.27
      envFrom: [{configMapRef: {name: shop-config}}]
      env:
        - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
        - {name: FLAGS, valueFrom: {configMapKeyRef: {name: flags, key: all, optional: true}}}
      volumeMounts: [{name: certs, mountPath: /certs}]
  volumes:
    - {name: certs, secret: {secretName: tls-certs}}
`;

const issues = (text: string) => {
  const result = parseScenario(text);
  return result.ok ? [] : result.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('podlab.dev/missing and the create action', () => {
  it('reads what the environment reads, in the kubelet order (envFrom, then env), the volumes it mounts, and what is missing', () => {
    const result = parseScenario(scenario('[secret/db, configmap/flags]', '[{at: 30, do: create, object: secret/db}]'));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
    expect(result.model.containers[0]!.configRefs).toEqual([
      { object: 'configmap/shop-config', optional: false },
      { object: 'secret/db', optional: false },
      { object: 'configmap/flags', optional: true },
    ]);
    expect(result.model.missingObjects).toEqual(['secret/db', 'configmap/flags']);
    expect(result.model.volumeObjects).toEqual([{ volume: 'certs', object: 'secret/tls-certs' }]);
    expect(result.model.actions).toEqual([{ at: 30, do: 'create', object: 'secret/db' }]);
  });

  it('names what is wrong in the list, at its place', () => {
    const path = 'metadata.annotations["podlab.dev/missing"]';
    expect(issues(scenario('[Secret/DB, secret/db, secret/db, configmap/other]'))).toEqual([
      `${path}[0]: must be configmap/NAME or secret/NAME, NAME a lowercase DNS name, not string "Secret/DB"`,
      `${path}[2]: secret/db is listed twice`,
      `${path}[3]: the pod does not use configmap/other: no env valueFrom or envFrom reads it, and no mounted volume (not optional) holds it; it uses: configmap/shop-config, secret/db, configmap/flags, secret/tls-certs`,
    ]);
    expect(issues(scenario('secret/db'))).toEqual([`${path}: must be a list such as [configmap/app-config, secret/db-password], not string "secret/db"`]);
  });

  it('creates only what is missing', () => {
    expect(issues(scenario('[secret/db]', '[{at: 30, do: create, object: configmap/shop-config}]'))).toEqual([
      'metadata.annotations["podlab.dev/actions"][0].object: must name a ConfigMap or Secret that is missing (secret/db), not string "configmap/shop-config"',
    ]);
    expect(issues(scenario('[]', '[{at: 30, do: create, object: secret/db}]'))).toEqual([
      'metadata.annotations["podlab.dev/actions"][0].object: must name a ConfigMap or Secret that is missing (none: list them in podlab.dev/missing), not string "secret/db"',
    ]);
  });
});

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
      { object: 'secret/db', key: 'password', optional: false },
      { object: 'configmap/flags', key: 'all', optional: true },
    ]);
    expect(result.model.missingObjects).toEqual(['secret/db', 'configmap/flags']);
    expect(result.model.volumeObjects).toEqual([{ volume: 'certs', object: 'secret/tls-certs' }]);
    expect(result.model.actions).toEqual([{ at: 30, do: 'create', object: 'secret/db' }]);
  });

  it('names what is wrong in the list, at its place', () => {
    const path = 'metadata.annotations["podlab.dev/missing"]';
    expect(issues(scenario('[Secret/DB, secret/db, secret/db, configmap/other, secret/db/user, secret/db/password]'))).toEqual([
      `${path}[0]: must be configmap/NAME or secret/NAME (NAME a lowercase DNS name), or one of their keys, configmap/NAME/KEY, not string "Secret/DB"`,
      `${path}[2]: secret/db is listed twice`,
      `${path}[3]: the pod does not use configmap/other: no env valueFrom or envFrom reads it, and no mounted volume (not optional) holds it; it uses: configmap/shop-config, secret/db, configmap/flags, secret/tls-certs`,
      `${path}[4]: the pod reads no key secret/db/user: no env valueFrom key reference nor volume item names it; it reads: secret/db/password, configmap/flags/all`,
      `${path}[5]: secret/db is missing altogether: leave its key password out`,
    ]);
    expect(issues(scenario('secret/db'))).toEqual([`${path}: must be a list such as [configmap/app-config, secret/db/password], not string "secret/db"`]);
  });

  it('reads the ConfigMaps and Secrets of a projected volume, each source as a volume of its own', () => {
    const projected = scenario('[configmap/bundle-a]').replace(
      '    - {name: certs, secret: {secretName: tls-certs}}',
      '    - {name: certs, projected: {sources: [{configMap: {name: bundle-a, items: [{key: ca.crt, path: ca.crt}]}}, {secret: {name: bundle-b, optional: true}}]}}',
    );
    const result = parseScenario(projected);
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
    expect(result.model.volumeObjects).toEqual([{ volume: 'certs', object: 'configmap/bundle-a', keys: ['ca.crt'] }]);
    expect(result.model.missingObjects).toEqual(['configmap/bundle-a']);
  });

  it('takes a key the pod reads as missing from its object', () => {
    const result = parseScenario(scenario('[secret/db/password]', '[{at: 30, do: create, object: secret/db/password}]'));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
    expect(result.model.missingObjects).toEqual(['secret/db/password']);
    expect(result.model.actions).toEqual([{ at: 30, do: 'create', object: 'secret/db/password' }]);
  });

  it('creates only what is missing', () => {
    expect(issues(scenario('[secret/db]', '[{at: 30, do: create, object: configmap/shop-config}]'))).toEqual([
      'metadata.annotations["podlab.dev/actions"][0].object: must name what is missing: a ConfigMap or Secret, or a key of one (secret/db), not string "configmap/shop-config"',
    ]);
    expect(issues(scenario('[]', '[{at: 30, do: create, object: secret/db}]'))).toEqual([
      'metadata.annotations["podlab.dev/actions"][0].object: must name what is missing: a ConfigMap or Secret, or a key of one (none: list them in podlab.dev/missing), not string "secret/db"',
    ]);
  });
});

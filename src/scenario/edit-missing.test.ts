import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario';
import { setMissing } from './edit-missing';
import { addAction } from './edit-actions';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  containers:
    - name: web
      image: nginx:1.27
      envFrom: [{configMapRef: {name: shop-config}}, {secretRef: {name: db}}]
`;

const modelOf = (source: string) => {
  const result = parseScenario(source);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  return result.model;
};

describe('setMissing', () => {
  it('adds and removes objects in podlab.dev/missing, and the annotation once empty', () => {
    let source = setMissing(POD, 'secret/db', true);
    source = setMissing(source, 'configmap/shop-config', true);
    source = setMissing(source, 'secret/db', true);
    expect(modelOf(source).missingObjects).toEqual(['secret/db', 'configmap/shop-config']);
    expect(source).toContain('podlab.dev/missing: |\n      [secret/db, configmap/shop-config]');
    source = setMissing(source, 'secret/db', false);
    expect(modelOf(source).missingObjects).toEqual(['configmap/shop-config']);
    expect(setMissing(source, 'configmap/shop-config', false)).not.toContain('podlab.dev');
  });

  it('takes the create actions of an object that is there again along', () => {
    let source = setMissing(POD, 'secret/db', true);
    source = addAction(source, { at: 30, do: 'create', object: 'secret/db' });
    source = addAction(source, { at: 40, do: 'delete' });
    expect(modelOf(source).actions.map((a) => a.do)).toEqual(['create', 'delete']);
    source = setMissing(source, 'secret/db', false);
    expect(modelOf(source).actions).toEqual([{ at: 40, do: 'delete' }]);
  });
});

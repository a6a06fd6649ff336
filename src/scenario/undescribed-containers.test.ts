import { describe, expect, it } from 'vitest';
import { EXAMPLE_SCENARIO } from '../app/example-scenario';
import { parseScenario } from './parse-scenario';
import { parseDocument } from 'yaml';
import { undescribedContainers } from './undescribed-containers';

/** The names, from a text that is one well-formed YAML document (none otherwise). */
const undescribedContainerNames = (text: string) => {
  const doc = parseDocument(text);
  return doc.errors.length > 0 ? [] : undescribedContainers(doc).map((c) => c.name);
};

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/behavior: |
      app: {startup: 5}
spec:
  initContainers:
    - {name: wait, image: busybox:1.36, command: [sleep, "5"]}
    - {name: proxy, image: envoyproxy/envoy:v1.31.0, restartPolicy: Always}
  containers:
    - {name: app, image: example.com/app:1}
    - {name: logs, image: fluent/fluent-bit:3.1.9}
`;

describe('undescribedContainers', () => {
  it('names the containers the behaviour annotation leaves out, init containers first', () => {
    expect(undescribedContainerNames(POD)).toEqual(['wait', 'proxy', 'logs']);
  });

  it('names every container when there is no annotation, and none when all are described', () => {
    expect(undescribedContainerNames(POD.replace(/  annotations:\n.*\n.*\n/, ''))).toEqual(['wait', 'proxy', 'app', 'logs']);
    expect(undescribedContainerNames(EXAMPLE_SCENARIO)).toEqual([]);
  });

  it('names none over a malformed annotation, which the gate reports', () => {
    const malformed = POD.replace('app: {startup: 5}', 'app: {startup: [}');
    expect(parseScenario(malformed).ok).toBe(false);
    expect(undescribedContainerNames(malformed)).toEqual([]);
  });

  it('names none in a Deployment: the YAML tab takes only a Pod (Import takes the rest)', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers: [{name: app, image: nginx:1.27}]
  containers: [{name: stray, image: nginx:1.27}]
`;
    expect(parseScenario(deployment)).toMatchObject({ ok: false, issues: expect.arrayContaining([expect.objectContaining({ path: 'kind' })]) });
    expect(undescribedContainerNames(deployment)).toEqual([]);
  });

  it('names none in text that is not one YAML document', () => {
    expect(undescribedContainerNames('kind: Pod\nspec: [\n')).toEqual([]);
    expect(undescribedContainerNames(`${POD}---\n${POD}`)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { kubectlRow, simulate } from '../engine';
import { EXAMPLE_SCENARIO } from '../app/example-scenario';
import { parseScenario } from './parse-scenario';
import { addInferredBehaviors } from './add-inferred-behaviors';

const PASTED = `# Pasted from the cluster.
apiVersion: v1
kind: Pod
metadata:
  name: web # the name kubectl shows
  annotations:
    podlab.dev/behavior: |
      # my own
      app: {startup: 5}   # keep this
spec:
  initContainers:
  - name: wait
    image: busybox:1.36
    command: ["sh", "-c", "sleep 5"]   # waits for the database

  containers:
  - name: app
    image: 'example.com/app:1'
  - name: web
    image: nginx:1.27
`;

function run(source: string) {
  const result = parseScenario(source);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return simulate(result.model);
}

/** The lines of `after` that `before` does not have; throws unless the rest is `before` exactly. */
function addedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  const added = after.split('\n').filter((line) => !old.has(line));
  expect(after.split('\n').filter((line) => old.has(line)).join('\n')).toBe(before);
  return added;
}

describe('addInferredBehaviors', () => {
  it('infers a behaviour for each undescribed container, with its reason, and the pod plays it', () => {
    const { source, inferred } = addInferredBehaviors(PASTED);
    expect(inferred.map((i) => [i.container, i.behavior])).toEqual([['wait', { run: 5, stop: 'ignore' }], ['web', { stopExitCode: 0 }]]);
    expect(inferred[0]!.reason).toMatch(/^runs `sleep 5`: exits 0 after 5 s/);
    expect(kubectlRow(run(PASTED), 20).status).toBe('Init:0/1');
    expect(kubectlRow(run(source), 20).status).toBe('Running');
  });

  it('only adds lines at the end of the annotation: the described container, comments and layout stay as typed', () => {
    const { source, inferred } = addInferredBehaviors(PASTED);
    expect(addedLines(PASTED, source)).toEqual(inferred.flatMap((i) => [`      # inferred: ${i.reason}`, `      ${i.container}: ${i.container === 'web' ? '{stopExitCode: 0}' : '{run: 5, stop: ignore}'}`]));
    expect(source).toContain('      app: {startup: 5}   # keep this\n      # inferred: runs `sleep 5`');
  });

  it('creates the annotation, and the annotations map, when the pod has none', () => {
    const bare = PASTED.replace(/  annotations:\n(.*\n){3}/, '');
    const { source, inferred } = addInferredBehaviors(bare);
    expect(inferred.map((i) => i.container)).toEqual(['wait', 'app', 'web']);
    expect(addedLines(bare, source).slice(0, 2)).toEqual(['  annotations:', '    podlab.dev/behavior: |']);
    expect(parseScenario(source).ok).toBe(true);
  });

  it('edits the document as a whole where the text is not in block style, keeping its comments', () => {
    const flow = PASTED.replace(/  annotations:\n(.*\n){3}/, '  annotations: {team: shop} # owners\n');
    const { source } = addInferredBehaviors(flow);
    expect(source).toContain('# owners');
    expect(source).toContain('# waits for the database');
    expect(parseScenario(source).ok).toBe(true);
    expect(kubectlRow(run(source), 20).status).toBe('Running');
  });

  it('leaves a described pod, a Deployment and broken YAML exactly as they are', () => {
    for (const text of [EXAMPLE_SCENARIO, PASTED.replace('kind: Pod', 'kind: Deployment'), `${PASTED}  - [\n`]) {
      expect(addInferredBehaviors(text)).toEqual({ source: text, inferred: [] });
    }
  });
});

/** What the scenario tests ask of the gate: the problems of a text it refuses, a text read back from a share link. */
import { expect } from 'vitest';
import { parseScenario, type ScenarioResult } from '../parse-scenario';
import { decodeShareHash, encodeShareHash } from '../share-link';

/** The gate's problems with a text it must refuse, one each: "line path: message" (`-` without a line). */
export function issueLines(text: string): string[] {
  const result = parseScenario(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.issues.map((i) => `${i.line ?? '-'} ${i.path}: ${i.message}`);
}

/** The scenario a share link of `source` (at `t`) opens: encoded, decoded and read by the gate. */
export function throughShareLink(source: string, t: number): ScenarioResult {
  const encoded = encodeShareHash({ source, t });
  if (!encoded.ok) throw new Error(encoded.message);
  const decoded = decodeShareHash(encoded.hash);
  if (!decoded.ok) throw new Error(decoded.message);
  return parseScenario(decoded.scenario.source);
}

/**
 * A Pod `web` of one container (`container`, a flow mapping named app) whose behaviour is
 * `behavior`: that behaviour is on line 7, the container on line 10.
 */
export const oneContainerPod = (container: string, behavior: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/behavior: |
      app: ${behavior}
spec:
  containers:
    - ${container}
`;

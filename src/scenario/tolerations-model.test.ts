import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario';
import { simulate } from '../engine/simulate';

const scenario = (tolerations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/actions: |
      - {at: 10, do: reboot-node, down: 400}
spec:
${tolerations}  containers:
    - {name: app, image: nginx:1.26}
`;

function model(text: string) {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.model;
}

describe('spec.tolerations in the model', () => {
  it('are read as written, for the engine to match against the unreachable taint', () => {
    const m = model(scenario('  tolerations:\n    - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 10}\n    - {key: dedicated, operator: Equal, value: db, effect: NoSchedule}\n'));
    expect(m.tolerations).toEqual([
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' },
    ]);
    expect(simulate(m).deletion?.t).toBe(70);
  });

  it('are absent when the spec has none: the engine adds the API server default (300 s)', () => {
    const m = model(scenario(''));
    expect(m.tolerations).toBeUndefined();
    expect(simulate(m).deletion?.t).toBe(360);
  });
});

describe('spec.tolerations the API server refuses', () => {
  it('are refused here too, at their fields (validation.go ValidateTolerations)', () => {
    const result = parseScenario(
      scenario(
        [
          '  tolerations:',
          '    - {operator: Equal, effect: NoExecute}',
          '    - {key: a, operator: Exists, value: x}',
          '    - {key: a, operator: Exists, effect: NoSchedule, tolerationSeconds: 5}',
          '    - {key: a, operator: Maybe, effect: Sometimes, tolerationSeconds: soon}',
          '',
        ].join('\n'),
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
      "spec.tolerations[1].operator: Invalid value: \"Exists\": value must be empty when `operator` is 'Exists'",
      "spec.tolerations[2].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      'spec.tolerations[3].operator: Unsupported value: "Maybe": supported values: "Exists", "Equal"',
      'spec.tolerations[3].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      'spec.tolerations[3].tolerationSeconds: must be a whole number, not string "soon"',
      "spec.tolerations[3].effect: Invalid value: \"Sometimes\": effect must be 'NoExecute' when `tolerationSeconds` is set",
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { ACTIONS_ANNOTATION } from '../../scenario/annotations';
import { addAction, setActionField, type ActionInput } from '../../scenario/edit-actions';
import { readPod } from '../../scenario/edit-read';
import { formatPath } from '../../scenario/issues';
import { parseScenario } from '../../scenario/parse-scenario';
import { actionFields } from './action-fields';

/** A pod every kind of action can be played on: a probed container, a readiness gate, graceful node shutdown. */
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: shop
  annotations:
    podlab.dev/kubelet: |
      shutdownGracePeriod: 30s
spec:
  readinessGates:
    - conditionType: example.com/lb
  containers:
    - name: web
      image: nginx:1.27
      livenessProbe: {httpGet: {path: /, port: 80}}
`;

const ACTIONS: ActionInput[] = [
  { at: 10, do: 'delete' },
  { at: 10, do: 'drain' },
  { at: 10, do: 'kill', container: 'web' },
  { at: 10, do: 'set-image', container: 'web', image: 'nginx:1.27' },
  { at: 10, do: 'fail-probes', container: 'web' },
  { at: 10, do: 'reboot-node' },
  { at: 10, do: 'set-condition', condition: 'example.com/lb', status: 'True' },
  { at: 10, do: 'evict', resource: 'memory' },
  { at: 10, do: 'shutdown-node' },
];

/** A value the scenario accepts for each field, and one it refuses. */
const GOOD: Record<string, unknown> = { gracePeriodSeconds: 5, exitCode: 3, image: 'nginx:1.28', probe: 'liveness', down: 12, status: 'False', resource: 'pid', othersStopIn: 4, activeDeadlineSeconds: 20 };
const BAD: Record<string, unknown> = { gracePeriodSeconds: 'soon', exitCode: 300, image: 'nginx 1.28', probe: 'health', down: -1, status: 'maybe', resource: 'disk', othersStopIn: -2, activeDeadlineSeconds: 'later' };

/** set-deadline is not one of Break it's acts (ActionInput): written in as the YAML tab would. */
const DEADLINE = addAction(POD, { at: 10, do: 'kill', container: 'web' }).replace('do: kill, container: web', 'do: set-deadline, activeDeadlineSeconds: 60');
const SOURCES = [...ACTIONS.map((action) => addAction(POD, action)), DEADLINE];

describe('the settings the Actions list offers for each action', () => {
  for (const source of SOURCES) {
    const action = readPod(source).actions[0]!;
    const fields = actionFields(action);

    it(`${String(action.do)}: each is a key the scenario reads, carried into the model`, () => {
      expect(parseScenario(source).issues).toEqual([]);
      expect(fields.length).toBeGreaterThan(0);
      for (const field of fields) {
        expect(GOOD, field.key).toHaveProperty(field.key);
        const result = parseScenario(setActionField(source, 0, field.key, GOOD[field.key]));
        expect(result.issues, field.key).toEqual([]);
        expect(result.ok && result.model.actions[0], field.key).toMatchObject({ [field.key]: GOOD[field.key] });
      }
    });

    it(`${String(action.do)}: a wrong value is explained at that field's own path`, () => {
      for (const field of fields) {
        const result = parseScenario(setActionField(source, 0, field.key, BAD[field.key]));
        expect(result.issues.map((issue) => issue.path), field.key).toContain(formatPath(['metadata', 'annotations', ACTIONS_ANNOTATION, 0, field.key]));
      }
    });
  }

  it('offers nothing the act does not have: an OOM kill reports 137, an eviction for a container or a volume is about storage', () => {
    expect(actionFields({ at: 1, do: 'kill', container: 'web', oom: true })).toEqual([]);
    expect(actionFields({ at: 1, do: 'evict', container: 'writer' })).toEqual([]);
    expect(actionFields({ at: 1, do: 'evict', volume: 'cache' })).toEqual([]);
    expect(actionFields({ at: 1, do: 'debug', container: 'debugger' })).toEqual([]);
    expect(actionFields({ at: 1, do: 'explode' })).toEqual([]);
  });
});

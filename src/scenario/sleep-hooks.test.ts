import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse-scenario';

const pod = (behavior: string, lifecycle: string) => `apiVersion: v1
kind: Pod
metadata:
  name: shop
  annotations:
    podlab.dev/behavior: |
      web: ${behavior}
spec:
  terminationGracePeriodSeconds: 60
  containers:
    - name: web
      image: nginx:1.27
      lifecycle: ${lifecycle}
`;

function behaviorOf(source: string) {
  const result = parseScenario(source);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.model.containers[0]!.behavior;
}

describe('a sleep hook is the kubelet\'s own wait', () => {
  it('takes its seconds from the spec, and never fails, whatever the behaviour says, on every run', () => {
    const behavior = behaviorOf(pod('{preStop: 5, preStopFails: true, postStart: 2, attempts: [{preStop: 7, run: 3}]}', '{preStop: {sleep: {seconds: 30}}, postStart: {sleep: {seconds: 4}}}'));
    expect(behavior).toMatchObject({ preStop: 30, preStopFails: false, postStart: 4, postStartFails: false });
    expect(behavior.attempts).toEqual([{ run: 3 }]);
  });

  it('leaves the behaviour of any other handler alone: an exec or HTTP hook runs the container\'s program', () => {
    const behavior = behaviorOf(pod('{preStop: 5, preStopFails: true}', '{preStop: {exec: {command: [sh, -c, "sleep 30"]}}}'));
    expect(behavior).toMatchObject({ preStop: 5, preStopFails: true });
    expect(behaviorOf(pod('{postStart: 2}', '{postStart: {httpGet: {path: /warm, port: 80}}}'))).toMatchObject({ postStart: 2 });
  });

  it('a zero-second sleep (PodLifecycleSleepActionAllowZero) takes no time', () => {
    expect(behaviorOf(pod('{preStop: 5}', '{preStop: {sleep: {seconds: 0}}}'))).toMatchObject({ preStop: 0 });
  });
});

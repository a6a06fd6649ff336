import { describe, expect, it } from 'vitest';
import { exportRunnable } from './runnable-export';
import { issueLines, throughShareLink } from './testing/gate-kit';
import { parseScenario } from './parse-scenario';

const scenario = (actions: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/actions: |
${actions}
spec:
  initContainers:
    - {name: migrate, image: busybox:1.36}
  containers:
    - {name: app, image: nginx:1.26}
`;

describe('the reboot-node action', () => {
  it('becomes an engine action with how long the node stays down, 30 s when not given', () => {
    const result = parseScenario(scenario('      - {at: 60, do: reboot-node, down: 45}\n      - {at: 200, do: reboot-node}'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.model.actions).toEqual([
      { at: 60, do: 'reboot-node', down: 45 },
      { at: 200, do: 'reboot-node', down: 30 },
    ]);
  });

  it('rejects a bad down time, a container (the whole node reboots) and a reboot while the node is still down, at their fields and lines', () => {
    const text = scenario(
      [
        '      - {at: 10, do: reboot-node, down: -1}',
        '      - {at: 20, do: reboot-node, down: soon}',
        '      - {at: 30, do: reboot-node, container: app}',
        '      - {at: 100, do: reboot-node, down: 60}',
        '      - {at: 150, do: reboot-node}',
      ].join('\n'),
    );
    expect(issueLines(text)).toEqual([
      '7 metadata.annotations["podlab.dev/actions"][0].down: must be how many seconds the node stays down (0 to 86400; absent: 30), not number -1',
      '8 metadata.annotations["podlab.dev/actions"][1].down: must be how many seconds the node stays down (0 to 86400; absent: 30), not string "soon"',
      '9 metadata.annotations["podlab.dev/actions"][2].container: unknown field "container" for a reboot-node action; the fields are: at, do, down',
      '11 metadata.annotations["podlab.dev/actions"][4].at: the node is still down then: the reboot at 100 s brings it back at 160 s',
    ]);
  });

  it('travels in a share link and comes back as the same action', () => {
    const source = scenario('      - {at: 60, do: reboot-node, down: 20}');
    const again = throughShareLink(source, 61);
    expect(again.ok && again.model.actions).toEqual([{ at: 60, do: 'reboot-node', down: 20 }]);
  });

  it('cannot be acted out by the runnable export: a comment says so, and the manifest keeps the action for Podlab', () => {
    const result = exportRunnable(scenario('      - {at: 60, do: reboot-node, down: 20}'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.yaml).toContain(
      '#   at 60 s: reboot the node the pod runs on, for 20 s (Podlab only: no manifest or kubectl command can do it; on a node you own, `sudo systemctl reboot` there — the pod\'s init containers then run again)',
    );
    const again = parseScenario(result.yaml);
    expect(again.ok && again.model.actions).toEqual([{ at: 60, do: 'reboot-node', down: 20 }]);
  });
});

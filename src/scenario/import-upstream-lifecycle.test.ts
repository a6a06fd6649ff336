/**
 * The pods of test/e2e_node/container_lifecycle_test.go as upstream builds them: every container
 * and hook runs the harness script of ExecCommand (testing/upstream-harness.ts). Imported without
 * a behaviour annotation, each must play exactly as its hand translation in
 * the kubelet-e2e fixture folders of src/engine/fixtures, whose tests assert what the upstream test asserts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { simulate } from '../engine';
import { BEHAVIOR_ANNOTATION } from './annotations';
import { parseScenario } from './parse-scenario';
import { execCommand, type ExecCommand } from './testing/upstream-harness';
import { importWorkload } from './workload-import';

interface Upstream {
  /** What each container runs: ExecCommand(name, …). */
  containers: Record<string, ExecCommand>;
  /** What each container's preStop hook runs: ExecCommand("PreStop-<name>", {…, ContainerName: name}). */
  preStop?: ExecCommand;
  /** What its exec liveness probe runs: ExecCommand("Liveness-<name>", {…, ContainerName: name}). */
  liveness?: ExecCommand;
}

/** `folder/file` under src/engine/fixtures. */
const fixture = (path: string) => readFileSync(new URL(`../engine/fixtures/${path}`, import.meta.url), 'utf8');

/** The fixture's pod with upstream's commands instead of its behaviour annotation (actions kept). */
function upstreamPod(name: string, upstream: Upstream): string {
  const doc = parseDocument(fixture(name));
  doc.deleteIn(['metadata', 'annotations', BEHAVIOR_ANNOTATION]);
  for (const list of ['initContainers', 'containers']) {
    const seq = doc.getIn(['spec', list], true);
    if (!isSeq(seq)) continue;
    for (const item of seq.items as YAMLMap[]) {
      const container = String(item.get('name'));
      item.set('command', execCommand(container, upstream.containers[container] ?? {}));
      if (upstream.liveness && isMap(item.get('livenessProbe'))) {
        item.setIn(['livenessProbe', 'exec', 'command'], execCommand(`Liveness-${container}`, { ...upstream.liveness, ContainerName: container }));
      }
      if (upstream.preStop && isMap(item.get('lifecycle'))) {
        doc.setIn(['spec', list, seq.items.indexOf(item), 'lifecycle', 'preStop'], {
          exec: { command: execCommand(`PreStop-${container}`, { ...upstream.preStop, ContainerName: container }) },
        });
      }
    }
  }
  return doc.toString();
}

function events(source: string) {
  const parsed = parseScenario(source);
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return simulate(parsed.model).events;
}

function importedEvents(source: string) {
  const imported = importWorkload(source);
  if (!imported.ok) throw new Error(imported.notices.map((n) => n.message).join('\n'));
  expect(imported.inferred.every((i) => i.certain), imported.inferred.map((i) => `${i.container}: ${i.reason}`).join('\n')).toBe(true);
  return events(imported.source);
}

const sidecars = (c: ExecCommand) => ({ 'restartable-init-1': c, 'restartable-init-2': c, 'restartable-init-3': c });

const cases: [string, string, Upstream][] = [
  ['should launch init container serially before a regular container', 'kubelet-e2e/init-serial-never.yaml', {
    containers: { 'init-1': { Delay: 1 }, 'init-2': { Delay: 1 }, 'init-3': { Delay: 1 }, 'regular-1': { StartDelay: 5, Delay: 1 } },
  }],
  ['should not launch regular containers if an init container fails', 'kubelet-e2e/init-fails-never.yaml', {
    containers: { 'init-1': { Delay: 1, ExitCode: 1 }, 'regular-1': { Delay: 1 } },
  }],
  ['should launch restartable init containers serially considering the startup probe', 'kubelet-e2e/sidecar-startup-probe-serial.yaml', {
    containers: { 'restartable-init-1': { StartDelay: 10, Delay: 600 }, 'restartable-init-2': { StartDelay: 10, Delay: 600 }, 'regular-1': { Delay: 1 } },
  }],
  ['should terminate sidecars in reverse order after all main containers have exited', 'kubelet-e2e/sidecars-terminate-reverse-order.yaml', {
    containers: { ...sidecars({ Delay: 60, TerminationSeconds: 5 }), 'regular-1': { Delay: 5 } },
  }],
  ['should call sidecar container PreStop hook simultaneously', 'kubelet-e2e/sidecar-prestops-simultaneous.yaml', {
    containers: { ...sidecars({ Delay: 60, TerminationSeconds: 5 }), 'regular-1': { Delay: 5 } },
    preStop: { Delay: 1 },
  }],
  ['should terminate sidecars simultaneously if prestop doesn\'t exit', 'kubelet-e2e/sidecar-prestop-never-exits.yaml', {
    containers: { ...sidecars({ Delay: 60, TerminationSeconds: 5 }), 'regular-1': { Delay: 5 } },
    preStop: { LoopForever: true },
  }],
  ['should mark pod as succeeded if any of the restartable init containers have terminated with non-zero exit code', 'kubelet-e2e/sidecar-nonzero-exit-succeeded.yaml', {
    containers: {
      'restartable-init-1': { Delay: 600, TerminationSeconds: 1 },
      'restartable-init-2': { Delay: 600, TerminationSeconds: 1, ExitCode: 1 },
      'restartable-init-3': { Delay: 600, TerminationSeconds: 1 },
      'regular-1': { Delay: 600, TerminationSeconds: 1 },
    },
  }],
  ['should mark pod as failed if regular container has exceeded its termination grace period seconds', 'kubelet-e2e/regular-exceeds-grace-failed.yaml', {
    containers: {
      'restartable-init-1': { Delay: 600, TerminationSeconds: 20 },
      'restartable-init-2': { Delay: 600, TerminationSeconds: 1 },
      'restartable-init-3': { Delay: 600, TerminationSeconds: 20 },
      'regular-1': { Delay: 600, TerminationSeconds: 20 },
    },
  }],
  ['should mark pod as succeeded if any of the restartable init containers have exceeded its termination grace period seconds', 'kubelet-e2e/sidecar-exceeds-grace-succeeded.yaml', {
    containers: {
      'restartable-init-1': { Delay: 600, TerminationSeconds: 1 },
      'restartable-init-2': { Delay: 600, TerminationSeconds: 20 },
      'restartable-init-3': { Delay: 600, TerminationSeconds: 1 },
      'regular-1': { Delay: 600, TerminationSeconds: 1 },
    },
  }],
  ['should restart failing container when pod restartPolicy is Always', 'kubelet-e2e-more/regular-restarts-always.yaml', {
    containers: { 'regular-1': { Delay: 1, ExitCode: 1 } },
  }],
  ['a restartable init container starts and exits with exit code 0 continuously (Never)', 'kubelet-e2e-more/sidecar-exits-0-continuously-never.yaml', {
    containers: { 'restartable-init-1': { Delay: 5 }, 'init-1': { Delay: 5 }, 'regular-1': { Delay: 60 } },
  }],
  ['a restartable init container starts and exits with exit code 1 continuously (Always)', 'kubelet-e2e-more/sidecar-exits-1-continuously-always.yaml', {
    containers: { 'restartable-init-1': { Delay: 5, ExitCode: 1 }, 'init-1': { Delay: 5 }, 'regular-1': { Delay: 60 } },
  }],
  ['a restartable init container runs continuously (OnFailure)', 'kubelet-e2e-more/sidecar-runs-continuously-onfailure.yaml', {
    containers: { 'restartable-init-1': { Delay: 600 }, 'regular-1': { Delay: 1 } },
  }],
  ['an Init container before restartable init container fails (Never)', 'kubelet-e2e-more/init-before-sidecar-fails-never.yaml', {
    containers: { 'init-1': { Delay: 1, ExitCode: 1 }, 'restartable-init-1': { Delay: 600 }, 'regular-1': { Delay: 600 } },
  }],
  ['an Init container after restartable init container fails (OnFailure)', 'kubelet-e2e-more/init-after-sidecar-fails-onfailure.yaml', {
    containers: { 'restartable-init-1': { Delay: 5, ExitCode: 1 }, 'init-1': { Delay: 1, ExitCode: 1 }, 'regular-1': { Delay: 600 } },
  }],
  ["should call the container's preStop hook and terminate it if its liveness probe fails", 'kubelet-e2e-more/liveness-fails-prestop.yaml', {
    containers: { 'regular-1': { Delay: 100, TerminationSeconds: 15 } },
    preStop: { Delay: 1 },
    liveness: { ExitCode: 1 },
  }],
];

describe('container_lifecycle_test.go pods imported as upstream builds them', () => {
  for (const [test, name, upstream] of cases) {
    it(`${test}: plays as ${name.split('/')[1]}`, () => {
      expect(importedEvents(upstreamPod(name, upstream))).toEqual(events(fixture(name)));
    });
  }
});

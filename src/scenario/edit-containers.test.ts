import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE_SCENARIO, EMPTY_SCENARIO } from '../app/example-scenario';
import { addContainer, duplicateContainer, moveContainer, removeContainer, renameContainer, setContainerField, setPodField } from './edit-containers';
import { readPod } from './edit-read';
import { TEMPLATES } from './template-library';
import { KIND_TEMPLATES } from './templates';

const names = (source: string) => {
  const pod = readPod(source);
  return { init: pod.initContainers.map((c) => `${c.name}:${c.role}`), containers: pod.containers.map((c) => c.name) };
};

describe('addContainer', () => {
  it('adds each palette kind to its list, sidecars with restartPolicy Always', () => {
    let source = EMPTY_SCENARIO;
    for (const kind of ['init', 'native-sidecar', 'classic-sidecar', 'main'] as const) {
      source = addContainer(source, KIND_TEMPLATES[kind]).source;
    }
    expect(names(source)).toEqual({ init: ['init:init', 'sidecar:sidecar'], containers: ['helper', 'app'] });
  });

  it('picks a free name and inserts at the drop index', () => {
    const { source, name } = addContainer(EXAMPLE_SCENARIO, KIND_TEMPLATES.init, 'init', 1);
    expect(name).toBe('init');
    const again = addContainer(source, KIND_TEMPLATES.init, 'init', 0);
    expect(again.name).toBe('init-2');
    expect(names(again.source).init).toEqual(['init-2:init', 'log-shipper:sidecar', 'init:init', 'mesh-proxy:sidecar', 'migrate:init']);
  });

  it('writes the template behaviour into the annotation and keeps comments', () => {
    const template = TEMPLATES.find((t) => t.id === 'batch-job')!;
    const { source } = addContainer(EXAMPLE_SCENARIO, template);
    expect(readPod(source).behaviors.report).toEqual({ run: 20 });
    expect(source).toContain('# Press Play, or change anything');
    expect(source).toContain('podlab.dev/behavior: |');
  });

  it('drops probes and hooks of a template added as a plain init container', () => {
    const proxy = TEMPLATES.find((t) => t.id === 'service-mesh-proxy')!;
    const { source } = addContainer(EMPTY_SCENARIO, proxy, 'init');
    expect(readPod(source).initContainers[0]!.spec.startupProbe).toBeUndefined();
  });
});

describe('moving, duplicating, renaming, removing', () => {
  it('reorders the init sequence', () => {
    const source = moveContainer(EXAMPLE_SCENARIO, 'migrate', 'init', 0);
    expect(names(source).init).toEqual(['migrate:init', 'log-shipper:sidecar', 'mesh-proxy:sidecar']);
  });

  it('turns a native sidecar into a regular container and back', () => {
    const regular = moveContainer(EXAMPLE_SCENARIO, 'log-shipper', 'classic-sidecar', 1);
    expect(names(regular)).toEqual({ init: ['mesh-proxy:sidecar', 'migrate:init'], containers: ['web', 'log-shipper'] });
    expect(readPod(regular).containers[1]!.spec.restartPolicy).toBeUndefined();
    const back = moveContainer(regular, 'log-shipper', 'native-sidecar', 0);
    expect(names(back).init).toEqual(['log-shipper:sidecar', 'mesh-proxy:sidecar', 'migrate:init']);
  });

  it("keeps a container's own restart policy when it moves, and its restart rules only among regular containers", () => {
    let source = setContainerField(EXAMPLE_SCENARIO, 'web', ['restartPolicy'], 'OnFailure');
    source = setContainerField(source, 'web', ['restartPolicyRules'], [{ action: 'Restart', exitCodes: { operator: 'In', values: [42] } }]);
    const moved = moveContainer(source, 'web', 'classic-sidecar', 0);
    expect(readPod(moved).containers[0]!.spec).toMatchObject({ restartPolicy: 'OnFailure', restartPolicyRules: [{ action: 'Restart' }] });
    const init = readPod(moveContainer(source, 'web', 'init', 0)).initContainers[0]!;
    expect(init.role).toBe('init');
    expect(init.spec.restartPolicy).toBe('OnFailure');
    expect(init.spec.restartPolicyRules).toBeUndefined();
  });

  it('duplicates spec and behaviour under a free name right after the original', () => {
    const { source, name } = duplicateContainer(EXAMPLE_SCENARIO, 'migrate');
    expect(name).toBe('migrate-2');
    expect(names(source).init.at(-1)).toBe('migrate-2:init');
    expect(readPod(source).behaviors['migrate-2']).toEqual({ run: 4 });
  });

  it('renames everywhere: spec, behaviour and actions', () => {
    let source = renameContainer(EXAMPLE_SCENARIO, 'web', 'shop');
    expect(readPod(source).behaviors.shop).toEqual({ startup: 2, stop: 1, stopExitCode: 0 });
    source = removeContainer(source, 'shop');
    expect(names(source).containers).toEqual([]);
    expect(readPod(source).behaviors.shop).toBeUndefined();
  });

  it('sets and removes spec fields, pruning emptied mappings', () => {
    let source = setContainerField(EXAMPLE_SCENARIO, 'web', ['readinessProbe', 'periodSeconds'], 5);
    expect(readPod(source).containers[0]!.spec.readinessProbe).toEqual({ httpGet: { path: '/', port: 80 }, periodSeconds: 5 });
    source = setContainerField(source, 'web', ['lifecycle', 'preStop'], undefined);
    expect(readPod(source).containers[0]!.spec.lifecycle).toBeUndefined();
    source = setPodField(source, ['spec', 'restartPolicy'], 'Never');
    expect(parse(source).spec.restartPolicy).toBe('Never');
  });

  it('leaves text that is not well-formed YAML alone', () => {
    const broken = 'spec: [unclosed';
    expect(removeContainer(broken, 'web')).toBe(broken);
  });
});

/**
 * Edits of the Pod's containers: add from a template, remove, duplicate, rename, move in the init
 * sequence or to another role, and set a field of the spec. Renames and removals carry over to
 * the behaviour and actions annotations, so the scenario stays consistent.
 */
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { behaviorOf, editBehaviors, renameBehavior, setBehavior } from './edit-behavior';
import { addAction, editActions } from './edit-actions';
import { containerNames, containerSeq, editDocument, findContainer, uniqueName, type ContainerList } from './edit-document';
import type { ContainerKind, ContainerTemplate } from './templates';

export interface AddResult {
  source: string;
  name: string;
}

export function listOfKind(kind: ContainerKind): ContainerList {
  return kind === 'init' || kind === 'native-sidecar' ? 'initContainers' : 'containers';
}

/** Only fields the API allows on a plain init container survive a move into the init sequence. */
const NOT_ON_INIT = ['startupProbe', 'readinessProbe', 'livenessProbe', 'lifecycle'];

/** Adds a container made from `template` as `kind`, at `index` of its list (default: the end). */
export function addContainer(source: string, template: ContainerTemplate, kind = template.kind, index?: number): AddResult {
  let name = template.container.name;
  const next = editDocument(source, (doc) => {
    name = uniqueName(template.container.name, containerNames(doc));
    const { name: _ignored, image, ...rest } = template.container;
    const spec: Record<string, unknown> = { name, image };
    if (kind === 'native-sidecar') spec.restartPolicy = 'Always';
    for (const [key, value] of Object.entries(rest)) if (kind !== 'init' || !NOT_ON_INIT.includes(key)) spec[key] = value;
    const node = doc.createNode(spec) as YAMLMap;
    for (const key of ['command', 'args']) {
      const seq = node.get(key, true);
      if (isSeq(seq)) seq.flow = true;
    }
    const seq = containerSeq(doc, listOfKind(kind), true)!;
    seq.items.splice(clamp(index ?? seq.items.length, seq.items.length), 0, node);
    editBehaviors(doc, (inner) => setBehavior(inner, name, template.behavior));
  });
  return { source: next, name };
}

export function removeContainer(source: string, name: string): string {
  return editDocument(source, (doc) => {
    const found = findContainer(doc, name);
    if (!found) return;
    containerSeq(doc, found.list, false)!.items.splice(found.index, 1);
    if (found.list !== 'containers' && containerSeq(doc, found.list, false)!.items.length === 0) {
      doc.deleteIn(['spec', found.list]);
    }
    // An ephemeral container that joined its processes now joins none.
    for (const debug of targetsOf(doc, name)) debug.delete('targetContainerName');
    editBehaviors(doc, (inner) => inner.deleteIn([name]));
    editActions(doc, (_inner, seq) => {
      seq.items = seq.items.filter((item) => !(isMap(item) && item.get('container') === name));
    });
  });
}

/** The ephemeral containers whose targetContainerName is `name`. */
function targetsOf(doc: Document, name: string): YAMLMap[] {
  return (containerSeq(doc, 'ephemeralContainers', false)?.items ?? []).filter((item): item is YAMLMap => isMap(item) && item.get('targetContainerName') === name);
}

/**
 * `kubectl debug -it POD --image=IMAGE --target=TARGET` at `at`: an ephemeral container under a
 * free name (debugger, debugger-2…) as kubectl makes it, and the debug action that adds it then.
 * Its shell runs as PID 1 with no handler for SIGTERM, which it then ignores: only SIGKILL stops it.
 */
export function addEphemeralContainer(source: string, image: string, target: string, at: number): AddResult {
  let name = 'debugger';
  const next = editDocument(source, (doc) => {
    name = uniqueName('debugger', containerNames(doc));
    containerSeq(doc, 'ephemeralContainers', true)!.items.push(doc.createNode({ name, image, targetContainerName: target, stdin: true, tty: true }));
    editBehaviors(doc, (inner) => setBehavior(inner, name, { stop: 'ignore' }));
  });
  return { source: addAction(next, { at, do: 'debug', container: name }), name };
}

/** Copies a container (spec and behaviour) right after itself under a free name. */
export function duplicateContainer(source: string, name: string): AddResult {
  let copyName = name;
  const next = editDocument(source, (doc) => {
    const found = findContainer(doc, name);
    if (!found) return;
    copyName = uniqueName(name, containerNames(doc));
    const copy = found.node.clone() as YAMLMap;
    copy.set('name', copyName);
    containerSeq(doc, found.list, false)!.items.splice(found.index + 1, 0, copy);
    editBehaviors(doc, (inner) => setBehavior(inner, copyName, behaviorOf(inner, name)));
  });
  return { source: next, name: copyName };
}

export function renameContainer(source: string, from: string, to: string): string {
  if (from === to) return source;
  return editDocument(source, (doc) => {
    const found = findContainer(doc, from);
    if (!found) return;
    setKeepingStyle(found.node, 'name', to);
    for (const debug of targetsOf(doc, from)) setKeepingStyle(debug, 'targetContainerName', to);
    editBehaviors(doc, (inner) => renameBehavior(inner, from, to));
    editActions(doc, (_inner, seq) => {
      for (const item of seq.items) if (isMap(item) && item.get('container') === from) item.set('container', to);
    });
  });
}

/**
 * Moves a container to `kind` at `index` of that kind's list (index counted in the list without
 * the container itself): reorders the init sequence and changes roles alike.
 */
export function moveContainer(source: string, name: string, kind: ContainerKind, index: number): string {
  return editDocument(source, (doc) => {
    const found = findContainer(doc, name);
    if (!found) return;
    const from = containerSeq(doc, found.list, false)!;
    from.items.splice(found.index, 1);
    const node = found.node;
    const wasSidecar = found.list === 'initContainers' && node.get('restartPolicy') === 'Always';
    if (kind === 'native-sidecar') node.set('restartPolicy', 'Always');
    else if (wasSidecar) node.delete('restartPolicy');
    // A container's own restart policy moves with it; its restart rules only where they play.
    if (kind === 'init' || kind === 'native-sidecar') node.delete('restartPolicyRules');
    if (kind === 'init') for (const key of NOT_ON_INIT) node.delete(key);
    const to = containerSeq(doc, listOfKind(kind), true)!;
    to.items.splice(clamp(index, to.items.length), 0, node);
    if (found.list === 'initContainers' && from.items.length === 0) doc.deleteIn(['spec', 'initContainers']);
  });
}

/** Sets (or with `undefined` removes) a field of a container's spec, e.g. ['readinessProbe', 'periodSeconds']. */
export function setContainerField(source: string, name: string, path: readonly (string | number)[], value: unknown): string {
  if (path.length === 1 && path[0] === 'name') return typeof value === 'string' ? renameContainer(source, name, value) : source;
  return editDocument(source, (doc) => {
    const found = findContainer(doc, name);
    if (!found) return;
    const full = ['spec', found.list, found.index, ...path];
    if (value === undefined) deleteAndPrune(doc, full);
    else doc.setIn(full, value);
  });
}

/** Sets (or removes) a pod-level field such as ['spec', 'restartPolicy']. */
export function setPodField(source: string, path: readonly (string | number)[], value: unknown): string {
  return editDocument(source, (doc) => {
    if (value === undefined) deleteAndPrune(doc, path);
    else doc.setIn(path, value);
  });
}

/** Deletes a field and the mappings it leaves empty (an empty `readinessProbe: {}` would still be a probe). */
function deleteAndPrune(doc: Document, path: readonly (string | number)[]): void {
  doc.deleteIn(path);
  for (let end = path.length - 1; end > 2; end--) {
    const parent = doc.getIn(path.slice(0, end), true);
    if (!isMap(parent) || parent.items.length > 0) return;
    doc.deleteIn(path.slice(0, end));
  }
}

function setKeepingStyle(map: YAMLMap, key: string, value: string): void {
  const node = map.get(key, true);
  if (isScalar(node)) node.value = value;
  else map.set(key, value);
}

function clamp(index: number, length: number): number {
  return Math.max(0, Math.min(index, length));
}

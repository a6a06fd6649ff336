/**
 * Edits of the `podlab.dev/behavior` annotation: a YAML mapping from container name to behaviour,
 * held as a string inside the Pod. It is parsed, changed and written back, keeping its comments.
 */
import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { ProbeAnswers, ProbeKind } from '../engine/types';
import { BEHAVIOR_ANNOTATION } from './annotations';
import { annotationText, editDocument, editInnerText, setAnnotationText } from './edit-document';

/** Sets (or with `undefined` removes) one behaviour field of one container. */
export function setBehaviorField(source: string, container: string, field: string, value: unknown): string {
  return editDocument(source, (doc) => {
    editBehaviors(doc, (inner) => {
      if (value === undefined) {
        inner.deleteIn([container, field]);
        const entry = inner.getIn([container], true);
        if (isMap(entry) && entry.items.length === 0) inner.deleteIn([container]);
        return;
      }
      ensureEntry(inner, container).set(field, value);
    });
  });
}

/**
 * Sets (or with `undefined` removes) one field of one probe's own answers, its window or its
 * redirect (`probes: {readiness: {unhealthyAfter: 60}}`); maps left empty go, so the probe
 * follows the container again.
 */
export function setProbeWindowField(source: string, container: string, probe: ProbeKind, field: keyof ProbeAnswers, value: unknown): string {
  return editDocument(source, (doc) => {
    editBehaviors(doc, (inner) => {
      if (value !== undefined) {
        const child = (map: YAMLMap, key: string): YAMLMap => {
          const node: unknown = map.get(key, true);
          if (isMap(node)) return node;
          const created = flowMap(inner);
          map.set(key, created);
          return created;
        };
        child(child(ensureEntry(inner, container), 'probes'), probe).set(field, value);
        return;
      }
      const path = [container, 'probes', probe];
      inner.deleteIn([...path, field]);
      for (let depth = path.length; depth > 0; depth--) {
        const node = inner.getIn(path.slice(0, depth), true);
        if (isMap(node) && node.items.length === 0) inner.deleteIn(path.slice(0, depth));
      }
    });
  });
}

function flowMap(inner: Document): YAMLMap {
  const node = inner.createNode({}) as YAMLMap;
  node.flow = true;
  return node;
}

/** Applies `edit` to the behaviour mapping inside `doc`; a malformed annotation is left alone. */
export function editBehaviors(doc: Document, edit: (inner: Document) => void): void {
  const text = editInnerText(annotationText(doc, BEHAVIOR_ANNOTATION), (inner) => {
    if (!isMap(inner.contents)) inner.contents = inner.createNode({}) as never;
    edit(inner);
  });
  if (text !== null) setAnnotationText(doc, BEHAVIOR_ANNOTATION, text);
}

export function setBehavior(inner: Document, container: string, behavior: Record<string, unknown>): void {
  inner.deleteIn([container]);
  if (Object.keys(behavior).length === 0) return;
  const node = inner.createNode(behavior) as YAMLMap;
  node.flow = true;
  inner.setIn([container], node);
}

export function renameBehavior(inner: Document, from: string, to: string): void {
  const map = inner.contents;
  if (!isMap(map)) return;
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === from) pair.key.value = to;
    else if (pair.key === from) pair.key = inner.createNode(to);
  }
}

export function behaviorOf(inner: Document, container: string): Record<string, unknown> {
  const entry = inner.getIn([container], true);
  return isMap(entry) ? (entry.toJSON() as Record<string, unknown>) : {};
}

function ensureEntry(inner: Document, container: string): YAMLMap {
  const entry = inner.getIn([container], true);
  if (isMap(entry)) return entry;
  const node = flowMap(inner);
  inner.setIn([container], node);
  return node;
}

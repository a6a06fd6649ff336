/**
 * Edits of the `podlab.dev/actions` annotation: the timed acts on the pod (kill, OOM, failing
 * probes, image updates, node reboots, evictions, delete) that make a run reproducible.
 */
import { isMap, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EvictionResource, ProbeKind } from '../engine/types';
import { ACTIONS_ANNOTATION } from './annotations';
import { annotationText, editDocument, editInnerText, setAnnotationText } from './edit-document';

export type ActionInput =
  | { at: number; do: 'delete'; gracePeriodSeconds?: number }
  | { at: number; do: 'kill'; container: string; exitCode?: number; oom?: boolean }
  | { at: number; do: 'set-image'; container: string; image: string }
  | { at: number; do: 'fail-probes'; container: string; probe?: ProbeKind }
  | { at: number; do: 'reboot-node'; down?: number }
  | { at: number; do: 'set-condition'; condition: string; status: 'True' | 'False' }
  | { at: number; do: 'evict'; resource: EvictionResource }
  | { at: number; do: 'drain' }
  | { at: number; do: 'shutdown-node' }
  | { at: number; do: 'create'; object: string }
  | { at: number; do: 'debug'; container: string };

/** Adds an action, keeping the list in time order (a new one goes after others at the same time). */
export function addAction(source: string, action: ActionInput): string {
  return editDocument(source, (doc) =>
    editActions(doc, (inner, seq) => {
      const node = inner.createNode(withoutUndefined(action)) as YAMLMap;
      node.flow = true;
      const after = seq.items.findIndex((item) => isMap(item) && Number(item.get('at')) > action.at);
      seq.items.splice(after < 0 ? seq.items.length : after, 0, node);
    }),
  );
}

export function removeAction(source: string, index: number): string {
  return editDocument(source, (doc) => editActions(doc, (_inner, seq) => void seq.items.splice(index, 1)));
}

/** Sets (or with `undefined` removes) one field of the action at `index`. */
export function setActionField(source: string, index: number, field: string, value: unknown): string {
  return editDocument(source, (doc) =>
    editActions(doc, (_inner, seq) => {
      const item = seq.items[index];
      if (!isMap(item)) return;
      if (value === undefined) item.delete(field);
      else item.set(field, value);
    }),
  );
}

export function editActions(doc: Document, edit: (inner: Document, seq: YAMLSeq) => void): void {
  const text = editInnerText(annotationText(doc, ACTIONS_ANNOTATION), (inner) => {
    if (!isSeq(inner.contents)) inner.contents = inner.createNode([]) as never;
    edit(inner, inner.contents as unknown as YAMLSeq);
  });
  if (text !== null) setAnnotationText(doc, ACTIONS_ANNOTATION, text);
}

function withoutUndefined(action: ActionInput): Record<string, unknown> {
  return Object.fromEntries(Object.entries(action).filter(([, value]) => value !== undefined));
}

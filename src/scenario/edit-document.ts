/**
 * The common ground of the edit-* modules: every edit is a pure function from scenario text to
 * scenario text made on the `yaml` Document, so comments, key order and quoting survive.
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { rememberPrinted, takeDocument } from './yaml-source';

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
const LISTS: ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface ContainerLocation {
  list: ContainerList;
  index: number;
  node: YAMLMap;
}

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Applies `edit` to the parsed document and prints it again. Text that is not well-formed YAML
 * cannot be edited structurally, so it comes back unchanged (the user fixes it in the text).
 */
export function editDocument(source: string, edit: (doc: Document) => void): string {
  const doc = editableDocument(source);
  if (doc.errors.length > 0) return source;
  if (!isMap(doc.contents)) doc.contents = doc.createNode({}) as never;
  edit(doc);
  return printed(doc);
}

/** Edits a YAML text held inside a string (an annotation): same rules, and '' for an empty document. */
export function editInnerText(text: string, edit: (doc: Document) => void): string | null {
  const doc = editableDocument(text);
  if (doc.errors.length > 0) return null;
  edit(doc);
  if (doc.contents === null || (isMap(doc.contents) && doc.contents.items.length === 0) ||
      (isSeq(doc.contents) && doc.contents.items.length === 0)) return '';
  return printed(doc);
}

/** The edited document's text; the document stands for that text's parse from now on. */
function printed(doc: Document.Parsed): string {
  const text = doc.toString(TO_STRING);
  rememberPrinted(text, doc);
  return text;
}

/** `parseDocument(text)`: the parse the app already made of this text when there is one. */
function editableDocument(text: string): Document.Parsed {
  return takeDocument(text) ?? parseDocument(text);
}

export function containerSeq(doc: Document, list: ContainerList, create: boolean): YAMLSeq | undefined {
  const node = doc.getIn(['spec', list], true);
  if (isSeq(node)) return node;
  if (!create) return undefined;
  const seq = new YAMLSeq();
  doc.setIn(['spec', list], seq);
  return seq;
}

export function findContainer(doc: Document, name: string): ContainerLocation | undefined {
  for (const list of LISTS) {
    const seq = containerSeq(doc, list, false);
    const index = seq?.items.findIndex((item) => isMap(item) && item.get('name') === name) ?? -1;
    if (seq && index >= 0) return { list, index, node: seq.items[index] as YAMLMap };
  }
  return undefined;
}

export function containerNames(doc: Document): string[] {
  const names: string[] = [];
  for (const list of LISTS) {
    for (const item of containerSeq(doc, list, false)?.items ?? []) {
      const name = isMap(item) ? item.get('name') : undefined;
      if (typeof name === 'string') names.push(name);
    }
  }
  return names;
}

/** `base`, or `base-2`, `base-3`… whichever is free: container names are unique in a Pod. */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  const stem = base.replace(/-\d+$/, '');
  for (let n = 2; ; n++) if (!taken.includes(`${stem}-${n}`)) return `${stem}-${n}`;
}

export function annotationText(doc: Document, key: string): string {
  const node = doc.getIn(['metadata', 'annotations', key], true);
  return isScalar(node) && typeof node.value === 'string' ? node.value : '';
}

/** Writes an annotation as a block literal (`|`), or removes it when empty. */
export function setAnnotationText(doc: Document, key: string, text: string): void {
  const path = ['metadata', 'annotations', key];
  if (text === '') {
    doc.deleteIn(path);
    const annotations = doc.getIn(['metadata', 'annotations'], true);
    if (isMap(annotations) && annotations.items.length === 0) doc.deleteIn(['metadata', 'annotations']);
    return;
  }
  const existing = doc.getIn(path, true);
  const scalar = isScalar(existing) ? existing : new Scalar(text);
  scalar.value = text.endsWith('\n') ? text : `${text}\n`;
  scalar.type = Scalar.BLOCK_LITERAL;
  if (!doc.hasIn(['metadata', 'annotations'])) doc.setIn(['metadata', 'annotations'], new YAMLMap());
  doc.setIn(path, scalar);
}

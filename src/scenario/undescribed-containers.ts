/**
 * The containers of a Pod that the `podlab.dev/behavior` annotation leaves out: they play the
 * default behaviour (run until stopped). Reads the document and infers nothing: infer-missing
 * guesses for them.
 */
import { isMap, parseDocument, type Document, type YAMLMap } from 'yaml';
import { BEHAVIOR_ANNOTATION } from './annotations';
import { containerSeq, type ContainerList } from './edit-document';

export interface UndescribedContainer {
  name: string;
  list: ContainerList;
  node: YAMLMap;
}

/** In spec order, init containers first, ephemeral ones last; none when the document is not a Pod. */
export function undescribedContainers(pod: Document): UndescribedContainer[] {
  const described = describedNames(pod);
  if (!described || pod.get('kind') !== 'Pod') return [];
  const undescribed: UndescribedContainer[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    for (const node of containerSeq(pod, list, false)?.items ?? []) {
      const name: unknown = isMap(node) ? node.get('name') : undefined;
      if (typeof name === 'string' && !described.has(name)) undescribed.push({ name, list, node: node as YAMLMap });
    }
  }
  return undescribed;
}

/**
 * The containers the annotation names; null when it is malformed: that is the validator's to
 * report, and guessing over it would hide the error.
 */
function describedNames(pod: Document): Set<string> | null {
  const annotation: unknown = pod.getIn(['metadata', 'annotations', BEHAVIOR_ANNOTATION]);
  if (annotation === undefined) return new Set();
  const inner = typeof annotation === 'string' ? parseDocument(annotation) : null;
  if (!inner || inner.errors.length > 0) return null;
  const value: unknown = inner.toJS();
  return new Set(value && typeof value === 'object' ? Object.keys(value) : []);
}

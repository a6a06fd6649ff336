/** Edits of the `podlab.dev/missing` annotation: which ConfigMaps and Secrets do not exist when the pod is created. */
import { isMap, isScalar, isSeq, type YAMLSeq } from 'yaml';
import { ACTIONS_ANNOTATION, MISSING_ANNOTATION } from './annotations';
import { editActions } from './edit-actions';
import { annotationText, editDocument, editInnerText, setAnnotationText } from './edit-document';

/**
 * Marks `object` (`configmap/NAME`, `secret/NAME`) missing or there. One that is there again takes
 * its create actions along: they would create what exists.
 */
export function setMissing(source: string, object: string, missing: boolean): string {
  return editDocument(source, (doc) => {
    const text = editInnerText(annotationText(doc, MISSING_ANNOTATION), (inner) => {
      if (!isSeq(inner.contents)) inner.contents = inner.createNode([]) as never;
      const seq = inner.contents as unknown as YAMLSeq;
      seq.flow = true;
      const at = seq.items.findIndex((item) => isScalar(item) && item.value === object);
      if (missing && at < 0) seq.items.push(inner.createNode(object));
      if (!missing && at >= 0) seq.items.splice(at, 1);
    });
    if (text !== null) setAnnotationText(doc, MISSING_ANNOTATION, text);
    if (missing || annotationText(doc, ACTIONS_ANNOTATION) === '') return;
    editActions(doc, (_inner, actions) => {
      actions.items = actions.items.filter((item) => !(isMap(item) && item.get('do') === 'create' && item.get('object') === object));
    });
  });
}

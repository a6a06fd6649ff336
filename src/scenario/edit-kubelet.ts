/** Edits of the `podlab.dev/kubelet` annotation: the crash-loop back-off and shutdown periods of the pod's node. */
import { isMap, type Document } from 'yaml';
import { KUBELET_ANNOTATION } from './annotations';
import { annotationText, editDocument, editInnerText, setAnnotationText } from './edit-document';

export interface CrashLoopBackOffSetting {
  /** ReduceDefaultCrashLoopBackOffDecay: 1 s doubling to 60 s. */
  reducedDecay: boolean;
  /**
   * crashLoopBackOff.maxContainerRestartPeriod: seconds, or a duration as typed ("1m30s"; written
   * as it is, for the gate to judge); null: the default, 300 s.
   */
  maxRestartPeriod: number | string | null;
}

/** Sets the node's crash-loop back-off, leaving the annotation's other fields as they are. */
export function setCrashLoopBackOff(source: string, { reducedDecay, maxRestartPeriod }: CrashLoopBackOffSetting): string {
  return editDocument(source, (doc) => {
    const text = editInnerText(annotationText(doc, KUBELET_ANNOTATION), (inner) => {
      if (!isMap(inner.contents)) inner.contents = inner.createNode({}) as never;
      if (reducedDecay) inner.setIn(['featureGates', 'ReduceDefaultCrashLoopBackOffDecay'], true);
      else deleteLeaf(inner, ['featureGates', 'ReduceDefaultCrashLoopBackOffDecay']);
      if (maxRestartPeriod === null) deleteLeaf(inner, ['crashLoopBackOff', 'maxContainerRestartPeriod']);
      else {
        // The period needs KubeletCrashLoopBackOffMax, on unless turned off.
        if (inner.getIn(['featureGates', 'KubeletCrashLoopBackOffMax']) === false) deleteLeaf(inner, ['featureGates', 'KubeletCrashLoopBackOffMax']);
        inner.setIn(['crashLoopBackOff', 'maxContainerRestartPeriod'], typeof maxRestartPeriod === 'number' ? `${maxRestartPeriod}s` : maxRestartPeriod);
      }
    });
    if (text !== null) setAnnotationText(doc, KUBELET_ANNOTATION, text);
  });
}

/** Deletes a field, and its mapping when that is left empty. */
function deleteLeaf(doc: Document, path: [string, string]): void {
  const parent = doc.getIn([path[0]], true);
  if (!isMap(parent)) return;
  parent.delete(path[1]);
  if (isMap(parent) && parent.items.length === 0) doc.deleteIn([path[0]]);
}

/** The node's graceful-shutdown periods: seconds, a duration as typed, or null for the default (0, off). */
export function setShutdownPeriod(source: string, field: 'shutdownGracePeriod' | 'shutdownGracePeriodCriticalPods', period: number | string | null): string {
  return editDocument(source, (doc) => {
    const text = editInnerText(annotationText(doc, KUBELET_ANNOTATION), (inner) => {
      if (!isMap(inner.contents)) inner.contents = inner.createNode({}) as never;
      if (period === null) inner.delete(field);
      else inner.set(field, typeof period === 'number' ? `${period}s` : period);
    });
    if (text !== null) setAnnotationText(doc, KUBELET_ANNOTATION, text);
  });
}

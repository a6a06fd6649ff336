/** Edits of the `podlab.dev/kubelet` annotation: the crash-loop back-off and shutdown periods of the pod's node. */
import { isMap, type Document } from 'yaml';
import { KUBELET_ANNOTATION } from './annotations';
import { annotationText, editDocument, editInnerText, setAnnotationText } from './edit-document';

/** Seconds, or a duration as typed ("1m30s"; written as it is, for the gate to judge). */
type Period = number | string;

export interface CrashLoopBackOffSetting {
  /** ReduceDefaultCrashLoopBackOffDecay: the first wait is 1 s. */
  reducedDecay: boolean;
  /** crashLoopBackOff.maxContainerRestartPeriod; null: the default, 300 s. */
  maxRestartPeriod: Period | null;
}

/** Sets the node's crash-loop back-off, leaving the annotation's other fields as they are. */
export function setCrashLoopBackOff(source: string, { reducedDecay, maxRestartPeriod }: CrashLoopBackOffSetting): string {
  return editKubelet(source, (inner) => {
    if (reducedDecay) inner.setIn(['featureGates', 'ReduceDefaultCrashLoopBackOffDecay'], true);
    else deleteLeaf(inner, ['featureGates', 'ReduceDefaultCrashLoopBackOffDecay']);
    if (maxRestartPeriod === null) deleteLeaf(inner, ['crashLoopBackOff', 'maxContainerRestartPeriod']);
    else {
      // The period needs KubeletCrashLoopBackOffMax, on unless turned off.
      if (inner.getIn(['featureGates', 'KubeletCrashLoopBackOffMax']) === false) deleteLeaf(inner, ['featureGates', 'KubeletCrashLoopBackOffMax']);
      inner.setIn(['crashLoopBackOff', 'maxContainerRestartPeriod'], duration(maxRestartPeriod));
    }
  });
}

/** Sets one of the node's graceful-shutdown periods; null: the default, 0 (graceful node shutdown off). */
export function setShutdownPeriod(source: string, field: 'shutdownGracePeriod' | 'shutdownGracePeriodCriticalPods', period: Period | null): string {
  return editKubelet(source, (inner) => {
    if (period === null) inner.delete(field);
    else inner.set(field, duration(period));
  });
}

/** A group of shutdownGracePeriodByPodPriority as typed: whole numbers, or the text for the gate to judge. */
export interface ShutdownGroupSetting {
  priority: number | string;
  shutdownGracePeriodSeconds: number | string;
}

/**
 * Sets the node's shutdownGracePeriodByPodPriority, one group to a line; null removes it. Setting it
 * removes the two periods, which the kubelet does not take beside it.
 */
export function setShutdownGroups(source: string, groups: ShutdownGroupSetting[] | null): string {
  return editKubelet(source, (inner) => {
    if (groups === null) return void inner.delete('shutdownGracePeriodByPodPriority');
    inner.delete('shutdownGracePeriod');
    inner.delete('shutdownGracePeriodCriticalPods');
    const list = inner.createNode(groups.map((g) => ({ priority: g.priority, shutdownGracePeriodSeconds: g.shutdownGracePeriodSeconds })));
    for (const item of list.items) (item as { flow?: boolean }).flow = true;
    inner.set('shutdownGracePeriodByPodPriority', list);
  });
}

/** Edits the annotation's own YAML, kept with its comments; removed once empty. */
function editKubelet(source: string, edit: (inner: Document) => void): string {
  return editDocument(source, (doc) => {
    const text = editInnerText(annotationText(doc, KUBELET_ANNOTATION), (inner) => {
      if (!isMap(inner.contents)) inner.contents = inner.createNode({}) as never;
      edit(inner);
    });
    if (text !== null) setAnnotationText(doc, KUBELET_ANNOTATION, text);
  });
}

const duration = (period: Period): string => (typeof period === 'number' ? `${period}s` : period);

/** Deletes a field, and its mapping when that is left empty. */
function deleteLeaf(doc: Document, [mapping, field]: [string, string]): void {
  const parent = doc.getIn([mapping], true);
  if (!isMap(parent)) return;
  parent.delete(field);
  if (parent.items.length === 0) doc.deleteIn([mapping]);
}

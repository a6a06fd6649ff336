/**
 * Ephemeral containers in the runnable export. The API server refuses a pod created with
 * spec.ephemeralContainers ("cannot be set on create", validation.go ValidatePodCreate): `kubectl
 * debug` adds each to the running pod. So the manifest goes without them, and without what its kept
 * podlab.dev annotations say of them, and the export's header gives the kubectl debug commands.
 */
import { parse, stringify } from 'yaml';
import { ACTIONS_ANNOTATION, BEHAVIOR_ANNOTATION } from './annotations';
import { isRecord, type Json } from './value-checks';

/** Removes the ephemeral containers from `pod` (a manifest being exported), and says so in `notes`. */
export function dropEphemeralContainers(pod: Json, notes: string[]): void {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  if (!Array.isArray(spec.ephemeralContainers)) return;
  const names = new Set(spec.ephemeralContainers.filter(isRecord).map((c) => c.name));
  delete spec.ephemeralContainers;
  const annotations = isRecord(pod.metadata) && isRecord(pod.metadata.annotations) ? pod.metadata.annotations : {};
  const actions = parseAnnotation(annotations[ACTIONS_ANNOTATION]);
  if (Array.isArray(actions)) annotations[ACTIONS_ANNOTATION] = stringify(actions.filter((a) => !(isRecord(a) && a.do === 'debug')));
  const behaviors = parseAnnotation(annotations[BEHAVIOR_ANNOTATION]);
  if (isRecord(behaviors)) {
    for (const name of names) delete behaviors[name as string];
    annotations[BEHAVIOR_ANNOTATION] = stringify(behaviors);
  }
  notes.push(
    `Removed spec.ephemeralContainers (${[...names].join(', ')}): the API server refuses them when a pod is created; the kubectl debug commands among the actions add them. Opened in Podlab, this file plays without them.`,
  );
}

function parseAnnotation(text: unknown): unknown {
  return typeof text === 'string' ? parse(text) : undefined;
}

/**
 * Import: turns whatever the user pastes or drops — a Pod, a workload with a pod template, a `List`,
 * several documents — into one Pod scenario text, saying what was taken from where. Containers
 * without a behaviour get an inferred one, written into the annotation so the user can correct it.
 */
import { Document, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, YAMLMap, type Node } from 'yaml';
import { BEHAVIOR_ANNOTATION, MISSING_ANNOTATION } from './annotations';
import type { InferredBehavior } from './infer-behavior';
import { inferMissing, writeInferred } from './infer-missing';
import type { ScenarioIssue } from './issues';
import type { JobTerms } from './job-outcome';
import { jobTerms } from './job-terms';
import { objectUsesOf } from './to-model';

export interface ImportNotice {
  level: 'info' | 'warning' | 'error';
  message: string;
  /** 0-based index of the YAML document the notice is about. */
  document?: number;
  /** 1-based line in the imported text. */
  line?: number;
}

/** Where the pod came from. */
export interface PodOrigin {
  kind: string;
  name: string;
  /** 0-based index of the YAML document. */
  document: number;
  /** 0-based index inside a `List`'s items. */
  item?: number;
  line: number;
}

export type WorkloadImport =
  | { ok: true; source: string; origin: PodOrigin; job?: JobTerms; inferred: InferredBehavior[]; notices: ImportNotice[] }
  | { ok: false; notices: ImportNotice[] };

/** Where each kind keeps its pod template. */
const TEMPLATE_PATHS: Record<string, readonly string[]> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Fields the API server sets; a Pod copied from `kubectl get -o yaml` cannot be applied with them. */
const SERVER_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'managedFields', 'generation', 'selfLink', 'ownerReferences'];
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Whether the scenario gate refused a text for what a workload is (another kind, another
 * apiVersion, several documents), so that importing its pod is worth a try.
 */
export function looksLikeWorkload(issues: readonly ScenarioIssue[]): boolean {
  return issues.some((i) => i.path === 'kind' || i.path === 'apiVersion' || /one YAML document/.test(i.message));
}

/** Extracts the pod scenario from pasted or dropped YAML. Never throws. */
export function importWorkload(text: string): WorkloadImport {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter });
  const notices: ImportNotice[] = [];
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : undefined;
  };

  for (const [index, doc] of docs.entries()) {
    const where = `document ${index + 1}`;
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        notices.push({ level: 'error', message: `${where}: ${error.message.split('\n')[0]}`, document: index, line: error.linePos?.[0].line });
      }
      return { ok: false, notices };
    }
    if (isEmpty(doc)) continue;
    if (!isMap(doc.contents)) {
      notices.push(skipped(where, 'not a Kubernetes object (expected a mapping with apiVersion and kind)', index, lineOf(doc.contents)));
      continue;
    }
    const found = findPod(doc, doc.contents, index, undefined, lineOf, notices);
    if (!found) continue;
    return { ok: true, ...buildScenario(text, docs.length, doc, found), notices: [...notices, ...found.notices] };
  }

  const empty = docs.every(isEmpty);
  notices.push({
    level: 'error',
    message: empty
      ? 'There is no YAML here: paste a Pod, or a Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job or CronJob.'
      : `No pod found: none of the ${docs.length === 1 ? 'document' : `${docs.length} documents`} is a Pod or a workload with a pod template (Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, List).`,
  });
  return { ok: false, notices };
}

interface FoundPod {
  origin: PodOrigin;
  /** The object holding the pod (a Pod or a workload), and the template inside it. */
  object: YAMLMap;
  template: YAMLMap;
  job?: JobTerms;
  notices: ImportNotice[];
}

function findPod(
  doc: Document,
  object: YAMLMap,
  index: number,
  item: number | undefined,
  lineOf: (node: unknown) => number | undefined,
  notices: ImportNotice[],
): FoundPod | null {
  const kind = object.get('kind');
  const name = String(object.getIn(['metadata', 'name']) ?? '');
  const line = lineOf(object) ?? 1;
  const where = item === undefined ? `document ${index + 1}` : `document ${index + 1}, item ${item + 1}`;
  if (typeof kind !== 'string') {
    notices.push(skipped(where, 'it has no kind', index, line));
    return null;
  }
  const items = object.get('items', true);
  if (kind.endsWith('List') && isSeq(items)) {
    for (const [i, entry] of items.items.entries()) {
      if (!isMap(entry)) {
        notices.push(skipped(`${where}, item ${i + 1}`, 'not a Kubernetes object', index, lineOf(entry)));
        continue;
      }
      const found = findPod(doc, entry, index, i, lineOf, notices);
      if (found) return found;
    }
    return null;
  }
  const path = TEMPLATE_PATHS[kind];
  if (!path) {
    notices.push(skipped(where, `a ${kind}${name ? ` (${name})` : ''}, which holds no pod`, index, line));
    return null;
  }
  const template = path.length === 0 ? object : object.getIn(path, true);
  if (!isMap(template)) {
    notices.push({
      level: 'error',
      message: `${where}: the ${kind}${name ? ` ${name}` : ''} has no ${path.join('.')} (its pod template), so it was skipped`,
      document: index,
      line,
    });
    return null;
  }
  // validation.go ValidatePodTemplateSpec: kubectl debug adds them to a running pod, never a template.
  if (kind !== 'Pod' && template.hasIn(['spec', 'ephemeralContainers'])) {
    notices.push({
      level: 'error',
      message: `${where}: the pod template of the ${kind}${name ? ` ${name}` : ''} has spec.ephemeralContainers, which the API server refuses there ("ephemeral containers not allowed in pod template"), so it was skipped`,
      document: index,
      line,
    });
    return null;
  }
  const origin: PodOrigin = item === undefined ? { kind, name, document: index, line } : { kind, name, document: index, item, line };
  const own: ImportNotice[] = [];
  if (kind !== 'Pod' || index > 0 || item !== undefined) {
    own.push({
      level: 'info',
      message: kind === 'Pod' ? `Took the Pod ${name} from ${where}.` : `Took the pod template of the ${kind} ${name} (${where}).`,
      document: index,
      line,
    });
  }
  const job = kind === 'Job' || kind === 'CronJob' ? jobTerms(object, kind, name, template, index, lineOf, own) : undefined;
  return job ? { origin, object, template, job, notices: own } : { origin, object, template, notices: own };
}

function buildScenario(
  text: string,
  documentCount: number,
  doc: Document,
  found: FoundPod,
): { source: string; origin: PodOrigin; job?: JobTerms; inferred: InferredBehavior[] } {
  const { origin, job } = found;
  const isPlainPod = origin.kind === 'Pod' && origin.item === undefined;
  const pod = isPlainPod ? doc.clone() : podFromTemplate(found);
  let changed = !isPlainPod || documentCount > 1;
  changed = stripServerFields(pod, found.notices) || changed;
  if (job) {
    pod.setIn(['spec', 'restartPolicy'], job.restartPolicy);
    changed = true;
  }
  const inferred = inferMissing(pod);
  if (inferred.length > 0) {
    writeInferred(pod, inferred);
    changed = true;
    found.notices.push({
      level: 'info',
      message: `No behaviour given for ${inferred.map((i) => i.container).join(', ')}: inferred from what ${inferred.length === 1 ? 'it runs' : 'they run'} (check the annotation ${BEHAVIOR_ANNOTATION}).`,
    });
  }
  noteObjectsUsed(pod, found.notices);
  const source = changed ? pod.toString(TO_STRING) : text;
  return job ? { source, origin, job, inferred } : { source, origin, inferred };
}

/** A design review asks what happens without them: say that Podlab takes them as there, and how to take one away. */
function noteObjectsUsed(pod: Document, notices: ImportNotice[]): void {
  if (pod.hasIn(['metadata', 'annotations', MISSING_ANNOTATION])) return;
  const spec = pod.get('spec', true);
  const { read, mounted } = objectUsesOf(isMap(spec) ? (spec.toJSON() as Record<string, unknown>) : {});
  const used = [...new Set([...read, ...mounted])];
  if (used.length === 0) return;
  notices.push({
    level: 'info',
    message: `The pod uses ${used.join(', ')}: Podlab takes ${used.length === 1 ? 'it' : 'them'} as there. The Pod tab marks one missing (${MISSING_ANNOTATION}), to see what the kubelet does without it.`,
  });
}

function podFromTemplate(found: FoundPod): Document {
  const { object, template, origin } = found;
  const pod = new Document({ apiVersion: 'v1', kind: 'Pod' });
  const templateMetadata = template.get('metadata', true);
  const metadata = isMap(templateMetadata) ? (templateMetadata.clone() as YAMLMap) : new YAMLMap();
  if (!metadata.has('name')) {
    metadata.items.unshift(pod.createPair('name', origin.kind === 'StatefulSet' ? `${origin.name}-0` : origin.name || 'imported'));
  }
  const namespace = object.getIn(['metadata', 'namespace']);
  if (typeof namespace === 'string' && !metadata.has('namespace')) metadata.items.splice(1, 0, pod.createPair('namespace', namespace));
  pod.set('metadata', metadata);
  const spec = template.get('spec', true);
  pod.set('spec', isMap(spec) ? spec.clone() : new YAMLMap());
  pod.commentBefore = ` The pod of the ${origin.kind} ${origin.name}`;
  if (origin.kind === 'StatefulSet') addClaimVolumes(pod, object, origin.name, found.notices);
  return pod;
}

/**
 * The volumes the StatefulSet controller gives pod 0 for its volumeClaimTemplates, each replacing
 * a template volume of the same name (pkg/controller/statefulset/stateful_set_utils.go
 * updateStorage): without them, the containers' mounts of the claims name no volume.
 */
function addClaimVolumes(pod: Document, object: YAMLMap, setName: string, notices: ImportNotice[]): void {
  const claims = object.getIn(['spec', 'volumeClaimTemplates'], true);
  if (!isSeq(claims)) return;
  const added: string[] = [];
  for (const claim of claims.items) {
    const name = isMap(claim) ? claim.getIn(['metadata', 'name']) : undefined;
    if (typeof name !== 'string' || name === '') continue;
    const volumes = pod.getIn(['spec', 'volumes'], true);
    const volume = pod.createNode({ name, persistentVolumeClaim: { claimName: `${name}-${setName}-0` } }, { flow: true });
    if (!isSeq(volumes)) pod.setIn(['spec', 'volumes'], pod.createNode([volume]));
    else {
      const same = volumes.items.findIndex((item) => isMap(item) && item.get('name') === name);
      if (same >= 0) volumes.items[same] = volume;
      else volumes.items.push(volume);
    }
    added.push(`${name} (claim ${name}-${setName}-0)`);
  }
  if (added.length > 0) {
    notices.push({ level: 'info', message: `Added the volumes the StatefulSet controller makes from volumeClaimTemplates: ${added.join(', ')}.` });
  }
}

function stripServerFields(pod: Document, notices: ImportNotice[]): boolean {
  const removed: string[] = [];
  if (pod.has('status')) {
    pod.delete('status');
    removed.push('status');
  }
  for (const field of SERVER_METADATA) {
    if (pod.hasIn(['metadata', field])) {
      pod.deleteIn(['metadata', field]);
      removed.push(`metadata.${field}`);
    }
  }
  if (pod.hasIn(['metadata', 'annotations', LAST_APPLIED])) {
    pod.deleteIn(['metadata', 'annotations', LAST_APPLIED]);
    removed.push(`the ${LAST_APPLIED} annotation`);
  }
  if (removed.length > 0) notices.push({ level: 'info', message: `Removed what the API server sets: ${removed.join(', ')}.` });
  return removed.length > 0;
}

function isEmpty(doc: Document): boolean {
  return doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
}

function skipped(where: string, why: string, document: number, line: number | undefined): ImportNotice {
  return { level: 'info', message: `Skipped ${where}: ${why}.`, document, line };
}

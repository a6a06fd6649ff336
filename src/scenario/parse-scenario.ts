/**
 * The one gate for every scenario text — typed, pasted, opened, linked or restored: YAML in,
 * a validated PodModel out, or every problem at once with its field path and line. Never throws.
 */
import { SYSTEM_PRIORITY_CLASSES, shutdownPeriodRequested } from '../engine/shutdown-groups';
import type { KubeletConfig, PodModel } from '../engine/types';
import { ACTIONS_ANNOTATION, BEHAVIOR_ANNOTATION, KUBELET_ANNOTATION, MISSING_ANNOTATION } from './annotations';
import { IssueList, formatPath, type PathSegment, type ScenarioIssue } from './issues';
import { emptyDirSizeLimitsOf, objectUsesOf, toModel } from './to-model';
import { readActions } from './validate-actions';
import { readBehaviors } from './validate-behavior';
import { readKubeletConfig } from './validate-kubelet';
import { readMissingObjects } from './validate-missing';
import { podWarnings } from './pod-warnings';
import { validatePod } from './validate-pod';
import { isRecord, mappingAt, recordsIn, type Json } from './value-checks';
import { issueAt, locate, locateInside, parseYaml, type ParsedYaml } from './yaml-source';

export type { ScenarioIssue } from './issues';

/** `warnings`: what the API server accepts but warns about, as kubectl prints it (pod-warnings.ts). */
export type ScenarioResult =
  | { ok: true; model: PodModel; manifest: Json; issues: ScenarioIssue[]; warnings: ScenarioIssue[] }
  | { ok: false; issues: ScenarioIssue[] };

export function parseScenario(text: string): ScenarioResult {
  try {
    // A text an edit printed is read from the edited document, which knows no lines; the rare
    // text with problems (or warnings it could not place) is read again with them, so that each
    // names its line.
    const quick = parse(text, false);
    return quick.ok && quick.warnings.every((w) => w.line !== null) ? quick : parse(text, true);
  } catch (error) {
    // A bug of ours must not lose the user's work: report it as a problem with the input.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '', line: null, column: null, message: `Podlab could not read this scenario: ${message}` }] };
  }
}

/** Validation without positions, for a manifest that is already an object. */
export function validateManifest(manifest: unknown): ScenarioIssue[] {
  const issues = validatePod(manifest);
  const out: ScenarioIssue[] = issues.items.map(({ path, message }) => ({ path: formatPath(path), line: null, column: null, message }));
  if (out.length === 0 && isRecord(manifest)) {
    const annotationIssues = readAnnotations(manifest as Json, null, true).issues;
    out.push(...annotationIssues);
  }
  return out;
}

function parse(text: string, positions: boolean): ScenarioResult {
  const yaml = parseYaml(text, undefined, positions);
  if (!yaml.ok) return yaml;
  const { parsed } = yaml;
  const podIssues = validatePod(parsed.value).items.map(({ path, message }) => issueAt(parsed, path, message));
  const manifest = parsed.value;
  // Annotation problems are reported alongside the spec's, whenever the annotations can be read.
  const readable = isRecord(manifest) && isRecord(manifest.metadata) && isRecord(manifest.metadata.annotations);
  const annotations = readable ? readAnnotations(manifest, parsed, positions) : undefined;
  const issues = [...podIssues, ...(annotations?.issues ?? [])];
  if (issues.length > 0 || !isRecord(manifest)) return { ok: false, issues };
  const warnings = podWarnings(manifest).items.map(({ path, message }) => issueAt(parsed, path, message));
  const model = toModel(manifest, annotations?.behaviors ?? new Map(), annotations?.actions ?? [], annotations?.kubelet, annotations?.missing);
  return { ok: true, model, manifest, issues: [], warnings };
}

const namesIn = (list: unknown): string[] =>
  Array.isArray(list) ? list.filter(isRecord).map((c) => c.name).filter((n): n is string => typeof n === 'string') : [];

function containerNames(manifest: Json): string[] {
  const spec = isRecord(manifest.spec) ? manifest.spec : {};
  return [...namesIn(spec.initContainers), ...namesIn(spec.containers)];
}

/** The regular containers with an ephemeral-storage limit, which the eviction manager enforces. */
function storageLimitedOf(spec: Json): string[] {
  return recordsIn(spec.containers).flatMap((c) => (typeof c.name === 'string' && mappingAt(c, 'resources', 'limits')['ephemeral-storage'] !== undefined ? [c.name] : []));
}

function readinessGatesOf(spec: Json): string[] {
  const gates = Array.isArray(spec.readinessGates) ? spec.readinessGates : [];
  return gates.flatMap((gate) => (isRecord(gate) && typeof gate.conditionType === 'string' ? [gate.conditionType] : []));
}

/**
 * Where the node shuts down by pod priority, a class of the cluster's own whose value the manifest
 * leaves out: the API server would set spec.priority from it, and Podlab cannot.
 */
function unknownPriorityClass(spec: Json, kubelet: KubeletConfig): string | null {
  const name = spec.priorityClassName;
  if (!kubelet.shutdownGracePeriodByPodPriority || typeof name !== 'string' || spec.priority !== undefined || Object.hasOwn(SYSTEM_PRIORITY_CLASSES, name)) return null;
  return `the node shuts down by pod priority, and PriorityClass "${name}"'s value is not known here: give it as spec.priority, which the API server sets from the class (kubectl get priorityclass ${name})`;
}

/** Reads both annotations; their values are YAML documents of their own, so positions map inward. */
function readAnnotations(manifest: Json, outer: ParsedYaml | null, positions: boolean) {
  const metadata = isRecord(manifest.metadata) ? manifest.metadata : {};
  const annotations = (isRecord(metadata.annotations) ? metadata.annotations : {}) as Record<string, unknown>;
  const names = containerNames(manifest);
  const ephemeralNames = namesIn(isRecord(manifest.spec) ? manifest.spec.ephemeralContainers : undefined);
  const issues: ScenarioIssue[] = [];

  const read = <T>(key: string, reader: (value: unknown, list: IssueList) => T, empty: T): T => {
    const text = annotations[key];
    if (typeof text !== 'string') return empty;
    const outerPath: PathSegment[] = ['metadata', 'annotations', key];
    const inner = parseYaml(text, `the ${key} annotation`, positions);
    if (!inner.ok) {
      for (const issue of inner.issues) {
        issues.push({
          path: formatPath(outerPath),
          line: outer ? locateInside(outer, outerPath, issue.line) : null,
          column: null,
          message: issue.message,
        });
      }
      return empty;
    }
    const list = new IssueList();
    const value = reader(inner.parsed.value, list);
    for (const { path, message } of list.items) {
      const innerLine = locate(inner.parsed, path).line;
      issues.push({
        path: formatPath([...outerPath, ...path]),
        line: outer ? locateInside(outer, outerPath, innerLine) : null,
        column: null,
        message,
      });
    }
    return value;
  };

  const behaviors = read(BEHAVIOR_ANNOTATION, (v, list) => readBehaviors(v, [...names, ...ephemeralNames], list), new Map());
  const spec = isRecord(manifest.spec) ? manifest.spec : {};
  const kubelet = read(KUBELET_ANNOTATION, readKubeletConfig, {});
  const unknownClass = unknownPriorityClass(spec, kubelet);
  if (unknownClass) {
    const path = ['spec', 'priorityClassName'];
    issues.push({ path: formatPath(path), line: outer ? locate(outer, path).line : null, column: null, message: unknownClass });
  }
  const missing = read(MISSING_ANNOTATION, (v, list) => readMissingObjects(v, objectUsesOf(spec), list), []);
  const context = {
    containerNames: names,
    ephemeralNames,
    storageLimited: storageLimitedOf(spec),
    sizeLimitedVolumes: Object.keys(emptyDirSizeLimitsOf(spec)),
    readinessGates: readinessGatesOf(spec),
    shutdownPeriodRequested: shutdownPeriodRequested(kubelet),
    missingObjects: missing,
    ...(typeof spec.activeDeadlineSeconds === 'number' ? { activeDeadlineSeconds: spec.activeDeadlineSeconds } : {}),
  };
  const actions = read(ACTIONS_ANNOTATION, (v, list) => readActions(v, context, list), []);
  return { behaviors, actions, kubelet, missing, issues };
}

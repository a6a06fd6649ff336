/**
 * Reads what the editor shows from the scenario text, even when it is not a valid Pod: the
 * containers as written (so the canvas and inspector never lose what the user typed), their
 * behaviours and the actions.
 */
import { isMap, parseDocument } from 'yaml';
import { ACTIONS_ANNOTATION, BEHAVIOR_ANNOTATION, KUBELET_ANNOTATION, MISSING_ANNOTATION } from './annotations';
import { sharedDocument } from './yaml-source';
import type { ContainerRole } from '../engine/types';

export interface ContainerEntry {
  name: string;
  role: ContainerRole;
  /** Position within its list (initContainers or containers). */
  index: number;
  spec: Record<string, unknown>;
}

export interface ActionEntry {
  at: unknown;
  do: unknown;
  container?: unknown;
  exitCode?: unknown;
  oom?: unknown;
  probe?: unknown;
  gracePeriodSeconds?: unknown;
  image?: unknown;
  down?: unknown;
  condition?: unknown;
  status?: unknown;
  activeDeadlineSeconds?: unknown;
  resource?: unknown;
  volume?: unknown;
  object?: unknown;
  othersStopIn?: unknown;
}

export interface PodView {
  /** False when the text is not well-formed YAML: nothing below can be trusted then. */
  wellFormed: boolean;
  name: string;
  spec: Record<string, unknown>;
  initContainers: ContainerEntry[];
  containers: ContainerEntry[];
  /** Those `kubectl debug` adds (spec.ephemeralContainers). */
  ephemeralContainers: ContainerEntry[];
  behaviors: Record<string, Record<string, unknown>>;
  actions: ActionEntry[];
  /** The `podlab.dev/kubelet` annotation as written (unchecked). */
  kubelet: Record<string, unknown>;
  /** The `podlab.dev/missing` annotation's names (unchecked). */
  missing: string[];
}

const EMPTY: PodView = { wellFormed: false, name: '', spec: {}, initContainers: [], containers: [], ephemeralContainers: [], behaviors: {}, actions: [], kubelet: {}, missing: [] };

export function readPod(source: string): PodView {
  const doc = readDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return EMPTY;
  const json = record(doc.toJSON());
  const metadata = record(json.metadata);
  const annotations = record(metadata.annotations);
  const spec = record(json.spec);
  return {
    wellFormed: true,
    name: typeof metadata.name === 'string' ? metadata.name : '',
    spec,
    initContainers: entries(spec.initContainers, (c) => (c.restartPolicy === 'Always' ? 'sidecar' : 'init')),
    containers: entries(spec.containers, () => 'regular'),
    ephemeralContainers: entries(spec.ephemeralContainers, () => 'ephemeral'),
    behaviors: mapOfRecords(innerYaml(annotations[BEHAVIOR_ANNOTATION])),
    actions: listOfRecords(innerYaml(annotations[ACTIONS_ANNOTATION])) as unknown as ActionEntry[],
    kubelet: record(innerYaml(annotations[KUBELET_ANNOTATION])),
    missing: stringsIn(innerYaml(annotations[MISSING_ANNOTATION])),
  };
}

function entries(list: unknown, roleOf: (spec: Record<string, unknown>) => ContainerRole): ContainerEntry[] {
  if (!Array.isArray(list)) return [];
  return list.map((item, index) => {
    const spec = record(item);
    return { name: typeof spec.name === 'string' ? spec.name : '', role: roleOf(spec), index, spec };
  });
}

function innerYaml(text: unknown): unknown {
  if (typeof text !== 'string') return undefined;
  const doc = readDocument(text);
  return doc.errors.length > 0 ? undefined : doc.toJSON();
}

/** The text's document as `parseDocument` reads it; the gate's parse of the same text when it has one (read only). */
function readDocument(text: string) {
  return sharedDocument(text) ?? parseDocument(text);
}

function mapOfRecords(value: unknown): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(record(value)).map(([key, entry]) => [key, record(entry)]));
}

function listOfRecords(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map(record) : [];
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringsIn(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

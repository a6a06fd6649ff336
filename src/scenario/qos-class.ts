/**
 * The pod's QoS class, which the API server sets in `status.qosClass` when the pod is created
 * (registry/core/pod/strategy.go PrepareForCreate) and nobody changes after. k/k:
 * pkg/apis/core/helper/qos/qos.go ComputePodQOS, run on the defaulted pod, in which a container's
 * requests default to its limits (core/v1/defaults.go SetDefaults_Pod).
 */
import type { QosClass } from '../engine/types';
import { parseQuantity } from './quantity';
import { isRecord, mappingAt, recordsIn, type Json } from './value-checks';

const QOS_RESOURCES = ['cpu', 'memory'] as const;
type Totals = Partial<Record<(typeof QOS_RESOURCES)[number], number>>;

export function qosClassOf(spec: Json): QosClass {
  const requests: Totals = {};
  const limits: Totals = {};
  let guaranteed = true;
  const podLevel = isRecord(spec.resources) ? spec.resources : undefined;
  // Pod-level resources, when they name cpu or memory, decide alone (PodLevelResources).
  if (podLevel && (hasQosResource(podLevel.requests) || hasQosResource(podLevel.limits))) {
    add(requests, { ...podRequestDefaults(spec, podLevel.limits), ...mappingAt(podLevel, 'requests') });
    if (isRecord(podLevel.limits)) {
      const found = add(limits, podLevel.limits);
      if (found.length < QOS_RESOURCES.length) guaranteed = false;
    }
  } else {
    for (const c of [...recordsIn(spec.containers), ...recordsIn(spec.initContainers)]) {
      add(requests, requestsOf(c));
      if (add(limits, mappingAt(c, 'resources', 'limits')).length < QOS_RESOURCES.length) guaranteed = false;
    }
  }
  const requested = Object.keys(requests) as (keyof Totals)[];
  if (requested.length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (guaranteed && requested.every((name) => limits[name] === requests[name]) && requested.length === Object.keys(limits).length) return 'Guaranteed';
  return 'Burstable';
}

/** Adds the list's positive cpu and memory quantities (in thousandths, summed exactly); returns those it had. */
function add(totals: Totals, list: unknown): string[] {
  if (!isRecord(list)) return [];
  const found: string[] = [];
  for (const name of QOS_RESOURCES) {
    const value = parseQuantity(list[name]);
    if (value === null || value <= 0) continue;
    found.push(name);
    totals[name] = (totals[name] ?? 0) + Math.round(value * 1000);
  }
  return found;
}

function hasQosResource(list: unknown): boolean {
  return isRecord(list) && QOS_RESOURCES.some((name) => list[name] !== undefined);
}

/** A container's requests after defaulting: each one it leaves out is its limit. */
function requestsOf(c: Json): Json {
  return { ...mappingAt(c, 'resources', 'limits'), ...mappingAt(c, 'resources', 'requests') };
}

/**
 * What a pod-level request left out defaults to (core/v1/defaults.go defaultPodRequests): the
 * containers' effective request when any container requests it, else the pod-level limit.
 */
function podRequestDefaults(spec: Json, podLimits: unknown): Json {
  const defaults: Json = {};
  for (const name of QOS_RESOURCES) {
    const effective = effectiveRequest(spec, name);
    if (effective > 0) defaults[name] = effective;
    else if (isRecord(podLimits) && podLimits[name] !== undefined) defaults[name] = podLimits[name];
  }
  return defaults;
}

/**
 * The containers' effective request of a resource (component-helpers resource.AggregateContainerRequests):
 * the regular containers and sidecars together, or more while an init container runs beside the
 * sidecars before it.
 */
function effectiveRequest(spec: Json, name: string): number {
  const request = (c: Json) => Math.max(0, parseQuantity(requestsOf(c)[name]) ?? 0);
  const regular = recordsIn(spec.containers).reduce((sum, c) => sum + request(c), 0);
  let sidecars = 0;
  let peak = 0;
  for (const c of recordsIn(spec.initContainers)) {
    if (c.restartPolicy === 'Always') peak = Math.max(peak, (sidecars += request(c)));
    else peak = Math.max(peak, request(c) + sidecars);
  }
  return Math.max(regular + sidecars, peak);
}

/** The Pod manifest, with Podlab's annotations, that the scenario gate reads back as a given PodModel (see arbitrary-pod.ts). */
import { SYSTEM_NODE_CRITICAL } from './shutdown-groups';
import type { ContainerModel, KubeletConfig, PodModel, ProbeTiming } from './types';

const PROBE_HANDLER: Record<ProbeTiming['handler'], Record<string, unknown>> = {
  exec: { exec: { command: ['true'] } },
  httpGet: { httpGet: { path: '/healthz', port: 8080 } },
  tcpSocket: { tcpSocket: { port: 8080 } },
  grpc: { grpc: { port: 9090 } },
};

function probeManifest(timing: ProbeTiming): Record<string, unknown> {
  const { handler, ...fields } = timing;
  return { ...PROBE_HANDLER[handler], ...fields };
}

function containerManifest(c: ContainerModel): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: c.name,
    image: c.image,
    imagePullPolicy: c.imagePullPolicy,
    terminationMessagePolicy: c.terminationMessagePolicy,
  };
  if (c.role === 'sidecar') out.restartPolicy = 'Always';
  if (c.restartPolicy !== undefined) out.restartPolicy = c.restartPolicy;
  if (c.restartPolicyRules !== undefined) out.restartPolicyRules = c.restartPolicyRules;
  for (const kind of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) {
    const timing = c[kind];
    if (timing) out[kind] = probeManifest(timing);
  }
  const lifecycle: Record<string, unknown> = {};
  if (c.hooks.postStart) lifecycle.postStart = { exec: { command: ['sh', '-c', 'true'] } };
  if (c.hooks.preStop) lifecycle.preStop = { exec: { command: ['sh', '-c', 'true'] } };
  if (Object.keys(lifecycle).length > 0) out.lifecycle = lifecycle;
  return out;
}

/** The KubeletConfiguration fields that parse back to `config`. */
function kubeletManifest({ featureGates, maxContainerRestartPeriod, shutdownGracePeriod, shutdownGracePeriodCriticalPods, shutdownGracePeriodByPodPriority }: KubeletConfig): Record<string, unknown> {
  return {
    ...(featureGates ? { featureGates } : {}),
    ...(maxContainerRestartPeriod === undefined ? {} : { crashLoopBackOff: { maxContainerRestartPeriod: `${maxContainerRestartPeriod}s` } }),
    ...(shutdownGracePeriod === undefined ? {} : { shutdownGracePeriod: `${shutdownGracePeriod}s` }),
    ...(shutdownGracePeriodCriticalPods === undefined ? {} : { shutdownGracePeriodCriticalPods: `${shutdownGracePeriodCriticalPods}s` }),
    ...(shutdownGracePeriodByPodPriority === undefined ? {} : { shutdownGracePeriodByPodPriority }),
  };
}

/**
 * The Pod manifest (a plain object, ready for YAML) whose scenario is exactly `model`: every
 * behaviour field and every action written out, so that parsing it gives `model` back.
 */
export function podManifest(model: PodModel): Record<string, unknown> {
  const all = [...model.initContainers, ...model.containers, ...(model.ephemeralContainers ?? [])];
  const behaviors = Object.fromEntries(all.map((c) => [c.name, c.behavior]));
  const spec: Record<string, unknown> = {
    restartPolicy: model.restartPolicy,
    terminationGracePeriodSeconds: model.terminationGracePeriodSeconds,
  };
  if (model.activeDeadlineSeconds !== undefined) spec.activeDeadlineSeconds = model.activeDeadlineSeconds;
  if (model.readinessGates) spec.readinessGates = model.readinessGates.map((conditionType) => ({ conditionType }));
  if (model.priority !== undefined) {
    if (model.priority === SYSTEM_NODE_CRITICAL) spec.priorityClassName = 'system-node-critical';
    spec.priority = model.priority;
  }
  if (model.initContainers.length > 0) spec.initContainers = model.initContainers.map(containerManifest);
  spec.containers = model.containers.map(containerManifest);
  if (model.ephemeralContainers) spec.ephemeralContainers = model.ephemeralContainers.map(containerManifest);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: model.name,
      namespace: model.namespace,
      annotations: {
        'podlab.dev/behavior': JSON.stringify(behaviors),
        'podlab.dev/actions': JSON.stringify(model.actions),
        ...(model.kubelet ? { 'podlab.dev/kubelet': JSON.stringify(kubeletManifest(model.kubelet)) } : {}),
      },
    },
    spec,
  };
}

/** Builds PodModels tersely for engine tests, with the API defaults the scenario module applies. */
import { DEFAULT_BEHAVIOR } from '../default-behavior';
import type { Behavior, ContainerModel, ContainerRole, PodAction, PodModel, ProbeTiming } from '../types';
import type { Trace, TraceEvent } from '../trace';

export function behavior(b: Partial<Behavior> = {}): Behavior {
  return { ...DEFAULT_BEHAVIOR, ...b };
}

export function probe(t: Partial<ProbeTiming> = {}): ProbeTiming {
  return { initialDelaySeconds: 0, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, handler: 'httpGet', ...t };
}

type Extra = Partial<Omit<ContainerModel, 'behavior' | 'hooks'>> & { postStart?: boolean; preStop?: boolean };

function container(role: ContainerRole) {
  return (name: string, b: Partial<Behavior> = {}, extra: Extra = {}): ContainerModel => {
    const { postStart = false, preStop = false, ...rest } = extra;
    return { name, image: `example/${name}:1.0`, role, imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', hooks: { postStart, preStop }, behavior: behavior(b), ...rest };
  };
}

export const init = container('init');
export const sidecar = container('sidecar');
export const app = container('regular');
export const ephemeral = container('ephemeral');

export function pod(
  spec: Partial<Omit<PodModel, 'initContainers' | 'containers' | 'actions'>> & {
    initContainers?: ContainerModel[];
    containers: ContainerModel[];
    actions?: PodAction[];
  },
): PodModel {
  return {
    name: 'test',
    namespace: 'default',
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    initContainers: [],
    actions: [],
    ...spec,
  };
}

/** The events of one type (optionally for one container), typed. */
export function eventsOf<T extends TraceEvent['type']>(trace: Trace, type: T, container?: string): Extract<TraceEvent, { type: T }>[] {
  return trace.events.filter(
    (e): e is Extract<TraceEvent, { type: T }> => e.type === type && (container === undefined || ('container' in e && e.container === container)),
  );
}

export function timesOf(trace: Trace, type: TraceEvent['type'], container?: string): number[] {
  return eventsOf(trace, type, container).map((e) => e.t);
}

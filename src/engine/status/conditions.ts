/**
 * The kubelet-owned pod conditions, in the order generateAPIPodStatus appends them.
 * kubelet: pkg/kubelet/status/generate.go.
 */
import type { ContainerStatus, PodCondition, PodPhase } from '../trace';

export interface ConditionInput {
  phase: PodPhase;
  sandboxReady: boolean;
  sidecar: boolean[];
  init: ContainerStatus[];
  regular: ContainerStatus[];
}

type Generated = Omit<PodCondition, 'lastTransitionTime'>;

export function podConditions(input: ConditionInput): Generated[] {
  const containersReady = containersReadyCondition(input);
  return [
    { type: 'PodReadyToStartContainers', status: input.sandboxReady ? 'True' : 'False' },
    initializedCondition(input),
    // Without readiness gates, Ready mirrors ContainersReady.
    { ...containersReady, type: 'Ready' },
    containersReady,
    { type: 'PodScheduled', status: 'True' },
  ];
}

function initializedCondition({ phase, sidecar, init, regular }: ConditionInput): Generated {
  if (phase === 'Succeeded') return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  if (regular.some((s) => s.state.running || s.state.terminated)) return { type: 'Initialized', status: 'True' };
  const incomplete = init.filter((s, i) => (sidecar[i] ? !s.started : !s.ready)).map((s) => s.name);
  if (incomplete.length === 0) return { type: 'Initialized', status: 'True' };
  return {
    type: 'Initialized',
    status: 'False',
    reason: 'ContainersNotInitialized',
    message: `containers with incomplete status: [${incomplete.join(' ')}]`,
  };
}

function containersReadyCondition({ phase, sidecar, init, regular }: ConditionInput): Generated {
  if (phase === 'Succeeded') return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const unready = [...init.filter((_, i) => sidecar[i]), ...regular].filter((s) => !s.ready).map((s) => s.name);
  if (unready.length === 0) return { type: 'ContainersReady', status: 'True' };
  return {
    type: 'ContainersReady',
    status: 'False',
    reason: 'ContainersNotReady',
    message: `containers with unready status: [${unready.join(' ')}]`,
  };
}

/**
 * The kubelet-owned pod conditions, in the order generateAPIPodStatus appends them.
 * kubelet: pkg/kubelet/status/generate.go.
 */
import type { ContainerStatus, PodCondition, PodConditionType, PodPhase } from '../trace';

/** The types generateAPIPodStatus writes; status_manager.go mergePodStatus keeps every other one (kubetypes.PodConditionByKubelet). */
const KUBELET_OWNED: ReadonlySet<PodConditionType> = new Set(['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers']);

export function isKubeletOwned(type: PodConditionType): boolean {
  return KUBELET_OWNED.has(type);
}

export interface ConditionInput {
  phase: PodPhase;
  /** The readiness gates' condition types, and the conditions the API has (others set them). */
  readinessGates: readonly string[];
  apiConditions: readonly PodCondition[];
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
    readyCondition(input, containersReady),
    containersReady,
    { type: 'PodScheduled', status: 'True' },
  ];
}

/**
 * Ready is ContainersReady, unless a readiness gate's condition is missing or not True.
 * kubelet: pkg/kubelet/status/generate.go GeneratePodReadyCondition.
 */
function readyCondition({ readinessGates, apiConditions }: ConditionInput, containersReady: Generated): Generated {
  if (containersReady.status !== 'True' || readinessGates.length === 0) return { ...containersReady, type: 'Ready' };
  const unready: string[] = [];
  for (const gate of readinessGates) {
    const condition = apiConditions.find((c) => c.type === gate);
    if (!condition) unready.push(`corresponding condition of pod readiness gate "${gate}" does not exist.`);
    else if (condition.status !== 'True') unready.push(`the status of pod readiness gate "${gate}" is not "True", but ${condition.status}`);
  }
  if (unready.length === 0) return { type: 'Ready', status: 'True' };
  return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: unready.join(', ') };
}

function initializedCondition({ phase, sidecar, init, regular }: ConditionInput): Generated {
  if (phase === 'Succeeded') return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  if (regular.some((s) => s.state.running || s.state.terminated)) return { type: 'Initialized', status: 'True' };
  const incomplete = init.filter((s, i) => (sidecar[i] ? !s.started : !s.ready));
  if (incomplete.length === 0) return { type: 'Initialized', status: 'True' };
  return {
    type: 'Initialized',
    status: 'False',
    reason: 'ContainersNotInitialized',
    message: `containers with incomplete status: [${names(incomplete)}]`,
  };
}

function containersReadyCondition({ phase, sidecar, init, regular }: ConditionInput): Generated {
  if (phase === 'Succeeded') return { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  const unready: ContainerStatus[] = [];
  for (let i = 0; i < init.length; i++) if (sidecar[i] && !init[i]!.ready) unready.push(init[i]!);
  for (const s of regular) if (!s.ready) unready.push(s);
  if (unready.length === 0) return { type: 'ContainersReady', status: 'True' };
  return {
    type: 'ContainersReady',
    status: 'False',
    reason: 'ContainersNotReady',
    message: `containers with unready status: [${names(unready)}]`,
  };
}

function names(statuses: ContainerStatus[]): string {
  let out = '';
  for (const s of statuses) out = out ? `${out} ${s.name}` : s.name;
  return out;
}

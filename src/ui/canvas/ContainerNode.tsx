import { lazy, memo, Suspense, use } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { ContainerRole } from '../../engine/types';
import { useContainerAt } from '../../app/useContainerAt';
import { SwiftContext } from './swift-context';
import { lookOf } from '../shared/container-state';
import { NodeState, type NodeStateProps } from './NodeState';

/** `compact`: a pod with many containers shows each one by its name and state only. */
export type ContainerNodeData = { name: string; role: ContainerRole; order: number; image: string; compact: boolean };
export type ContainerNodeType = Node<ContainerNodeData, 'container'>;

export const ROLE_WORDS: Record<ContainerRole, string> = {
  init: 'init',
  sidecar: 'sidecar',
  regular: 'container',
};

// The first paint shows the state still; the animated one (with motion) follows in its own chunk.
const AnimatedNodeState = lazy(() => import('./AnimatedNodeState.chunk'));

/**
 * From 10x on the state switches at once, drawn without motion: the next change would come
 * before an easing ended, and a large pod's easings cost a slow laptop more than the rest of
 * the frame. (Play and pause at that speed swap the two, once per node.)
 */
function StateLine({ look, restarts }: NodeStateProps) {
  const swift = use(SwiftContext);
  if (swift) return <NodeState look={look} restarts={restarts} />;
  return (
    <Suspense fallback={<NodeState look={look} restarts={restarts} />}>
      <AnimatedNodeState look={look} restarts={restarts} />
    </Suspense>
  );
}

/**
 * One container on the Pod: who it is (data, from the spec) and what it does at t (see
 * useContainerAt: playing re-renders a node only when its own status changes).
 */
export const ContainerNode = memo(function ContainerNode({ data, selected }: NodeProps<ContainerNodeType>) {
  // A compact node shows no detail line; its tip (the title) goes without the countdown too.
  const { status, moment } = useContainerAt(data.name, !data.compact);
  const look = lookOf(status, moment);
  const restarts = status?.restartCount ?? 0;
  const className = `container-node role-${data.role} tone-${look.tone}${data.compact ? ' is-compact' : ''}${selected ? ' is-selected' : ''}`;
  return (
    <div className={className} title={data.compact ? `${ROLE_WORDS[data.role]}, ${look.label}: ${look.detail} (${data.image})` : data.image}>
      <div className="node-head">
        {data.order > 0 && <span className="node-order" aria-label={`step ${data.order}`}>{data.order}</span>}
        <span className="node-name">{data.name || '(no name)'}</span>
      </div>
      <StateLine look={look} restarts={restarts} />
      {!data.compact && <div className="node-detail">{look.detail}</div>}
      {/* The role sits at the foot, so the name has the whole head line to itself. */}
      {!data.compact && (
        <div className="node-foot">
          <span className="node-image">{data.image}</span>
          <span className="node-role">{ROLE_WORDS[data.role]}</span>
        </div>
      )}
    </div>
  );
});

import { memo, useRef } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import type { ContainerRole } from '../../engine/types';
import { ROLE_WORDS } from './node-words';
import { useNodeState } from './useNodeState';

/** `compact`: a pod with many containers shows each one by its name and state only. */
export type ContainerNodeData = { name: string; role: ContainerRole; order: number; image: string; compact: boolean };
export type ContainerNodeType = Node<ContainerNodeData, 'container'>;

/**
 * One container on the Pod: who it is (data, from the spec), rendered here, and what it does at
 * t: the state line, the restart count, the detail line, the tone (data-tone) and the tip, which
 * useNodeState writes into the empty elements left for them, so playing never renders a node.
 */
export const ContainerNode = memo(function ContainerNode({ data, selected }: NodeProps<ContainerNodeType>) {
  const root = useRef<HTMLDivElement>(null);
  useNodeState(root, data.name, data.role, data.image, data.compact);
  return (
    <div ref={root} className={`container-node role-${data.role}${data.compact ? ' is-compact' : ''}${selected ? ' is-selected' : ''}`}>
      <div className="node-head">
        {data.order > 0 && <span className="node-order" aria-label={`step ${data.order}`}>{data.order}</span>}
        <span className="node-name">{data.name || '(no name)'}</span>
        {/* Named (role img), not followed by hidden text, which would be a paint layer of its own. */}
        <span className="node-restarts" role="img" />
      </div>
      <div className="node-state">
        <span className="state-icon" aria-hidden="true" />
        <span className="state-label" />
      </div>
      {!data.compact && <div className="node-detail" />}
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

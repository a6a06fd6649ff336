import { memo } from 'react';
import { m } from 'motion/react';
import type { Node, NodeProps } from '@xyflow/react';
import type { ContainerRole } from '../../engine/types';
import { useContainerMoment, useContainerStatus } from '../../app/useContainerAt';
import { lookOf } from '../shared/container-state';

export type ContainerNodeData = { name: string; role: ContainerRole; order: number; image: string };
export type ContainerNodeType = Node<ContainerNodeData, 'container'>;

export const ROLE_WORDS: Record<ContainerRole, string> = {
  init: 'init',
  sidecar: 'sidecar',
  regular: 'container',
};

/**
 * One container on the Pod: who it is (data, from the spec) and what it does at t (read here
 * through a selector, so playing re-renders a node only when its own status changes).
 */
export const ContainerNode = memo(function ContainerNode({ data, selected }: NodeProps<ContainerNodeType>) {
  const status = useContainerStatus(data.name);
  const moment = useContainerMoment(data.name);
  const look = lookOf(status, moment);
  const restarts = status?.restartCount ?? 0;
  return (
    <div className={`container-node role-${data.role} tone-${look.tone}${selected ? ' is-selected' : ''}`} title={data.image}>
      <div className="node-head">
        {data.order > 0 && <span className="node-order" aria-label={`step ${data.order}`}>{data.order}</span>}
        <span className="node-name">{data.name || '(no name)'}</span>
        <span className="node-role">{ROLE_WORDS[data.role]}</span>
      </div>
      <m.div
        key={`${look.label}|${look.tone}`}
        className="node-state"
        initial={{ opacity: 0, y: 6 }}
        animate={{ opacity: 1, y: 0 }}
        transition={{ duration: 0.25 }}
      >
        <span className="state-icon" aria-hidden="true">{look.icon}</span>
        <span className="state-label">{look.label}</span>
        <m.span
          key={restarts}
          className={`node-restarts${restarts > 0 ? ' has-restarts' : ''}`}
          initial={restarts > 0 ? { scale: 1.5 } : false}
          animate={{ scale: 1 }}
          title={`${restarts} restarts`}
        >
          <span aria-hidden="true">↻</span> {restarts}
          <span className="visually-hidden"> restarts</span>
        </m.span>
      </m.div>
      <div className="node-detail">{look.detail}</div>
      <div className="node-image">{data.image}</div>
    </div>
  );
});

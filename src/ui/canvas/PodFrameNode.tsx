import { memo } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { INIT_ROW_Y, NODE_HEIGHT, NODE_WIDTH, PAD } from './layout';
import { PodPhaseBadge } from './PodPhaseBadge';

export type PodFrameData = {
  podName: string;
  width: number;
  height: number;
  sidecarXs: number[];
  initCount: number;
  containerCount: number;
  nodeWidth: number;
  nodeHeight: number;
  initRowBottom: number;
  containersRowY: number;
  ephemeralCount: number;
  ephemeralRowY: number;
};
export type PodFrameNodeType = Node<PodFrameData, 'podFrame'>;

/**
 * The Pod's outline with its rows: the init sequence (in order), the containers that run together,
 * and the ephemeral containers when kubectl debug adds any.
 */
export const PodFrameNode = memo(function PodFrameNode({ data }: NodeProps<PodFrameNodeType>) {
  const half = data.nodeWidth / 2;
  // The bands nest within the room under the init row; the words go under the deepest one.
  const last = data.sidecarXs.length - 1;
  const step = last > 0 ? Math.min(6, 12 / last) : 0;
  return (
    <div className="pod-frame" style={{ width: data.width, height: data.height }}>
      <div className="pod-frame-title">
        <span>Pod <strong>{data.podName || '(no name)'}</strong></span>
        <PodPhaseBadge />
      </div>
      <div className="pod-row-label" style={{ top: INIT_ROW_Y - 27, left: PAD }}>
        Init sequence <span>one after another, in order</span>
      </div>
      {data.initCount === 0 && (
        <div className="pod-row-empty" style={{ top: INIT_ROW_Y, left: PAD, width: NODE_WIDTH * 2, height: NODE_HEIGHT }}>
          No init containers: drop one here
        </div>
      )}
      {data.sidecarXs.map((x, i) => (
        <div
          key={x}
          className="sidecar-band"
          style={{ left: x + half, top: data.initRowBottom, height: 8 + i * step, width: data.width - x - half - PAD / 2 - i * 6 }}
        >
          {i === last && <span>native sidecars keep running beside the app →</span>}
        </div>
      ))}
      <div className="pod-row-label" style={{ top: data.containersRowY - 27, left: PAD }}>
        Containers <span>start together once the init sequence is done</span>
      </div>
      {data.containerCount === 0 && (
        <div className="pod-row-empty" style={{ top: data.containersRowY, left: PAD, width: NODE_WIDTH * 2, height: NODE_HEIGHT }}>
          No containers yet: drop a main container here
        </div>
      )}
      {data.ephemeralCount > 0 && (
        <div className="pod-row-label" style={{ top: data.ephemeralRowY - 27, left: PAD }}>
          Ephemeral containers <span>added by kubectl debug</span>
        </div>
      )}
    </div>
  );
});

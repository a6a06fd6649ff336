import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
  type OnNodeDrag,
  type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import { addContainer, moveContainer, select } from '../../app/actions';
import { equalData } from '../../app/equal-data';
import { selectPodView, selectSelectedName } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { listOfKind } from '../../scenario/edit-containers';
import { setPodDropHandler } from '../shared/drop-target';
import type { ContainerNodeType } from './ContainerNode';
import { kindInRow, layoutPod, rowAt, slotAt, type PodLayout } from './layout';
import { nodeTypes } from './node-types';
import { selectNodeDown } from '../shared/node-down';
import type { PodFrameNodeType } from './PodFrameNode';

const FRAME_ID = 'pod';
const nodeId = (name: string) => `c:${name}`;
const FIT = { padding: 0.06, maxZoom: 1.1, duration: 0 } as const;

/** The Pod on a React Flow canvas: drop from the palette to add, drag a container to move it. */
export function PodCanvas() {
  // While the node is down the containers keep the look of the last status sent: greyed out.
  const nodeDown = useAppStore(selectNodeDown);
  return (
    <section className="canvas" aria-label="Pod" data-node-down={nodeDown || undefined}>
      <ReactFlowProvider>
        <CanvasFlow />
      </ReactFlowProvider>
    </section>
  );
}

function CanvasFlow() {
  const view = useAppStore(selectPodView);
  const selectedName = useAppStore(selectSelectedName);
  const layout = useMemo(() => layoutPod(view), [view]);
  const [dragged, setDragged] = useState<{ id: string; position: XYPosition } | null>(null);
  const flow = useReactFlow();

  // An edit re-lays out the pod, but most nodes come out the same: those keep their object, so
  // React Flow keeps their internals and the memoised nodes do not render again.
  const previous = useRef(new Map<string, Node>());
  const nodes = useMemo(() => {
    const built = buildNodes(layout, view.name, selectedName, dragged).map((node) => {
      const old = previous.current.get(node.id);
      return old && sameNode(old, node) ? old : node;
    });
    previous.current = new Map(built.map((node) => [node.id, node]));
    return built;
  }, [layout, view.name, selectedName, dragged]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    for (const change of changes) {
      if (change.type === 'position' && change.dragging && change.position) {
        setDragged({ id: change.id, position: change.position });
      } else if (change.type === 'select' && change.selected && change.id.startsWith('c:')) {
        select({ kind: 'container', name: change.id.slice(2) });
      }
    }
  }, []);

  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  const onNodeDragStop: OnNodeDrag = useCallback((_event, node) => {
    setDragged(null);
    const layout = layoutRef.current;
    const placed = layout.containers.find((c) => nodeId(c.name) === node.id);
    if (!placed || placed.role === 'ephemeral') return;
    const centre = { x: node.position.x + layout.nodeWidth / 2, y: node.position.y + layout.nodeHeight / 2 };
    const row = rowAt(layout, centre.y);
    const sameRow = (row === 'init') === (placed.role !== 'regular');
    let index = slotAt(layout, row, centre.x, centre.y);
    const own = sameRow ? placed.index : -1;
    if (own >= 0 && index > own) index -= 1;
    if (sameRow && index === own) return;
    moveContainer(placed.name, kindInRow(placed.role, row), index);
  }, []);

  const onNodeClick: NodeMouseHandler = useCallback((_event, node) => {
    select(node.id === FRAME_ID ? { kind: 'pod' } : { kind: 'container', name: node.id.slice(2) });
  }, []);

  const onPaneClick = useCallback(() => select({ kind: 'pod' }), []);

  useEffect(() => {
    setPodDropHandler((template, clientX, clientY) => {
      const target = document.elementFromPoint(clientX, clientY);
      if (!target?.closest('.canvas')) return false;
      const point = flow.screenToFlowPosition({ x: clientX, y: clientY });
      const row = listOfKind(template.kind) === 'initContainers' ? 'init' : 'containers';
      addContainer(template, template.kind, slotAt(layoutRef.current, row, point.x, point.y));
      return true;
    });
    return () => setPodDropHandler(null);
  }, [flow]);

  const count = layout.containers.length;
  useEffect(() => {
    const frame = requestAnimationFrame(() => void flow.fitView(FIT));
    return () => cancelAnimationFrame(frame);
  }, [flow, count, layout.width, layout.height]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={[]}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onNodeDragStop={onNodeDragStop}
      onNodeClick={onNodeClick}
      onPaneClick={onPaneClick}
      fitView
      fitViewOptions={FIT}
      minZoom={0.1}
      maxZoom={2}
      deleteKeyCode={null}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      zoomOnDoubleClick={false}
      aria-label="Pod canvas"
    />
  );
}

function buildNodes(
  layout: PodLayout,
  podName: string,
  selectedName: string | null,
  dragged: { id: string; position: XYPosition } | null,
): Node[] {
  const frame: PodFrameNodeType = {
    id: FRAME_ID,
    type: 'podFrame',
    position: { x: 0, y: 0 },
    data: {
      podName,
      width: layout.width,
      height: layout.height,
      sidecarXs: layout.sidecarXs,
      initCount: layout.initCount,
      containerCount: layout.containerCount,
      nodeWidth: layout.nodeWidth,
      nodeHeight: layout.nodeHeight,
      initRowBottom: layout.initRowBottom,
      containersRowY: layout.containersRowY,
      ephemeralCount: layout.ephemeralCount,
      ephemeralRowY: layout.ephemeralRowY,
    },
    draggable: false,
    selectable: false,
    focusable: false,
    zIndex: -1,
    ariaLabel: `Pod ${podName}`,
  };
  const containers = layout.containers.map((c): ContainerNodeType => {
    const id = nodeId(c.name);
    return {
      id,
      type: 'container',
      position: dragged?.id === id ? dragged.position : { x: c.x, y: c.y },
      data: { name: c.name, role: c.role, order: c.order, image: c.image, compact: layout.compact },
      selected: c.name === selectedName,
      // An ephemeral container cannot move: no other list takes it, and its place is its order of addition.
      draggable: c.role !== 'ephemeral',
      width: layout.nodeWidth,
      height: layout.nodeHeight,
      ariaLabel: c.order > 0 ? `${c.name}, init step ${c.order}` : c.name,
      zIndex: dragged?.id === id ? 10 : 1,
    };
  });
  return [frame, ...containers];
}

/** Equal for React Flow and for the node components: position, state flags and data. */
function sameNode(a: Node, b: Node): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.zIndex === b.zIndex &&
    a.draggable === b.draggable &&
    a.width === b.width &&
    a.height === b.height &&
    a.ariaLabel === b.ariaLabel &&
    equalData(a.data, b.data)
  );
}

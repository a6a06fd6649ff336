/**
 * Where everything sits on the Pod canvas. Automatic and stable: positions follow from the order
 * in the spec alone, so adding a container never moves the ones before it.
 *
 * A pod with many containers in a row is drawn compact — smaller nodes with the name and the
 * state only, rows wrapping after COMPACT.columns — so that it fits the canvas at a zoom that
 * can still be read (30 containers in one row of full nodes would need a zoom of 0.1).
 */
import type { ContainerRole } from '../../engine/types';
import type { PodView } from '../../scenario/edit-read';
import type { ContainerKind } from '../../scenario/templates';

export const NODE_WIDTH = 236;
export const NODE_HEIGHT = 130;
export const GAP = 20;
export const PAD = 20;
const LABEL = 38;
/** Room under the init row for the "keeps running" band of the native sidecars. */
const SIDECAR_BAND = 30;

/** More containers than this in a row make the pod compact. */
const FULL_UP_TO = 6;
const COMPACT = { width: 208, height: 66, gap: 12, columns: 8 };

export const INIT_ROW_Y = PAD + LABEL;
/** Where the containers' row starts when the init sequence takes one row (full nodes). */
export const CONTAINERS_ROW_Y = INIT_ROW_Y + NODE_HEIGHT + SIDECAR_BAND + LABEL;

export interface PlacedContainer {
  name: string;
  image: string;
  role: ContainerRole;
  /** 1-based place in the init sequence; 0 for the others. */
  order: number;
  /** Place in its list (initContainers, containers or ephemeralContainers). */
  index: number;
  x: number;
  y: number;
}

export type PodRow = 'init' | 'containers';

export interface PodLayout {
  containers: PlacedContainer[];
  width: number;
  height: number;
  /** x of every native sidecar, for the band that shows it staying alive. */
  sidecarXs: number[];
  initCount: number;
  containerCount: number;
  compact: boolean;
  nodeWidth: number;
  nodeHeight: number;
  gap: number;
  /** Nodes per row before it wraps (Infinity: never). */
  columns: number;
  initRowY: number;
  /** Where the init sequence ends: the sidecar band starts there. */
  initRowBottom: number;
  containersRowY: number;
  ephemeralCount: number;
  /** Where the row of ephemeral containers starts (under the containers, when there are any). */
  ephemeralRowY: number;
}

export function layoutPod(view: PodView): PodLayout {
  const initCount = view.initContainers.length;
  const containerCount = view.containers.length;
  const compact = Math.max(initCount, containerCount, view.ephemeralContainers.length) > FULL_UP_TO;
  const size = compact ? COMPACT : { width: NODE_WIDTH, height: NODE_HEIGHT, gap: GAP, columns: Infinity };
  const rowsOf = (count: number) => Math.max(1, Math.ceil(count / size.columns));
  const extent = (count: number) => rowsOf(count) * (size.height + size.gap) - size.gap;
  const initRowBottom = INIT_ROW_Y + extent(initCount);
  const containersRowY = initRowBottom + SIDECAR_BAND + LABEL;
  const place = (index: number, top: number) => ({
    x: PAD + (index % size.columns) * (size.width + size.gap),
    y: top + Math.floor(index / size.columns) * (size.height + size.gap),
  });
  const ephemeralCount = view.ephemeralContainers.length;
  const ephemeralRowY = containersRowY + extent(containerCount) + LABEL;
  const containers: PlacedContainer[] = [
    ...view.initContainers.map((c, i) => ({ name: c.name, image: imageOf(c.spec), role: c.role, order: i + 1, index: i, ...place(i, INIT_ROW_Y) })),
    ...view.containers.map((c, i) => ({ name: c.name, image: imageOf(c.spec), role: c.role, order: 0, index: i, ...place(i, containersRowY) })),
    ...view.ephemeralContainers.map((c, i) => ({ name: c.name, image: imageOf(c.spec), role: c.role, order: 0, index: i, ...place(i, ephemeralRowY) })),
  ];
  const columns = Math.min(Math.max(initCount, containerCount, ephemeralCount, 2), size.columns);
  return {
    containers,
    width: PAD + columns * (size.width + size.gap) - size.gap + PAD,
    height: (ephemeralCount > 0 ? ephemeralRowY + extent(ephemeralCount) : containersRowY + extent(containerCount)) + PAD,
    sidecarXs: containers.filter((c) => c.role === 'sidecar').map((c) => c.x),
    initCount,
    containerCount,
    compact,
    nodeWidth: size.width,
    nodeHeight: size.height,
    gap: size.gap,
    columns: size.columns,
    initRowY: INIT_ROW_Y,
    initRowBottom,
    containersRowY,
    ephemeralCount,
    ephemeralRowY,
  };
}

/** The row a point of the canvas belongs to. */
export function rowAt(layout: PodLayout, y: number): PodRow {
  return y < (layout.initRowBottom + layout.containersRowY) / 2 ? 'init' : 'containers';
}

/** Insertion index in a row for a point: the number of its slots that come before the point. */
export function slotAt(layout: PodLayout, row: PodRow, x: number, y: number): number {
  const { nodeWidth, nodeHeight, gap, columns } = layout;
  const count = row === 'init' ? layout.initCount : layout.containerCount;
  const top = row === 'init' ? layout.initRowY : layout.containersRowY;
  const rows = Math.max(1, Math.ceil(count / columns));
  const line = Number.isFinite(columns) ? clamp(Math.floor((y - top + gap / 2) / (nodeHeight + gap)), 0, rows - 1) : 0;
  const column = clamp(Math.floor((x - PAD - nodeWidth / 2) / (nodeWidth + gap)) + 1, 0, Math.min(columns, count));
  return clamp(line * (Number.isFinite(columns) ? columns : 0) + column, 0, count);
}

/** The kind a container takes when dragged into a row: a regular container entering the init sequence becomes a native sidecar. */
export function kindInRow(role: Exclude<ContainerRole, 'ephemeral'>, row: PodRow): ContainerKind {
  if (row === 'containers') return 'main';
  return role === 'init' ? 'init' : 'native-sidecar';
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));
const imageOf = (spec: Record<string, unknown>) => (typeof spec.image === 'string' ? spec.image : '');

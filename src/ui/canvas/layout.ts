/**
 * Where everything sits on the Pod canvas. Automatic and stable: positions follow from the order
 * in the spec alone, so adding a container never moves the ones before it.
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

export const INIT_ROW_Y = PAD + LABEL;
export const CONTAINERS_ROW_Y = INIT_ROW_Y + NODE_HEIGHT + SIDECAR_BAND + LABEL;

export interface PlacedContainer {
  name: string;
  image: string;
  role: ContainerRole;
  /** 1-based place in the init sequence; 0 for regular containers. */
  order: number;
  x: number;
  y: number;
}

export interface PodLayout {
  containers: PlacedContainer[];
  width: number;
  height: number;
  /** x of every native sidecar, for the band that shows it staying alive. */
  sidecarXs: number[];
  initCount: number;
  containerCount: number;
}

const slotX = (index: number) => PAD + index * (NODE_WIDTH + GAP);

export function layoutPod(view: PodView): PodLayout {
  const containers: PlacedContainer[] = [
    ...view.initContainers.map((c, i) => ({ name: c.name, image: imageOf(c.spec), role: c.role, order: i + 1, x: slotX(i), y: INIT_ROW_Y })),
    ...view.containers.map((c, i) => ({ name: c.name, image: imageOf(c.spec), role: c.role, order: 0, x: slotX(i), y: CONTAINERS_ROW_Y })),
  ];
  const columns = Math.max(view.initContainers.length, view.containers.length, 2);
  return {
    containers,
    width: slotX(columns) - GAP + PAD,
    height: CONTAINERS_ROW_Y + NODE_HEIGHT + PAD,
    sidecarXs: containers.filter((c) => c.role === 'sidecar').map((c) => c.x),
    initCount: view.initContainers.length,
    containerCount: view.containers.length,
  };
}

/** The row a point of the canvas belongs to. */
export function rowAt(y: number): 'init' | 'containers' {
  return y < (INIT_ROW_Y + NODE_HEIGHT + CONTAINERS_ROW_Y) / 2 ? 'init' : 'containers';
}

/** Insertion index in a row for a point (the number of slots whose centre lies left of it). */
export function slotAt(x: number, count: number): number {
  const index = Math.floor((x - PAD - NODE_WIDTH / 2) / (NODE_WIDTH + GAP)) + 1;
  return Math.max(0, Math.min(count, index));
}

/** The kind a container takes when dragged into a row: a regular container entering the init sequence becomes a native sidecar. */
export function kindInRow(role: ContainerRole, row: 'init' | 'containers'): ContainerKind {
  if (row === 'containers') return 'main';
  return role === 'init' ? 'init' : 'native-sidecar';
}

const imageOf = (spec: Record<string, unknown>) => (typeof spec.image === 'string' ? spec.image : '');

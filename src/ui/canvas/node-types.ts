import { ContainerNode } from './ContainerNode';
import { PodFrameNode } from './PodFrameNode';

/** Created once: React Flow re-mounts every node when this object changes identity. */
export const nodeTypes = { container: ContainerNode, podFrame: PodFrameNode };

import type { ContainerRole } from '../../engine/types';
import type { StateLook, Tone } from '../shared/container-state';

export const ROLE_WORDS: Record<ContainerRole, string> = {
  init: 'init',
  sidecar: 'sidecar',
  regular: 'container',
  ephemeral: 'ephemeral',
};

/** What a node says about its container at t: every text and mark that changes with t. */
export interface NodeWords {
  tone: Tone;
  icon: string;
  label: string;
  /** Long state words ("CrashLoopBackOff", "ContainerCreating") are set smaller, so they are not cut. */
  labelSize: '' | 'is-long' | 'is-longer';
  restarts: number;
  /** The restart count's name for screen readers and its tip. */
  restartsName: string;
  detail: string;
  /** The image of the container that runs (or last ran): after `kubectl set image`, the new one once it is made. */
  image: string;
  /** The node's tip: a compact node shows no detail line or image, so its tip tells them. */
  tip: string;
}

const LONG_LABEL = 14;
const LONGER_LABEL = 17;

export function nodeWords(look: StateLook, restarts: number, node: { role: ContainerRole; image: string; compact: boolean }): NodeWords {
  return {
    tone: look.tone,
    icon: look.icon,
    label: look.label,
    labelSize: look.label.length >= LONGER_LABEL ? 'is-longer' : look.label.length >= LONG_LABEL ? 'is-long' : '',
    restarts,
    restartsName: `${restarts} restarts`,
    detail: look.detail,
    image: node.image,
    // A full node's detail line may cut a termination message: its tip then says it whole.
    tip: node.compact ? `${ROLE_WORDS[node.role]}, ${look.label}: ${look.detail} (${node.image})` : look.said ? `${look.detail} (${node.image})` : node.image,
  };
}

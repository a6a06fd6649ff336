import { useLayoutEffect, type RefObject } from 'react';
import type { ContainerRole } from '../../engine/types';
import { selectSwift } from '../../app/selectors';
import { useAppStore } from '../../app/store';
import { shownContainer, subscribeToContainer } from '../../app/containers-at';
import { lookOf, NOT_ADDED } from '../shared/container-state';
import { nodeWords, type NodeWords } from './node-words';

/** The elements of a container node that change with t (see ContainerNode). */
interface NodeParts {
  root: HTMLElement;
  state: HTMLElement;
  icon: HTMLElement;
  label: HTMLElement;
  restarts: HTMLElement;
  detail: HTMLElement | null;
  image: HTMLElement | null;
}

function partsOf(root: HTMLElement): NodeParts {
  const part = (selector: string) => {
    const element = root.querySelector<HTMLElement>(selector);
    if (!element) throw new Error(`container node without ${selector}`);
    return element;
  };
  return { root, state: part('.node-state'), icon: part('.state-icon'), label: part('.state-label'), restarts: part('.node-restarts'), detail: root.querySelector('.node-detail'), image: root.querySelector('.node-image') };
}

/**
 * Sets an element's words by changing its text node in place: setting textContent replaces the
 * node, which the browser then styles and lays out as new.
 */
function setText(element: HTMLElement, text: string): void {
  const node = element.firstChild;
  if (node instanceof Text && !node.nextSibling) node.data = text;
  else element.textContent = text;
}

/** Writes only what differs from what is shown (everything when nothing is yet). */
function write(parts: NodeParts, next: NodeWords, shown: NodeWords | null): void {
  const changed = (key: keyof NodeWords) => !shown || shown[key] !== next[key];
  if (changed('tone')) parts.root.dataset.tone = next.tone;
  if (changed('tip')) parts.root.title = next.tip;
  if (changed('icon')) setText(parts.icon, next.icon);
  if (changed('label')) setText(parts.label, next.label);
  if (changed('labelSize')) parts.label.className = `state-label ${next.labelSize}`.trim();
  if (changed('restarts')) {
    setText(parts.restarts, `↻ ${next.restarts}`);
    parts.restarts.classList.toggle('has-restarts', next.restarts > 0);
    parts.restarts.setAttribute('aria-label', next.restartsName);
    parts.restarts.title = next.restartsName;
  }
  if (parts.detail && changed('detail')) setText(parts.detail, next.detail);
  if (parts.image && changed('image')) setText(parts.image, next.image);
}

type Animate = typeof import('motion/mini').animate;
let animate: Animate | null = null;
const loadMotion = () => import('motion/mini').then((motion) => (animate = motion.animate));

/**
 * A new state eases in and a new restart count bumps, with motion, as the pod moves forward in
 * time. Not when t goes back (Restart, a step back, scrubbing back: every node may change at
 * once, and a whole pod animating says nothing), nor while playing swiftly, nor where less motion
 * is asked for.
 */
function easeIn(parts: NodeParts, next: NodeWords, shown: NodeWords, forward: boolean): void {
  if (!animate || !forward || selectSwift(useAppStore.getState()) || matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  if (next.label !== shown.label || next.tone !== shown.tone) {
    animate(parts.state, { opacity: [0.35, 1], transform: ['translateY(6px)', 'none'] }, { duration: 0.25 });
  }
  if (next.restarts > shown.restarts) animate(parts.restarts, { transform: ['scale(1.5)', 'none'] }, { duration: 0.3 });
}

/**
 * Keeps the state parts of a container node up to date, written straight into its DOM. React
 * renders the node's frame once; playing a large pod fast changes a few nodes several times a
 * second, and a React render for each change (it walks from the root and commits) cost a slow
 * machine more than the rest of the frame. The words come from nodeWords, the status from the
 * shared subscription of containers-at.
 */
export function useNodeState(root: RefObject<HTMLElement | null>, name: string, role: ContainerRole, image: string, compact: boolean): void {
  useLayoutEffect(() => {
    const parts = partsOf(root.current!);
    // A compact node shows no detail line, so it does not follow the back-off countdown.
    let at = shownContainer(name, !compact);
    const ephemeral = role === 'ephemeral';
    const lookAt = () => (!at.status && ephemeral ? NOT_ADDED : lookOf(at.status, at.moment, ephemeral));
    const wordsOf = () => nodeWords(lookAt(), at.status?.restartCount ?? 0, { role, image: at.status?.image ?? image, compact });
    let shown = wordsOf();
    let shownAt = useAppStore.getState().playback.t;
    write(parts, shown, null);
    if (!animate) void loadMotion();
    return subscribeToContainer(name, () => {
      const next = shownContainer(name, !compact);
      if (next === at) return;
      at = next;
      const words = wordsOf();
      const t = useAppStore.getState().playback.t;
      write(parts, words, shown);
      easeIn(parts, words, shown, t > shownAt);
      shown = words;
      shownAt = t;
    });
  }, [root, name, role, image, compact]);
}

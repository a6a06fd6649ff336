/**
 * The image a container's spec names at pod time t: the manifest's, or the last set-image action
 * for it at or before t. What `kubectl get pod -o jsonpath='{..image}'` would show then.
 */
import type { PodView } from './edit-read';

export function specImageAt(view: PodView, container: string, t: number): string {
  const entry = [...view.initContainers, ...view.containers].find((c) => c.name === container);
  let image = typeof entry?.spec.image === 'string' ? entry.spec.image : '';
  let latest = -Infinity;
  for (const action of view.actions) {
    const { at } = action;
    if (action.do !== 'set-image' || action.container !== container || typeof action.image !== 'string') continue;
    // The engine applies actions in time order, the ones at the same time in written order.
    if (typeof at === 'number' && at <= t && at >= latest) {
      latest = at;
      image = action.image;
    }
  }
  return image;
}

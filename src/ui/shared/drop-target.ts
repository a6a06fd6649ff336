/**
 * The meeting point of a palette drag and the Pod canvas, which are separate features: the
 * canvas registers how it accepts a drop at a screen point; the palette calls it on release.
 */
import type { ContainerTemplate } from '../../scenario/templates';

type DropHandler = (template: ContainerTemplate, clientX: number, clientY: number) => boolean;

let handler: DropHandler | null = null;

export function setPodDropHandler(next: DropHandler | null): void {
  handler = next;
}

/** Adds the template where it was dropped; false when the point is not on the Pod. */
export function dropOnPod(template: ContainerTemplate, clientX: number, clientY: number): boolean {
  return handler?.(template, clientX, clientY) ?? false;
}

import { useCallback, useRef, useState, type PointerEvent } from 'react';
import type { ContainerTemplate } from '../../scenario/templates';
import { dropOnPod } from '../shared/drop-target';

/** Pointer travel that turns a press into a drag. */
const DRAG_THRESHOLD_PX = 6;

export interface Ghost {
  template: ContainerTemplate;
  x: number;
  y: number;
}

/**
 * Drags a palette item with the pointer (mouse, pen or touch) and drops it on the Pod. A press
 * without travel stays a click, so the same button adds at the end of the list when pressed.
 */
export function usePaletteDrag() {
  const [ghost, setGhost] = useState<Ghost | null>(null);
  const start = useRef<{ x: number; y: number; template: ContainerTemplate; dragging: boolean } | null>(null);
  const suppressClick = useRef(false);

  const onPointerDown = useCallback((template: ContainerTemplate, event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    start.current = { x: event.clientX, y: event.clientY, template, dragging: false };
    event.currentTarget.setPointerCapture(event.pointerId);
  }, []);

  const onPointerMove = useCallback((event: PointerEvent<HTMLElement>) => {
    const drag = start.current;
    if (!drag) return;
    if (!drag.dragging && Math.hypot(event.clientX - drag.x, event.clientY - drag.y) < DRAG_THRESHOLD_PX) return;
    drag.dragging = true;
    setGhost({ template: drag.template, x: event.clientX, y: event.clientY });
  }, []);

  const onPointerUp = useCallback((event: PointerEvent<HTMLElement>) => {
    const drag = start.current;
    start.current = null;
    setGhost(null);
    if (!drag?.dragging) return;
    suppressClick.current = true;
    dropOnPod(drag.template, event.clientX, event.clientY);
  }, []);

  const onPointerCancel = useCallback(() => {
    start.current = null;
    setGhost(null);
  }, []);

  /** True once for the click that ends a drag: that click must not add a second container. */
  const consumeDragClick = useCallback(() => {
    const was = suppressClick.current;
    suppressClick.current = false;
    return was;
  }, []);

  return { ghost, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, consumeDragClick };
}

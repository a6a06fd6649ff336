import { lazy, Suspense } from 'react';
import { createPortal } from 'react-dom';
import { addContainer } from '../../app/actions';
import { KIND_TEMPLATES, type ContainerKind, type ContainerTemplate } from '../../scenario/templates';
import { PaletteItem } from './PaletteItem';
import { usePaletteDrag } from './usePaletteDrag';

const KINDS: ContainerKind[] = ['init', 'native-sidecar', 'classic-sidecar', 'main'];
// The ready-made containers are most of the palette's bytes and none of what a first look needs.
const TemplateGroups = lazy(() => import('./TemplateGroups.chunk'));

/** The container kinds and ready-made containers: press to add at the end, or drag onto the Pod. */
export function Palette() {
  const drag = usePaletteDrag();
  const add = (template: ContainerTemplate) => {
    if (!drag.consumeDragClick()) addContainer(template);
  };
  return (
    <nav className="palette" aria-label="Containers to add">
      <h2 className="panel-title">Add</h2>
      <div className="palette-kinds">
        {KINDS.map((kind) => (
          <PaletteItem key={kind} template={KIND_TEMPLATES[kind]} drag={drag} onAdd={add} variant="kind" />
        ))}
      </div>
      <h2 className="panel-title">Templates</h2>
      <Suspense fallback={null}>
        <TemplateGroups drag={drag} onAdd={add} />
      </Suspense>
      {drag.ghost &&
        // In the body, above every panel: a panel is its own stacking context.
        createPortal(
          <div className={`drag-ghost kind-${drag.ghost.template.kind}`} style={{ left: drag.ghost.x, top: drag.ghost.y }} aria-hidden="true">
            {drag.ghost.template.label}
          </div>,
          document.body,
        )}
    </nav>
  );
}

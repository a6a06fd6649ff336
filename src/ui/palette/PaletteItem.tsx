import { memo } from 'react';
import { KIND_LABELS, type ContainerTemplate } from '../../scenario/templates';
import { KindIcon } from '../shared/KindIcon';
import type { usePaletteDrag } from './usePaletteDrag';

interface Props {
  template: ContainerTemplate;
  drag: ReturnType<typeof usePaletteDrag>;
  onAdd: (template: ContainerTemplate) => void;
  variant: 'kind' | 'template';
}

export const PaletteItem = memo(function PaletteItem({ template, drag, onAdd, variant }: Props) {
  const description = variant === 'kind' ? template.description : `${KIND_LABELS[template.kind]}: ${template.description}`;
  return (
    <button
      type="button"
      className={`palette-item palette-${variant} kind-${template.kind}`}
      title={description}
      aria-label={variant === 'kind' ? template.label : `Add ${template.label}`}
      onClick={() => onAdd(template)}
      onPointerDown={(event) => drag.onPointerDown(template, event)}
      onPointerMove={drag.onPointerMove}
      onPointerUp={drag.onPointerUp}
      onPointerCancel={drag.onPointerCancel}
    >
      <KindIcon kind={template.kind} />
      <span className="palette-label">{template.label}</span>
      {variant === 'template' && <span className="palette-image">{template.container.image}</span>}
    </button>
  );
});

import { TEMPLATES } from '../../scenario/template-library';
import type { ContainerKind, ContainerTemplate } from '../../scenario/templates';
import { PaletteItem } from './PaletteItem';
import type { usePaletteDrag } from './usePaletteDrag';

const GROUPS: { title: string; kinds: ContainerKind[] }[] = [
  { title: 'Before the app', kinds: ['init'] },
  { title: 'Beside the app', kinds: ['native-sidecar', 'classic-sidecar'] },
  { title: 'The app', kinds: ['main'] },
];

/** The palette's ready-made containers by role; in a chunk of their own, loaded after the first screen. */
export default function TemplateGroups({ drag, onAdd }: { drag: ReturnType<typeof usePaletteDrag>; onAdd: (template: ContainerTemplate) => void }) {
  return GROUPS.map((group) => (
    <section key={group.title} className="palette-group" aria-label={group.title}>
      <h3>{group.title}</h3>
      {TEMPLATES.filter((t) => group.kinds.includes(t.kind)).map((template) => (
        <PaletteItem key={template.id} template={template} drag={drag} onAdd={onAdd} variant="template" />
      ))}
    </section>
  ));
}

import type { ContainerKind } from '../../scenario/templates';

const ICONS: Record<ContainerKind, string> = {
  init: '①',
  'native-sidecar': '⇉',
  'classic-sidecar': '⇆',
  main: '◆',
};

/** The kind's glyph: the kind is also told by the words beside it, never by the colour alone. */
export function KindIcon({ kind }: { kind: ContainerKind }) {
  return (
    <span className={`kind-icon kind-${kind}`} aria-hidden="true">
      {ICONS[kind]}
    </span>
  );
}

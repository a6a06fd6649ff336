import { describe, expect, it } from 'vitest';
import { EXAMPLE_SCENARIO } from '../../app/example-scenario';
import { addContainer } from '../../scenario/edit-containers';
import { readPod } from '../../scenario/edit-read';
import { KIND_TEMPLATES } from '../../scenario/templates';
import { CONTAINERS_ROW_Y, INIT_ROW_Y, NODE_WIDTH, layoutPod, rowAt, slotAt } from './layout';

const withMains = (count: number) => {
  let source = EXAMPLE_SCENARIO;
  for (let i = 0; i < count; i++) source = addContainer(source, KIND_TEMPLATES.main).source;
  return layoutPod(readPod(source));
};

describe('layoutPod', () => {
  it('numbers the init sequence and keeps positions stable when a container is added at the end', () => {
    const before = layoutPod(readPod(EXAMPLE_SCENARIO));
    expect(before.containers.map((c) => [c.name, c.order])).toEqual([
      ['log-shipper', 1], ['mesh-proxy', 2], ['migrate', 3], ['web', 0],
    ]);
    const after = layoutPod(readPod(addContainer(EXAMPLE_SCENARIO, KIND_TEMPLATES.main).source));
    expect(after.containers.slice(0, 4)).toEqual(before.containers);
    expect(before.sidecarXs).toHaveLength(2);
  });

  it('maps a drop point to a row and an insertion slot', () => {
    const layout = withMains(2);
    expect(layout.compact).toBe(false);
    expect(rowAt(layout, INIT_ROW_Y + 10)).toBe('init');
    expect(rowAt(layout, CONTAINERS_ROW_Y + 10)).toBe('containers');
    expect(slotAt(layout, 'containers', 0, CONTAINERS_ROW_Y)).toBe(0);
    expect(slotAt(layout, 'containers', NODE_WIDTH * 1.2, CONTAINERS_ROW_Y)).toBe(1);
    expect(slotAt(layout, 'containers', 10_000, CONTAINERS_ROW_Y)).toBe(3);
    expect(slotAt(layout, 'init', 10_000, 0)).toBe(3);
  });

  it('draws a pod with many containers compact, its rows wrapping, and finds slots in the wrapped rows', () => {
    const layout = withMains(19);
    expect(layout.compact).toBe(true);
    expect(layout.containerCount).toBe(20);
    const rows = [...new Set(layout.containers.filter((c) => c.role === 'regular').map((c) => c.y))];
    expect(rows).toHaveLength(Math.ceil(20 / layout.columns));
    const ninth = layout.containers.find((c) => c.role === 'regular' && c.index === layout.columns)!;
    expect(ninth.x).toBe(layout.containers.find((c) => c.role === 'regular' && c.index === 0)!.x);
    expect(rowAt(layout, ninth.y)).toBe('containers');
    expect(slotAt(layout, 'containers', ninth.x + layout.nodeWidth * 0.6, ninth.y + 1)).toBe(layout.columns + 1);
    expect(slotAt(layout, 'containers', 0, 10_000)).toBe(2 * layout.columns);
    expect(slotAt(layout, 'containers', 10_000, 10_000)).toBe(20);
  });
});

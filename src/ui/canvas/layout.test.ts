import { describe, expect, it } from 'vitest';
import { EXAMPLE_SCENARIO } from '../../app/example-scenario';
import { addContainer } from '../../scenario/edit-containers';
import { readPod } from '../../scenario/edit-read';
import { KIND_TEMPLATES } from '../../scenario/templates';
import { CONTAINERS_ROW_Y, INIT_ROW_Y, NODE_WIDTH, layoutPod, rowAt, slotAt } from './layout';

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
    expect(rowAt(INIT_ROW_Y + 10)).toBe('init');
    expect(rowAt(CONTAINERS_ROW_Y + 10)).toBe('containers');
    expect(slotAt(0, 3)).toBe(0);
    expect(slotAt(NODE_WIDTH * 1.2, 3)).toBe(1);
    expect(slotAt(10_000, 3)).toBe(3);
  });
});

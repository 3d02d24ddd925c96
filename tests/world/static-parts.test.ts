import { describe, expect, test } from 'vitest';
import { mergeStaticParts } from '../../src/world/static-parts';

describe('static parts: a station body in one geometry', () => {
  test('boxes and cylinders end up in one geometry, placed and coloured per part', () => {
    const g = mergeStaticParts([
      { box: [1, 1, 1], position: [0, 0.5, 0], color: '#ff0000' },
      { cylinder: [0.1, 0.1, 1, 8], position: [2, 0, 0], rotation: [0, 0, Math.PI / 2], color: '#0000ff' },
    ]);
    g.computeBoundingBox();
    const box = g.boundingBox!;
    // The box spans y 0..1; the lying cylinder reaches x = 2.5.
    expect(box.min.y).toBeCloseTo(-0.1, 5);
    expect(box.max.y).toBeCloseTo(1, 5);
    expect(box.max.x).toBeCloseTo(2.5, 5);
    const colors = g.getAttribute('color');
    expect(colors.count).toBe(g.getAttribute('position').count);
    // The first vertex belongs to the red box, the last to the blue cylinder.
    expect([colors.getX(0), colors.getY(0), colors.getZ(0)]).toEqual([1, 0, 0]);
    expect([colors.getX(colors.count - 1), colors.getY(colors.count - 1), colors.getZ(colors.count - 1)]).toEqual([0, 0, 1]);
  });
});

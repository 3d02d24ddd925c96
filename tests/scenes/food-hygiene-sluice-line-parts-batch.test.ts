import { describe, expect, test } from 'vitest';
import { Group, Scene } from 'three';
import { FollowingBatch, kindOf } from '../../scenes/food/_shared/hygiene-sluice-line/parts-batch';
import { box, cylinder } from '../../scenes/food/_shared/hygiene-sluice-line/parts';

/** Two kinds: a 0.1 m cube (12 triangles) and a 6-sided cylinder (24 triangles). */
function setUp() {
  const kinds = new Map([
    ['cube', kindOf([box([0.1, 0.1, 0.1], [0, 0, 0], '#ff0000')])],
    ['post', kindOf([cylinder(0.02, 0.2, [0, 0, 0], '#0000ff', undefined, 6)])],
  ]);
  const batch = new FollowingBatch(kinds, 4, 'test-batch');
  const scene = new Scene();
  scene.add(batch.mesh);
  const a = new Group();
  const b = new Group();
  scene.add(a, b);
  return { batch, scene, a, b };
}

const triangles = (batch: FollowingBatch) => batch.mesh.geometry.drawRange.count / 3;

/** The bounds of the drawn vertices (those the index uses). */
function drawnBounds(batch: FollowingBatch) {
  const index = batch.mesh.geometry.index!;
  const pos = batch.mesh.geometry.getAttribute('position');
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < batch.mesh.geometry.drawRange.count; i++) {
    const k = index.getX(i);
    const p = [pos.getX(k), pos.getY(k), pos.getZ(k)];
    for (let d = 0; d < 3; d++) {
      min[d] = Math.min(min[d]!, p[d]!);
      max[d] = Math.max(max[d]!, p[d]!);
    }
  }
  return { min, max };
}

describe('food station: the small things as one mesh that follows them', () => {
  test('draws each added thing where its anchor is, and follows it when it moves', () => {
    const { batch, a } = setUp();
    a.position.set(1, 2, 3);
    batch.add('cube', a);
    batch.update();
    expect(triangles(batch)).toBe(12);
    expect(drawnBounds(batch).min).toEqual([expect.closeTo(0.95), expect.closeTo(1.95), expect.closeTo(2.95)]);
    a.position.set(-1, 0, 0);
    a.scale.setScalar(2); // a hovered thing grows
    batch.update();
    expect(drawnBounds(batch).max).toEqual([expect.closeTo(-0.9), expect.closeTo(0.1), expect.closeTo(0.1)]);
  });

  test('a hidden parent (a worn net) hides the thing; a removed thing is no longer drawn', () => {
    const { batch, scene, a, b } = setUp();
    const parent = new Group();
    scene.add(parent);
    parent.add(b);
    batch.add('cube', a);
    const post = batch.add('post', b);
    batch.update();
    expect(triangles(batch)).toBe(12 + 24);
    parent.visible = false;
    batch.update();
    expect(triangles(batch)).toBe(12);
    parent.visible = true;
    batch.update();
    expect(triangles(batch)).toBe(36);
    batch.remove(post);
    batch.update();
    expect(triangles(batch)).toBe(12);
  });

  test('refuses an unknown kind and more things than it has room for', () => {
    const { batch, a } = setUp();
    expect(() => batch.add('sink', a)).toThrow(/no kind sink/);
    for (let i = 0; i < 4; i++) batch.add('cube', new Group());
    expect(() => batch.add('cube', a)).toThrow(/more than 4/);
  });
});

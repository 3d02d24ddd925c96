import { describe, expect, test } from 'vitest';
import { Group, Scene } from 'three';
import { LiveBatch } from '../../src/world/live-batch';
import { box, cylinder } from '../../src/world/kit/look';

/** Two looks: a 0.1 m cube (12 triangles) and a 6-sided cylinder (24 triangles). */
const cube = [box([0.1, 0.1, 0.1], [0, 0, 0], '#ff0000')];
const post = [cylinder(0.02, 0.2, [0, 0, 0], '#0000ff', undefined, 6)];

function setUp() {
  const batch = new LiveBatch('test-batch');
  const scene = new Scene();
  scene.add(batch.mesh);
  const a = new Group();
  const b = new Group();
  scene.add(a, b);
  return { batch, scene, a, b };
}

/** The bounds of the drawn vertices (those the index uses). */
function drawnBounds(batch: LiveBatch) {
  const { geometry } = batch.mesh;
  const index = geometry.index!;
  const pos = geometry.getAttribute('position');
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < geometry.drawRange.count; i++) {
    const k = index.getX(i);
    const p = [pos.getX(k), pos.getY(k), pos.getZ(k)];
    for (let d = 0; d < 3; d++) {
      min[d] = Math.min(min[d]!, p[d]!);
      max[d] = Math.max(max[d]!, p[d]!);
    }
  }
  return { min, max };
}

describe('the live batch: every moving piece of a station as one mesh that follows them', () => {
  test('draws each added piece where its anchor is, and follows it when it moves', () => {
    const { batch, a } = setUp();
    a.position.set(1, 2, 3);
    batch.add(cube, a);
    batch.update();
    expect(batch.triangles).toBe(12);
    expect(drawnBounds(batch).min).toEqual([expect.closeTo(0.95), expect.closeTo(1.95), expect.closeTo(2.95)]);
    a.position.set(-1, 0, 0);
    a.scale.setScalar(2); // a hovered thing grows
    batch.update();
    expect(drawnBounds(batch).max).toEqual([expect.closeTo(-0.9), expect.closeTo(0.1), expect.closeTo(0.1)]);
  });

  test('a hidden parent (a worn net) hides the piece; a removed piece is no longer drawn', () => {
    const { batch, scene, a, b } = setUp();
    const parent = new Group();
    scene.add(parent);
    parent.add(b);
    batch.add(cube, a);
    const removePost = batch.add(post, b);
    batch.update();
    expect(batch.triangles).toBe(12 + 24);
    parent.visible = false;
    batch.update();
    expect(batch.triangles).toBe(12);
    parent.visible = true;
    batch.update();
    expect(batch.triangles).toBe(36);
    removePost();
    batch.update();
    expect(batch.triangles).toBe(12);
  });

  test('grows with the pieces that come (no fixed capacity) and keeps the others where they were', () => {
    const { batch, a } = setUp();
    a.position.set(0, 1, 0);
    batch.add(cube, a);
    batch.update();
    const anchors = Array.from({ length: 50 }, (_, i) => {
      const g = new Group();
      g.position.set(i, 0, 0);
      batch.mesh.parent!.add(g);
      batch.add(post, g);
      return g;
    });
    batch.update();
    expect(batch.triangles).toBe(12 + 50 * 24);
    expect(drawnBounds(batch).max[0]).toBeCloseTo(49.02);
    expect(drawnBounds(batch).max[1]).toBeCloseTo(1.05);
    expect(anchors).toHaveLength(50);
  });

  test('with nothing shown the batch is not drawn at all (three would issue an empty draw call)', () => {
    const { batch, a } = setUp();
    batch.update();
    expect(batch.mesh.visible).toBe(false);
    batch.add(cube, a);
    batch.update();
    expect(batch.mesh.visible).toBe(true);
    a.visible = false;
    batch.update();
    expect(batch.triangles).toBe(0);
    expect(batch.mesh.visible).toBe(false);
  });
});

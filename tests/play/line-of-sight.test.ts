import { BoxGeometry, Group, Line, BufferGeometry, LineBasicMaterial, Mesh, MeshBasicMaterial, PlaneGeometry, Raycaster, Vector3 } from 'three';
import { describe, expect, test } from 'vitest';
import { blockersBetween, lineOfSight } from '../../src/play/line-of-sight';
import { mergeStaticParts } from '../../src/world/static-parts';

const eyes = new Vector3(0, 1.6, 0.25);
const panelPoint = new Vector3(-0.55, 1.6, -1.05);

function scene() {
  const root = new Group();
  const panel = new Mesh(new PlaneGeometry(1.1, 0.55), new MeshBasicMaterial());
  panel.name = 'instruction-panel';
  panel.position.copy(panelPoint);
  root.add(panel);
  return { root, panel };
}

/** A 20 cm box halfway between the eyes and the panel's point, named. */
function boxBetween(name: string, material = new MeshBasicMaterial()) {
  const box = new Mesh(new BoxGeometry(0.2, 0.2, 0.2), material);
  box.name = name;
  box.position.copy(eyes).lerp(panelPoint, 0.5);
  return box;
}

describe('blockersBetween: what hides a point from the eyes', () => {
  test('a machine part between the eyes and the panel is found, named, where the ray meets it', () => {
    const { root, panel } = scene();
    root.add(boxBetween('mould-guard'));
    root.updateMatrixWorld(true);
    const found = blockersBetween(root, eyes, panelPoint, (o) => o === panel);
    expect(found.map((b) => b.name)).toEqual(['mould-guard']);
    // Its near face, on the line from the eyes.
    const mid = eyes.clone().lerp(panelPoint, 0.5);
    expect(found[0]!.at[2]).toBeGreaterThan(mid.z);
    expect(found[0]!.at[2]).toBeLessThan(mid.z + 0.2);
  });

  test('nothing in between: nothing found; the panel itself and skipped subtrees never count', () => {
    const { root, panel } = scene();
    const hands = new Group();
    hands.add(boxBetween('controller'));
    root.add(hands);
    const aside = boxBetween('beside');
    aside.position.x += 1;
    root.add(aside);
    root.updateMatrixWorld(true);
    expect(blockersBetween(root, eyes, panelPoint, (o) => o === panel || o === hands)).toEqual([]);
    // Without skipping the panel, the point on it is still not "behind" it (the margin at the far end).
    expect(blockersBetween(root, eyes, panelPoint, (o) => o === hands)).toEqual([]);
  });

  test('a label that lets rays through still hides what is behind it; an invisible hit box and a hidden part do not', () => {
    const { root, panel } = scene();
    const label = boxBetween('label');
    label.raycast = () => undefined;
    const hitBox = boxBetween('hit-box', new MeshBasicMaterial({ visible: false }));
    const hidden = boxBetween('hidden-part');
    hidden.visible = false;
    const parentHidden = new Group();
    parentHidden.visible = false;
    parentHidden.add(boxBetween('under-a-hidden-group'));
    root.add(label, hitBox, hidden, parentHidden);
    root.updateMatrixWorld(true);
    expect(blockersBetween(root, eyes, panelPoint, (o) => o === panel).map((b) => b.name)).toEqual(['label']);
  });

  test('a line near the ray is no wall (its raycast would catch anything within a metre)', () => {
    const { root, panel } = scene();
    const line = new Line(new BufferGeometry().setFromPoints([new Vector3(-0.3, 1.5, -0.4), new Vector3(-0.3, 1.7, -0.4)]), new LineBasicMaterial());
    line.name = 'wire';
    root.add(line);
    root.updateMatrixWorld(true);
    expect(blockersBetween(root, eyes, panelPoint, (o) => o === panel)).toEqual([]);
  });
});

describe('lineOfSight: a merged body of many boxes', () => {
  test('finds the box a ray meets, at the point the mesh\'s own raycast finds, and nothing where the rays pass between the boxes', () => {
    // A wall of 8 × 5 boxes 10 cm wide with 10 cm gaps, half way to the panel (480 triangles: looked through in runs).
    const parts = Array.from({ length: 40 }, (_, i) => ({ box: [0.1, 0.1, 0.1] as [number, number, number], position: [-0.8 + (i % 8) * 0.2, 1.2 + Math.floor(i / 8) * 0.2, -0.4] as [number, number, number], color: '#888888' }));
    const { root, panel } = scene();
    const body = new Mesh(mergeStaticParts(parts), new MeshBasicMaterial());
    body.name = 'station-body';
    root.add(body);
    root.updateMatrixWorld(true);
    const sight = lineOfSight(root, (o) => o === panel);
    const through = (to: Vector3) => {
      const own: { point: Vector3 }[] = [];
      const r = new Raycaster(eyes, to.clone().sub(eyes).normalize(), 0, eyes.distanceTo(to) - 0.02);
      Mesh.prototype.raycast.call(body, r, own as never);
      return { found: sight.between(eyes, to), own: own.sort((a, b) => eyes.distanceTo(a.point) - eyes.distanceTo(b.point)) };
    };
    let blocked = 0;
    let clear = 0;
    for (let x = -0.9; x <= 0.9; x += 0.05)
      for (let y = 0.9; y <= 2.2; y += 0.05) {
        const { found, own } = through(new Vector3(x, y, -1.05));
        expect(found.length, `ray to ${x.toFixed(2)}, ${y.toFixed(2)}`).toBe(own.length > 0 ? 1 : 0);
        if (own[0]) {
          blocked += 1;
          expect(found[0]!.name).toBe('station-body');
          expect(found[0]!.at).toEqual([own[0].point.x, own[0].point.y, own[0].point.z].map((v) => Number(v.toFixed(2))));
        } else clear += 1;
      }
    expect(blocked).toBeGreaterThan(50);
    expect(clear).toBeGreaterThan(50);
  });
});

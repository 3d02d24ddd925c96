import { BoxGeometry, Group, Line, BufferGeometry, LineBasicMaterial, Mesh, MeshBasicMaterial, PlaneGeometry, Vector3 } from 'three';
import { describe, expect, test } from 'vitest';
import { blockersBetween } from '../../src/play/line-of-sight';

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

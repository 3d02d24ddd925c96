import { createGrabPointer, getVoidObject } from '@pmndrs/pointer-events';
import { BoxGeometry, Group, type Mesh, PerspectiveCamera, Scene } from 'three';
import { Text } from 'troika-three-text';
import { describe, expect, it } from 'vitest';
import '../../src/world/text-setup';

/**
 * A card that has just appeared beside a VR controller: its label is not laid out yet. The
 * controller's grab pointer (a sphere round the grip) must meet the card's hit box, or nothing —
 * never the label at a NaN distance, which switched the ray off mid-carry and dropped the part.
 */
// The pointer library and troika load three outside vitest's module runner; this file's own
// `three` is a second copy, whose meshes fail the library's \`instanceof Mesh\`. The hit box is
// made from the library's copy (its empty "void" object is one of its meshes).
const LibraryMesh = getVoidObject(new Scene()).constructor as typeof Mesh;

function cardBeside(hand: [number, number, number]) {
  const scene = new Scene();
  const card = new Group();
  card.addEventListener('pointerdown', () => undefined);
  const hitBox = new LibraryMesh(new BoxGeometry(0.12, 0.16, 0.016));
  const label = new Text();
  card.add(hitBox, label);
  card.position.set(0.3, 0, 0);
  const grip = new Group();
  grip.position.set(...hand);
  scene.add(card, grip);
  scene.updateMatrixWorld(true);
  const camera = new PerspectiveCamera();
  const pointer = createGrabPointer(() => camera, { current: grip }, {}, { radius: 0.07 });
  pointer.move(scene, { timeStamp: 0 });
  return { pointer, hitBox, label };
}

describe('text on a station', () => {
  it('a label not yet laid out is no target for a grab pointer near its card', () => {
    const { pointer, label } = cardBeside([0, 0, 0]);
    const hit = pointer.getIntersection();
    expect(hit?.object).not.toBe(label);
    expect(Number.isNaN(hit?.distance)).toBe(false);
  });

  it('the card itself is still grabbed where the hand touches it', () => {
    const { pointer, hitBox } = cardBeside([0.3, 0, 0.05]);
    expect(pointer.getIntersection()?.object).toBe(hitBox);
  });
});

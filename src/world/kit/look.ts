import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { StaticPart } from '../static-parts';
import type { Vec3 } from './shapes';

export { box, cylinder, type Vec3 } from './shapes';

const local = new Matrix4();
const placed = new Matrix4();
const out = new Matrix4();
const q = new Quaternion();
const e = new Euler();
const p = new Vector3();
const s = new Vector3(1, 1, 1);

/**
 * A part's look moved to where the layout puts the part, so it can join the station's one static
 * batch: each piece keeps its own rotation, composed with the part's.
 */
export function placeLook(look: readonly StaticPart[], position: Vec3, rotation: Vec3 = [0, 0, 0]): StaticPart[] {
  placed.compose(p.set(...position), q.setFromEuler(e.set(...rotation)), s);
  return look.map((piece) => {
    local.compose(p.set(...piece.position), q.setFromEuler(e.set(...(piece.rotation ?? [0, 0, 0]))), s);
    out.multiplyMatrices(placed, local);
    out.decompose(p, q, new Vector3());
    e.setFromQuaternion(q);
    return { ...piece, position: [p.x, p.y, p.z], rotation: [e.x, e.y, e.z] } as StaticPart;
  });
}

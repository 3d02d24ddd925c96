import { Euler, Matrix4, Quaternion, Vector3 } from 'three';
import type { StaticPart } from '../static-parts';

export type Vec3 = readonly [number, number, number];
const local = new Matrix4();
const placed = new Matrix4();
const out = new Matrix4();
const q = new Quaternion();
const e = new Euler();
const p = new Vector3();
const s = new Vector3(1, 1, 1);

/** A box of `size` centred at `at` (part space), in `color`. */
export const box = (size: Vec3, at: Vec3, color: string, rotation?: Vec3): StaticPart => ({ box: [...size], position: [...at], color, ...(rotation ? { rotation: [...rotation] } : {}) });
/** A cylinder (radius, height) standing on y at `at`; `rotation` lays it down. */
export const cylinder = (radius: number, height: number, at: Vec3, color: string, rotation?: Vec3, segments = 16, radiusBottom = radius): StaticPart => ({
  cylinder: [radius, radiusBottom, height, segments],
  position: [...at],
  color,
  ...(rotation ? { rotation: [...rotation] } : {}),
});

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

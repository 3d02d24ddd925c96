import { BoxGeometry, BufferAttribute, MeshLambertMaterial, Color, CylinderGeometry, Euler, Matrix4, Quaternion, Vector3, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/** One piece of a composite mesh: a box or a low-segment cylinder, placed and coloured. */
export interface Piece {
  box?: [number, number, number];
  /** radiusTop, radiusBottom, height, radial segments (keep them low: 8–12). */
  cylinder?: [number, number, number, number];
  /** Only this much of the cylinder's circle (radians): a part that is not filled all round. */
  arc?: number;
  at: [number, number, number];
  rotate?: [number, number, number];
  color: string;
}

const matrix = new Matrix4();
const quaternion = new Quaternion();
const euler = new Euler();
const one = new Vector3(1, 1, 1);
const position = new Vector3();
const color = new Color();

/**
 * Many static parts as one geometry with per-vertex colours: one draw call for a whole machine
 * frame instead of one per box, which keeps the station inside the XR draw-call budget.
 */
export function coloredGeometry(pieces: readonly Piece[]): BufferGeometry {
  const parts = pieces.map((p) => {
    const [rt, rb, h, seg] = p.cylinder ?? [0.05, 0.05, 0.1, 8];
    const g: BufferGeometry = p.box ? new BoxGeometry(...p.box) : new CylinderGeometry(rt, rb, h, seg, 1, false, 0, p.arc ?? Math.PI * 2);
    euler.set(...(p.rotate ?? [0, 0, 0]));
    matrix.compose(position.set(...p.at), quaternion.setFromEuler(euler), one);
    g.applyMatrix4(matrix);
    color.set(p.color);
    const count = g.getAttribute('position').count;
    const colors = new Float32Array(count * 3);
    for (let i = 0; i < count; i++) color.toArray(colors, i * 3);
    g.setAttribute('color', new BufferAttribute(colors, 3));
    return g;
  });
  const merged = mergeGeometries(parts);
  for (const g of parts) g.dispose();
  if (!merged) throw new Error('coloredGeometry: pieces do not share attributes');
  return merged;
}

/** The one material every coloured composite shares (colour per vertex). */
export const coloredMaterial = new MeshLambertMaterial({ vertexColors: true });

import { BoxGeometry, BufferAttribute, BufferGeometry, Color, CylinderGeometry, Euler, Matrix4, MeshLambertMaterial, Quaternion, Vector3 } from 'three';

/** One box or cylinder of a composite mesh, in the composite's own space. */
export interface Part {
  shape: 'box' | 'cylinder';
  /** Box: width, height, depth. Cylinder: radius, height, radial segments. */
  size: readonly [number, number, number];
  at: readonly [number, number, number];
  rotation?: readonly [number, number, number];
  color: string;
}

export const box = (size: Part['size'], at: Part['at'], color: string, rotation?: Part['rotation']): Part => ({ shape: 'box', size, at, color, ...(rotation ? { rotation } : {}) });
export const cylinder = (radius: number, height: number, at: Part['at'], color: string, rotation?: Part['rotation'], segments = 12): Part => ({
  shape: 'cylinder',
  size: [radius, height, segments],
  at,
  color,
  ...(rotation ? { rotation } : {}),
});

const matrix = new Matrix4();
const quaternion = new Quaternion();
const euler = new Euler();
const one = new Vector3(1, 1, 1);
const offset = new Vector3();
const color = new Color();

/**
 * Many coloured boxes and cylinders as ONE geometry with vertex colours: a counter, its wall, the
 * dispensers and the signs cost one draw call instead of forty (the XR budget counts both eyes).
 */
export function mergeParts(parts: readonly Part[]): BufferGeometry {
  const pieces = parts.map((p) => {
    const g = (p.shape === 'box' ? new BoxGeometry(p.size[0], p.size[1], p.size[2]) : new CylinderGeometry(p.size[0], p.size[0], p.size[1], p.size[2])).toNonIndexed();
    const r = p.rotation ?? [0, 0, 0];
    matrix.compose(offset.set(p.at[0], p.at[1], p.at[2]), quaternion.setFromEuler(euler.set(r[0], r[1], r[2])), one);
    g.applyMatrix4(matrix);
    return { g, color: p.color };
  });
  const total = pieces.reduce((n, p) => n + p.g.getAttribute('position').count, 0);
  const positions = new Float32Array(total * 3);
  const normals = new Float32Array(total * 3);
  const colors = new Float32Array(total * 3);
  let at = 0;
  for (const { g, color: hex } of pieces) {
    const pos = g.getAttribute('position');
    positions.set(pos.array as Float32Array, at * 3);
    normals.set(g.getAttribute('normal').array as Float32Array, at * 3);
    color.set(hex);
    for (let i = 0; i < pos.count; i++) colors.set([color.r, color.g, color.b], (at + i) * 3);
    at += pos.count;
    g.dispose();
  }
  const merged = new BufferGeometry();
  merged.setAttribute('position', new BufferAttribute(positions, 3));
  merged.setAttribute('normal', new BufferAttribute(normals, 3));
  merged.setAttribute('color', new BufferAttribute(colors, 3));
  merged.computeBoundingSphere();
  merged.computeBoundingBox();
  return merged;
}

/** The one material of every composite mesh of the food station: the colours are in the vertices. */
export const partsMaterial = new MeshLambertMaterial({ vertexColors: true });

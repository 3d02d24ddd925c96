import { useEffect, useMemo } from 'react';
import { BoxGeometry, BufferAttribute, BufferGeometry, Color, CylinderGeometry, Euler, Float32BufferAttribute, Matrix4, MeshLambertMaterial, Quaternion, Vector3 } from 'three';

/** One fixed part of a station: a box or a cylinder, where it stands, and its colour. */
export type StaticPart = {
  position: [number, number, number];
  rotation?: [number, number, number];
  color: string;
} & (
  | { box: [number, number, number] }
  /** `arc`: only this much of the circle (radians), for a part that is not round all the way. */
  | { cylinder: [radiusTop: number, radiusBottom: number, height: number, segments: number, arc?: number] }
);

const matrix = new Matrix4();
const euler = new Euler();
const turn = new Quaternion();
const at = new Vector3();
const one = new Vector3(1, 1, 1);

const cylinderGeometry = (top: number, bottom: number, height: number, segments: number, arc = Math.PI * 2) => new CylinderGeometry(top, bottom, height, segments, 1, false, 0, arc);

/**
 * The parts as one indexed geometry (position, normal, colour), each vertex coloured with its
 * part's colour. Merged here rather than with three's mergeGeometries: that module is 1.5 KB gzip
 * before a station's first frame, and these parts need none of its generality.
 */
export function mergeStaticParts(parts: readonly StaticPart[]): BufferGeometry {
  const pieces = parts.map((p) => {
    const g = 'box' in p ? new BoxGeometry(...p.box) : cylinderGeometry(...p.cylinder);
    matrix.compose(at.set(...p.position), turn.setFromEuler(euler.set(...(p.rotation ?? [0, 0, 0]))), one);
    g.applyMatrix4(matrix);
    return { g, color: new Color(p.color) };
  });
  const vertices = pieces.reduce((n, { g }) => n + g.getAttribute('position').count, 0);
  const indices = pieces.reduce((n, { g }) => n + g.index!.count, 0);
  const position = new Float32Array(vertices * 3);
  const normal = new Float32Array(vertices * 3);
  const colors = new Float32Array(vertices * 3);
  const index = vertices > 65535 ? new Uint32Array(indices) : new Uint16Array(indices);
  let v = 0;
  let n = 0;
  for (const { g, color } of pieces) {
    const count = g.getAttribute('position').count;
    position.set(g.getAttribute('position').array as Float32Array, v * 3);
    normal.set(g.getAttribute('normal').array as Float32Array, v * 3);
    for (let i = 0; i < count; i++) color.toArray(colors, (v + i) * 3);
    const own = g.index!.array;
    for (let i = 0; i < own.length; i++) index[n++] = own[i]! + v;
    v += count;
    g.dispose();
  }
  const merged = new BufferGeometry();
  merged.setAttribute('position', new Float32BufferAttribute(position, 3));
  merged.setAttribute('normal', new Float32BufferAttribute(normal, 3));
  merged.setAttribute('color', new Float32BufferAttribute(colors, 3));
  merged.setIndex(new BufferAttribute(index, 1));
  return merged;
}

// One material for every station's fixed parts: the colour lives in the vertices.
let material: MeshLambertMaterial | null = null;

/**
 * The vertex-colour material of StaticParts, for meshes of merged parts that do move (a platen, a
 * button that travels): the same shader and state as the fixed body, so no switch between them.
 */
export function staticPartsMaterial(): MeshLambertMaterial {
  material ??= new MeshLambertMaterial({ vertexColors: true });
  return material;
}

/**
 * A station's fixed body — cabinet, table, pillars, racks — drawn as one mesh: one draw call per
 * eye instead of one per part, which is what keeps a detailed machine inside the XR budget. The
 * parts list is read once; it is for things that never move and are never touched.
 */
export function StaticParts({ parts, name = 'static-parts' }: { parts: readonly StaticPart[]; name?: string }) {
  const geometry = useMemo(() => mergeStaticParts(parts), [parts]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return <mesh name={name} geometry={geometry} material={staticPartsMaterial()} />;
}

import { useEffect, useMemo } from 'react';
import { BoxGeometry, Color, CylinderGeometry, Euler, Float32BufferAttribute, Matrix4, MeshLambertMaterial, Quaternion, Vector3, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

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

/** The parts as one geometry, each vertex coloured with its part's colour. */
export function mergeStaticParts(parts: readonly StaticPart[]): BufferGeometry {
  const pieces = parts.map((p) => {
    const g = 'box' in p ? new BoxGeometry(...p.box) : cylinderGeometry(...p.cylinder);
    matrix.compose(at.set(...p.position), turn.setFromEuler(euler.set(...(p.rotation ?? [0, 0, 0]))), one);
    g.applyMatrix4(matrix);
    const c = new Color(p.color);
    const count = g.getAttribute('position').count;
    const colors = new Float32Array(count * 3);
    for (let i = 0; i < count; i++) colors.set([c.r, c.g, c.b], i * 3);
    g.setAttribute('color', new Float32BufferAttribute(colors, 3));
    return g;
  });
  const merged = mergeGeometries(pieces);
  for (const g of pieces) g.dispose();
  if (!merged) throw new Error('static parts could not be merged');
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

import { BoxGeometry, BufferAttribute, Color, CylinderGeometry, Euler, Matrix4, MeshLambertMaterial, Quaternion, Vector3, type BufferGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/**
 * Static parts of a station as one mesh: boxes and cylinders, each with its own colour baked into
 * the vertices, merged into a single geometry. A table, a machine body and a stack of fabric then
 * cost one draw call instead of forty.
 */
export class Composite {
  private readonly parts: BufferGeometry[] = [];
  private readonly matrix = new Matrix4();
  private readonly color = new Color();

  box(size: readonly [number, number, number], color: string, at: readonly [number, number, number], rotation?: readonly [number, number, number]): this {
    return this.add(new BoxGeometry(size[0], size[1], size[2]), color, at, rotation);
  }

  /** A cylinder along y (rotate it to lie along x or z); few segments keep the triangle count low. */
  cylinder(radius: number, height: number, color: string, at: readonly [number, number, number], rotation?: readonly [number, number, number], segments = 12): this {
    return this.add(new CylinderGeometry(radius, radius, height, segments), color, at, rotation);
  }

  /** A box from corner to corner (x0…x1, y0…y1, z0…z1): tables and slabs read better this way. */
  slab(x0: number, x1: number, y0: number, y1: number, z0: number, z1: number, color: string): this {
    return this.box([x1 - x0, y1 - y0, z1 - z0], color, [(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2]);
  }

  /** A thin rod from a to b (a thread, a wire). */
  segment(a: readonly [number, number, number], b: readonly [number, number, number], radius: number, color: string): this {
    const from = new Vector3(...a);
    const dir = new Vector3(...b).sub(from);
    const g = new CylinderGeometry(radius, radius, dir.length(), 4);
    const q = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), dir.clone().normalize());
    this.matrix.compose(from.addScaledVector(dir, 0.5), q, new Vector3(1, 1, 1));
    return this.push(g.applyMatrix4(this.matrix), color);
  }

  private add(g: BufferGeometry, color: string, at: readonly [number, number, number], rotation?: readonly [number, number, number]): this {
    const q = new Quaternion().setFromEuler(new Euler(...(rotation ?? [0, 0, 0])));
    this.matrix.compose(new Vector3(...at), q, new Vector3(1, 1, 1));
    return this.push(g.applyMatrix4(this.matrix), color);
  }

  private push(g: BufferGeometry, color: string): this {
    this.color.set(color);
    const n = g.getAttribute('position').count;
    const colors = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) this.color.toArray(colors, i * 3);
    g.setAttribute('color', new BufferAttribute(colors, 3));
    this.parts.push(g);
    return this;
  }

  /** The merged geometry; the parts are disposed. */
  build(): BufferGeometry {
    const merged = mergeGeometries(this.parts);
    for (const p of this.parts) p.dispose();
    this.parts.length = 0;
    if (!merged) throw new Error('Composite: parts could not be merged');
    return merged;
  }
}

/** The one material of every composite: Lambert lighting with the baked vertex colours. */
export const compositeMaterial = new MeshLambertMaterial({ vertexColors: true });

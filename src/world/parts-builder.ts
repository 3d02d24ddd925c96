import { Euler, Quaternion, Vector3 } from 'three';
import { mergeStaticParts, type StaticPart } from './static-parts';

type Vec3 = readonly [number, number, number];
const up = new Vector3(0, 1, 0);
const q = new Quaternion();
const e = new Euler();

/**
 * Writing a station's fixed body in code (for what layout.json cannot say: a thread path, a
 * machine head): boxes, slabs, cylinders and rods collected as StaticParts and merged by the kit's
 * one batcher (mergeStaticParts) into one vertex-coloured mesh — one draw call, one material.
 */
export class PartsBuilder {
  readonly parts: StaticPart[] = [];

  box(size: Vec3, color: string, at: Vec3, rotation?: Vec3): this {
    this.parts.push({ box: [...size], color, position: [...at], ...(rotation ? { rotation: [...rotation] } : {}) });
    return this;
  }

  /** A cylinder along y (rotate it to lie along x or z); few segments keep the triangle count low. */
  cylinder(radius: number, height: number, color: string, at: Vec3, rotation?: Vec3, segments = 12): this {
    this.parts.push({ cylinder: [radius, radius, height, segments], color, position: [...at], ...(rotation ? { rotation: [...rotation] } : {}) });
    return this;
  }

  /** A box from corner to corner (x0…x1, y0…y1, z0…z1): tables and slabs read better this way. */
  slab(x0: number, x1: number, y0: number, y1: number, z0: number, z1: number, color: string): this {
    return this.box([x1 - x0, y1 - y0, z1 - z0], color, [(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2]);
  }

  /** A thin rod from a to b (a thread, a wire). */
  segment(a: Vec3, b: Vec3, radius: number, color: string): this {
    const from = new Vector3(...a);
    const dir = new Vector3(...b).sub(from);
    e.setFromQuaternion(q.setFromUnitVectors(up, dir.clone().normalize()));
    const mid = from.addScaledVector(dir, 0.5);
    this.parts.push({ cylinder: [radius, radius, dir.length(), 4], color, position: [mid.x, mid.y, mid.z], rotation: [e.x, e.y, e.z] });
    return this;
  }

  /** The merged geometry (position, normal, colour), for the kit's vertex-colour material. */
  build() {
    return mergeStaticParts(this.parts);
  }
}

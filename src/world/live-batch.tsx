import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { BufferAttribute, BufferGeometry, DynamicDrawUsage, Matrix3, Matrix4, Mesh, MeshBasicMaterial, Vector3, type Material, type Object3D } from 'three';
import { useFrame } from '@react-three/fiber';
import { mergeStaticParts, staticPartsMaterial, type StaticPart } from './static-parts';

/** One look, merged once (by the kit's one merge, mergeStaticParts), in its own space. */
interface Look {
  positions: Float32Array;
  normals: Float32Array;
  colors: Float32Array;
  index: ArrayLike<number>;
}

/** A piece in the batch while it is in the scene: its look, the group it follows, where its vertices are. */
interface Piece {
  look: Look;
  anchor: Object3D;
  offset: number;
  shown: boolean;
  last: Matrix4;
}

const looks = new WeakMap<readonly StaticPart[], Look>();
const local = new Matrix4();
const normalMatrix = new Matrix3();
const v = new Vector3();

function lookOf(parts: readonly StaticPart[]): Look {
  let look = looks.get(parts);
  if (!look) {
    const g = mergeStaticParts(parts);
    look = {
      positions: g.getAttribute('position').array as Float32Array,
      normals: g.getAttribute('normal').array as Float32Array,
      colors: g.getAttribute('color').array as Float32Array,
      index: g.index!.array,
    };
    g.dispose();
    looks.set(parts, look);
  }
  return look;
}

/** Visible only if it and every parent are (a worn hairnet's group is hidden). */
function shown(o: Object3D | null): boolean {
  for (; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/**
 * The moving pieces of a station's kit parts (button caps, nets, gloves, a door) as ONE mesh with
 * the kit's one material: each piece is an empty anchor group inside its Interactable, Grabbable
 * or HoldControl (a press moves it, a hover scales it, wearing hides it), and its vertices follow
 * the anchor on the CPU — only when the anchor moved, a few hundred vertices at most. One draw call
 * per eye for all of them (without three's BatchedMesh: 7 KB gzip before the first frame).
 */
export class LiveBatch {
  readonly mesh: Mesh;
  private pieces: Piece[] = [];
  private position = new BufferAttribute(new Float32Array(0), 3);
  private normal = new BufferAttribute(new Float32Array(0), 3);
  private indexDirty = false;
  private layoutDirty = false;
  private readonly inverse = new Matrix4();

  constructor(name = 'live-batch', material: Material = staticPartsMaterial()) {
    this.mesh = new Mesh(new BufferGeometry(), material);
    this.mesh.name = name;
    // Nothing to draw is no draw call (three would still issue an empty one).
    this.mesh.visible = false;
    // The pieces move: the mesh's own bounds would go stale. Rays go to the pieces' hit boxes.
    this.mesh.frustumCulled = false;
    this.mesh.raycast = () => {};
  }

  /** Adds a piece drawn with `parts`, following `anchor`; returns the function that removes it. */
  add(parts: readonly StaticPart[], anchor: Object3D): () => void {
    const piece: Piece = { look: lookOf(parts), anchor, offset: 0, shown: false, last: new Matrix4() };
    this.pieces.push(piece);
    this.layoutDirty = true;
    return () => {
      this.pieces = this.pieces.filter((p) => p !== piece);
      this.layoutDirty = true;
    };
  }

  /** New buffers when a piece came or went (mounts are rare; frames are not). */
  private relayout() {
    this.layoutDirty = false;
    const vertices = this.pieces.reduce((n, p) => n + p.look.positions.length / 3, 0);
    const indices = this.pieces.reduce((n, p) => n + p.look.index.length, 0);
    const colors = new Float32Array(vertices * 3);
    let offset = 0;
    for (const p of this.pieces) {
      p.offset = offset;
      p.shown = false;
      p.last.makeScale(0, 0, 0);
      colors.set(p.look.colors, offset * 3);
      offset += p.look.positions.length / 3;
    }
    const geometry = this.mesh.geometry;
    this.position = new BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(DynamicDrawUsage);
    this.normal = new BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(DynamicDrawUsage);
    geometry.dispose();
    const next = new BufferGeometry();
    next.setAttribute('position', this.position);
    next.setAttribute('normal', this.normal);
    next.setAttribute('color', new BufferAttribute(colors, 3));
    next.setIndex(new BufferAttribute(vertices > 65535 ? new Uint32Array(indices) : new Uint16Array(indices), 1).setUsage(DynamicDrawUsage));
    next.setDrawRange(0, 0);
    this.mesh.geometry = next;
    this.indexDirty = true;
  }

  /** Moves the vertices of every piece whose anchor moved; redraws the index when one came, went or hid. */
  update() {
    if (this.layoutDirty) this.relayout();
    this.mesh.updateWorldMatrix(true, false);
    this.inverse.copy(this.mesh.matrixWorld).invert();
    let moved = false;
    for (const p of this.pieces) {
      const visible = shown(p.anchor);
      if (visible !== p.shown) {
        p.shown = visible;
        this.indexDirty = true;
      }
      if (!visible) continue;
      p.anchor.updateWorldMatrix(true, false);
      local.multiplyMatrices(this.inverse, p.anchor.matrixWorld);
      if (local.equals(p.last)) continue;
      p.last.copy(local);
      normalMatrix.getNormalMatrix(local);
      const { positions, normals } = p.look;
      for (let k = 0; k < positions.length / 3; k++) {
        v.fromArray(positions, k * 3).applyMatrix4(local);
        this.position.setXYZ(p.offset + k, v.x, v.y, v.z);
        v.fromArray(normals, k * 3).applyMatrix3(normalMatrix).normalize();
        this.normal.setXYZ(p.offset + k, v.x, v.y, v.z);
      }
      moved = true;
    }
    if (moved) {
      this.position.needsUpdate = true;
      this.normal.needsUpdate = true;
    }
    if (this.indexDirty) this.redrawIndex();
  }

  private redrawIndex() {
    this.indexDirty = false;
    const index = this.mesh.geometry.index!;
    const out = index.array as Uint16Array | Uint32Array;
    let n = 0;
    for (const p of this.pieces) {
      if (!p.shown) continue;
      for (let k = 0; k < p.look.index.length; k++) out[n++] = p.offset + p.look.index[k]!;
    }
    index.needsUpdate = true;
    this.mesh.geometry.setDrawRange(0, n);
    this.mesh.visible = n > 0;
  }

  /** Triangles drawn now (for tests and probes). */
  get triangles(): number {
    return this.mesh.geometry.drawRange.count / 3;
  }

  dispose() {
    this.mesh.geometry.dispose();
  }
}

/** The look of a faint mark (a drop zone on the bench): unlit, see-through, the colour in the vertices. */
let markMaterial: MeshBasicMaterial | null = null;
export function liveMarkMaterial(): MeshBasicMaterial {
  markMaterial ??= new MeshBasicMaterial({ vertexColors: true, transparent: true, opacity: 0.25, depthWrite: false });
  return markMaterial;
}

/** A station's batches: solid pieces (the kit's one material) and faint marks (drop zones). */
interface LiveBatches {
  solid: LiveBatch;
  marks: LiveBatch;
}

const LiveBatchContext = createContext<LiveBatches | null>(null);

/** The batch the kit's moving pieces inside join (LookMesh); a station has one of each kind. */
export const useLiveBatch = (kind: keyof LiveBatches = 'solid') => useContext(LiveBatchContext)?.[kind] ?? null;

/**
 * One draw call for every LookMesh inside (the kit parts' moving pieces and station.tsx's own), and
 * one for every faint mark (the drop zones, however many a station has).
 */
export function LiveBatchProvider({ children, name = 'live-batch' }: { children: ReactNode; name?: string }) {
  const batches = useMemo<LiveBatches>(() => ({ solid: new LiveBatch(name), marks: new LiveBatch(`${name}-marks`, liveMarkMaterial()) }), [name]);
  useEffect(
    () => () => {
      batches.solid.dispose();
      batches.marks.dispose();
    },
    [batches],
  );
  // Subscribed after the children's own frame callbacks (a carried thing moves first), so the
  // vertices follow this frame's anchors.
  useFrame(() => {
    batches.solid.update();
    batches.marks.update();
  });
  return (
    <>
      <primitive object={batches.solid.mesh} />
      <primitive object={batches.marks.mesh} />
      <LiveBatchContext.Provider value={batches}>{children}</LiveBatchContext.Provider>
    </>
  );
}

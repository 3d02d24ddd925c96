import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { BufferAttribute, BufferGeometry, DynamicDrawUsage, Matrix3, Matrix4, Mesh, MeshLambertMaterial, Vector3, type Group, type Object3D } from 'three';
import { useFrame } from '@react-three/fiber';
import { mergeStaticParts, type StaticPart } from '../../../../src/world';

/** One kind of thing: its merged parts, in its own space. */
interface Kind {
  positions: Float32Array;
  normals: Float32Array;
  colors: Float32Array;
  index: ArrayLike<number>;
}

/** A place in the shared buffers, taken by one thing while it is in the scene. */
interface Slot {
  kind: Kind | null;
  anchor: Object3D | null;
  shown: boolean;
  last: Matrix4;
}

const local = new Matrix4();
const normalMatrix = new Matrix3();
const v = new Vector3();

/** Visible only if it and every parent are (a worn hairnet's group is hidden). */
function shown(o: Object3D | null): boolean {
  for (; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/**
 * Many small things as ONE mesh that follows them: each thing is an empty anchor group inside its
 * Interactable, Grabbable or HoldControl (a press moves it, a hover scales it, wearing hides it),
 * and its vertices are moved to the anchor on the CPU — only when the anchor moved, a few hundred
 * vertices at most. One draw call per eye instead of one per thing, without three's BatchedMesh
 * (7 KB gzip before the first frame, over the station's JavaScript budget).
 */
export class FollowingBatch {
  readonly mesh: Mesh;
  private readonly slots: Slot[];
  private readonly stride: number;
  private readonly position: BufferAttribute;
  private readonly normal: BufferAttribute;
  private readonly color: BufferAttribute;
  private readonly index: BufferAttribute;
  private readonly inverse = new Matrix4();
  private indexDirty = false;

  constructor(
    readonly kinds: Map<string, Kind>,
    capacity: number,
    name: string,
  ) {
    // Every slot can hold the largest kind: simple, and a few thousand vertices in all.
    this.stride = Math.max(...[...kinds.values()].map((k) => k.positions.length / 3));
    const maxIndex = Math.max(...[...kinds.values()].map((k) => k.index.length));
    const vertices = capacity * this.stride;
    this.position = new BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(DynamicDrawUsage);
    this.normal = new BufferAttribute(new Float32Array(vertices * 3), 3).setUsage(DynamicDrawUsage);
    this.color = new BufferAttribute(new Float32Array(vertices * 3), 3);
    this.index = new BufferAttribute(vertices > 65535 ? new Uint32Array(capacity * maxIndex) : new Uint16Array(capacity * maxIndex), 1).setUsage(DynamicDrawUsage);
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', this.position);
    geometry.setAttribute('normal', this.normal);
    geometry.setAttribute('color', this.color);
    geometry.setIndex(this.index);
    geometry.setDrawRange(0, 0);
    this.slots = Array.from({ length: capacity }, () => ({ kind: null, anchor: null, shown: false, last: new Matrix4().makeScale(0, 0, 0) }));
    this.mesh = new Mesh(geometry, new MeshLambertMaterial({ vertexColors: true }));
    this.mesh.name = name;
    // The things move: the mesh's own bounds would go stale. Rays go to the things' hit boxes.
    this.mesh.frustumCulled = false;
    this.mesh.raycast = () => {};
  }

  add(kindName: string, anchor: Object3D): number {
    const kind = this.kinds.get(kindName);
    if (!kind) throw new Error(`PartsBatch: no kind ${kindName}`);
    const i = this.slots.findIndex((s) => s.kind === null);
    if (i < 0) throw new Error(`PartsBatch: more than ${this.slots.length} things`);
    const slot = this.slots[i]!;
    Object.assign(slot, { kind, anchor, shown: false });
    slot.last.makeScale(0, 0, 0);
    (this.color.array as Float32Array).set(kind.colors, i * this.stride * 3);
    this.color.needsUpdate = true;
    this.indexDirty = true;
    return i;
  }

  remove(i: number) {
    Object.assign(this.slots[i]!, { kind: null, anchor: null, shown: false });
    this.indexDirty = true;
  }

  /** Moves the vertices of every thing whose anchor moved; rebuilds the index when one came, went or hid. */
  update() {
    this.mesh.updateWorldMatrix(true, false);
    this.inverse.copy(this.mesh.matrixWorld).invert();
    let moved = false;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      if (!slot.kind || !slot.anchor) continue;
      const visible = shown(slot.anchor);
      if (visible !== slot.shown) {
        slot.shown = visible;
        this.indexDirty = true;
      }
      if (!visible) continue;
      slot.anchor.updateWorldMatrix(true, false);
      local.multiplyMatrices(this.inverse, slot.anchor.matrixWorld);
      if (local.equals(slot.last)) continue;
      slot.last.copy(local);
      normalMatrix.getNormalMatrix(local);
      const { positions, normals } = slot.kind;
      const base = i * this.stride;
      for (let k = 0; k < positions.length / 3; k++) {
        v.fromArray(positions, k * 3).applyMatrix4(local);
        this.position.setXYZ(base + k, v.x, v.y, v.z);
        v.fromArray(normals, k * 3).applyMatrix3(normalMatrix).normalize();
        this.normal.setXYZ(base + k, v.x, v.y, v.z);
      }
      moved = true;
    }
    if (moved) {
      this.position.needsUpdate = true;
      this.normal.needsUpdate = true;
    }
    if (this.indexDirty) this.rebuildIndex();
  }

  private rebuildIndex() {
    this.indexDirty = false;
    const out = this.index.array as Uint16Array | Uint32Array;
    let n = 0;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i]!;
      if (!slot.kind || !slot.shown) continue;
      const base = i * this.stride;
      for (let k = 0; k < slot.kind.index.length; k++) out[n++] = base + slot.kind.index[k]!;
    }
    this.index.needsUpdate = true;
    this.mesh.geometry.setDrawRange(0, n);
  }

  dispose() {
    this.mesh.geometry.dispose();
    (this.mesh.material as MeshLambertMaterial).dispose();
  }
}

const BatchContext = createContext<FollowingBatch | null>(null);

export function kindOf(parts: StaticPart[]): Kind {
  const g = mergeStaticParts(parts);
  const kind = {
    positions: g.getAttribute('position').array as Float32Array,
    normals: g.getAttribute('normal').array as Float32Array,
    colors: g.getAttribute('color').array as Float32Array,
    index: g.index!.array,
  };
  g.dispose();
  return kind;
}

/**
 * One draw call for every `BatchedPart` inside: `kinds` names each thing's parts (a soap
 * dispenser, an OK button), merged once; `instances` is how many may be in the scene at once.
 */
export function PartsBatch({ kinds, instances, children, name = 'parts-batch' }: { kinds: Record<string, () => StaticPart[]>; instances: number; children: ReactNode; name?: string }) {
  const batch = useMemo(
    () => new FollowingBatch(new Map(Object.entries(kinds).map(([k, parts]) => [k, kindOf(parts())])), instances, name),
    // The kinds are module constants: one batch for the station's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useEffect(() => () => batch.dispose(), [batch]);
  // Subscribed after the children's own frame callbacks (a carried thing moves first), so the
  // vertices follow this frame's anchors.
  useFrame(() => batch.update());
  return (
    <>
      <primitive object={batch.mesh} />
      <BatchContext.Provider value={batch}>{children}</BatchContext.Provider>
    </>
  );
}

/** One thing of the batch, drawn where this element is placed in the scene. */
export function BatchedPart({ kind }: { kind: string }) {
  const batch = useContext(BatchContext);
  const anchor = useRef<Group>(null);
  useLayoutEffect(() => {
    if (!batch || !anchor.current) throw new Error(`BatchedPart ${kind} outside a PartsBatch`);
    const slot = batch.add(kind, anchor.current);
    return () => batch.remove(slot);
  }, [batch, kind]);
  return <group ref={anchor} name={`batched:${kind}`} />;
}

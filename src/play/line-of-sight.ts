import { BackSide, Box3, DoubleSide, Raycaster, Vector3, type BufferGeometry, type Intersection, type Material, type Object3D } from 'three';

/** What stands between the eyes and a point: the drawn thing hit, and where. */
export interface Blocker {
  /** The nearest named object up the tree from the mesh hit (a part, `station-body`, a text). */
  name: string;
  at: [number, number, number];
}

/** Whether an object is a drawn mesh: it and every parent visible, and a material that shows (an invisible hit box does not). */
function drawn(o: Object3D): boolean {
  // Meshes only: a line's or a point cloud's raycast catches anything within a metre of it.
  if (!(o as { isMesh?: boolean }).isMesh) return false;
  for (let p: Object3D | null = o; p; p = p.parent) if (!p.visible) return false;
  const m = (o as { material?: Material | Material[] }).material;
  if (!m) return false;
  return (Array.isArray(m) ? m : [m]).some((x) => x.visible && !(x.transparent && x.opacity <= 0.05));
}

function nameOf(o: Object3D): string {
  for (let p: Object3D | null = o; p; p = p.parent) if (p.name) return p.name;
  return o.type;
}

const raycaster = new Raycaster();
const direction = new Vector3();

type Raycast = (r: Raycaster, out: Intersection[]) => void;

/** A drawn mesh as a wall: its class's own raycast and, where its geometry says so, its box in the world. */
interface Wall {
  mesh: Object3D;
  raycast: Raycast;
  /** Null where the geometry's box says nothing of what is drawn (instances, skinning): always tested. */
  box: Box3 | null;
  /** A large plain mesh (a station's merged body) as runs of its triangles in the world, each with its box. */
  chunks: { box: Box3; triangles: Vector3[] }[] | null;
}

/** Triangles per run: a merged body is box after box (12 triangles each), so a run stays in one place. */
const CHUNK = 24;

/**
 * A plain mesh's triangles in the world in runs with their boxes, so that a ray meets only the few
 * runs it crosses instead of every triangle of a body of thousands. Null where the mesh's own raycast
 * must decide (groups, several materials, morphs, few triangles).
 */
function chunksOf(o: Object3D & { geometry?: BufferGeometry; material?: Material | Material[] }): Wall['chunks'] {
  const g = o.geometry;
  const pos = g?.getAttribute('position');
  if (!g || !pos || Array.isArray(o.material) || g.groups.length > 0 || Object.keys(g.morphAttributes).length > 0) return null;
  const index = g.getIndex();
  const count = Math.min(index ? index.count : pos.count, g.drawRange.start + g.drawRange.count) - g.drawRange.start;
  if (count < CHUNK * 3 * 4) return null;
  const corner = (i: number) => new Vector3().fromBufferAttribute(pos, index ? index.getX(i) : i).applyMatrix4(o.matrixWorld);
  const chunks: NonNullable<Wall['chunks']> = [];
  for (let start = g.drawRange.start; start + 2 < g.drawRange.start + count; start += CHUNK * 3) {
    const triangles: Vector3[] = [];
    for (let i = start; i + 2 < Math.min(start + CHUNK * 3, g.drawRange.start + count); i++) triangles.push(corner(i));
    chunks.push({ box: new Box3().setFromPoints(triangles), triangles });
  }
  return chunks;
}

function walls(root: Object3D, skip: (o: Object3D) => boolean): Wall[] {
  const out: Wall[] = [];
  const visit = (o: Object3D) => {
    if (skip(o) || !o.visible) return;
    if (drawn(o)) {
      const raycast = (Object.getPrototypeOf(o) as { raycast?: Raycast }).raycast;
      if (raycast) {
        const m = o as Object3D & { geometry?: BufferGeometry; isInstancedMesh?: boolean; isSkinnedMesh?: boolean; isBatchedMesh?: boolean };
        let box: Box3 | null = null;
        if (m.geometry && !m.isInstancedMesh && !m.isSkinnedMesh && !m.isBatchedMesh) {
          if (!m.geometry.boundingBox) m.geometry.computeBoundingBox();
          const own = m.geometry.boundingBox;
          // An empty box (a text before its glyphs) draws nothing; a box without finite bounds is always tested.
          if (own && own.isEmpty()) box = new Box3();
          else if (own && [own.min.x, own.min.y, own.min.z, own.max.x, own.max.y, own.max.z].every(Number.isFinite)) box = own.clone().applyMatrix4(o.matrixWorld);
        }
        out.push({ mesh: o, raycast, box, chunks: box && !box.isEmpty() ? chunksOf(m) : null });
      }
    }
    for (const c of o.children) visit(c);
  };
  visit(root);
  return out;
}

/**
 * The drawn meshes under `root` (but for the subtrees `skip` names) as they stand now, to look
 * through many times: `between(from, to)` gives every one between the two points. Visual, not
 * pointer, occlusion: a mesh that lets rays through (a label's `raycast` switched off) still hides
 * what is behind it, so each mesh is tested by its class's own raycast, never its instance's; its
 * box in the world is tried first (hundreds of rays per moment in the placement test). `margin` (m)
 * is left free at the far end, where the point itself lies on the panel.
 */
export function lineOfSight(root: Object3D, skip: (o: Object3D) => boolean): { between(from: Vector3, to: Vector3, margin?: number): Blocker[] } {
  const all = walls(root, skip);
  return {
    between(from, to, margin = 0.02) {
      direction.subVectors(to, from);
      const far = direction.length() - margin;
      if (far <= 0) return [];
      raycaster.set(from, direction.normalize());
      raycaster.near = 0;
      raycaster.far = far;
      const hits: Intersection[] = [];
      for (const w of all) {
        if (w.box && !raycaster.ray.intersectsBox(w.box)) continue;
        if (w.chunks) hitChunks(w, far, hits);
        else w.raycast.call(w.mesh, raycaster, hits);
      }
      hits.sort((a, b) => a.distance - b.distance);
      const seen = new Set<Object3D>();
      return hits
        .filter((h) => h.distance <= far && !seen.has(h.object) && seen.add(h.object))
        .map((h) => ({ name: nameOf(h.object), at: [h.point.x, h.point.y, h.point.z].map((v) => Number(v.toFixed(2))) as [number, number, number] }));
    },
  };
}

const point = new Vector3();

/** The nearest triangle of a chunked wall the ray meets within `far`, as the mesh's raycast would find it (its material's side). */
function hitChunks(w: Wall, far: number, hits: Intersection[]): void {
  const side = (w.mesh as { material?: Material }).material?.side;
  const cull = side !== DoubleSide && side !== BackSide;
  let best = Number.POSITIVE_INFINITY;
  let at: Vector3 | null = null;
  for (const c of w.chunks!) {
    if (!raycaster.ray.intersectsBox(c.box)) continue;
    for (let i = 0; i + 2 < c.triangles.length; i += 3) {
      const [a, b, d] = [c.triangles[i]!, c.triangles[i + 1]!, c.triangles[i + 2]!];
      // A back-side material is hit from behind: the corners the other way round.
      const p = side === BackSide ? raycaster.ray.intersectTriangle(d, b, a, true, point) : raycaster.ray.intersectTriangle(a, b, d, cull, point);
      if (!p) continue;
      const distance = raycaster.ray.origin.distanceTo(p);
      if (distance < best && distance <= far) {
        best = distance;
        at = p.clone();
      }
    }
  }
  if (at) hits.push({ distance: best, point: at, object: w.mesh } as Intersection);
}

/** Every drawn mesh between `from` and `to` under `root`, but for the subtrees `skip` names (see lineOfSight). */
export function blockersBetween(root: Object3D, from: Vector3, to: Vector3, skip: (o: Object3D) => boolean, margin = 0.02): Blocker[] {
  return lineOfSight(root, skip).between(from, to, margin);
}

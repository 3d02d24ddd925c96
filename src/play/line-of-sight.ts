import { Raycaster, Vector3, type Intersection, type Material, type Object3D } from 'three';

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

/**
 * Every drawn mesh between `from` and `to` under `root`, but for the subtrees `skip` names (the
 * panel itself, the trainee's own hands and controllers). Visual, not pointer, occlusion: a mesh
 * that lets rays through (a label's `raycast` switched off) still hides what is behind it, so each
 * mesh is tested by its class's own raycast, never its instance's. `margin` (m) is left free at
 * the far end, where the point itself lies on the panel.
 */
export function blockersBetween(root: Object3D, from: Vector3, to: Vector3, skip: (o: Object3D) => boolean, margin = 0.02): Blocker[] {
  direction.subVectors(to, from);
  const far = direction.length() - margin;
  if (far <= 0) return [];
  raycaster.set(from, direction.normalize());
  raycaster.near = 0;
  raycaster.far = far;
  const hits: Intersection[] = [];
  const visit = (o: Object3D) => {
    if (skip(o) || !o.visible) return;
    if (drawn(o)) {
      const own = Object.getPrototypeOf(o) as { raycast?: (r: Raycaster, out: Intersection[]) => void };
      own.raycast?.call(o, raycaster, hits);
    }
    for (const c of o.children) visit(c);
  };
  visit(root);
  const seen = new Set<Object3D>();
  return hits
    .filter((h) => h.distance <= far && !seen.has(h.object) && seen.add(h.object))
    .map((h) => ({ name: nameOf(h.object), at: [h.point.x, h.point.y, h.point.z].map((v) => Number(v.toFixed(2))) as [number, number, number] }));
}

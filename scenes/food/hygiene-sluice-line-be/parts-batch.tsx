import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { BatchedMesh, Matrix4, MeshLambertMaterial, type BufferGeometry, type Camera, type Group, type Material, type Object3D, type Scene, type WebGLRenderer } from 'three';
import { mergeStaticParts, type StaticPart } from '../../../src/world/static-parts';

/**
 * A BatchedMesh whose instances follow anchors: empty groups that sit where each small thing of
 * the station is (inside its Interactable, Grabbable or HoldControl, so a press moves it, a hover
 * scales it, wearing hides it). Twenty-odd things cost one draw call per eye instead of one each.
 */
class AnchoredBatch extends BatchedMesh {
  private readonly ids: number[] = [];
  private readonly anchors: Object3D[] = [];
  private readonly inverse = new Matrix4();
  private readonly local = new Matrix4();

  follow(id: number, anchor: Object3D) {
    this.ids.push(id);
    this.anchors.push(anchor);
  }

  forget(id: number) {
    const i = this.ids.indexOf(id);
    if (i < 0) return;
    this.ids.splice(i, 1);
    this.anchors.splice(i, 1);
    this.deleteInstance(id);
  }

  // Runs during render (per eye in XR), after the scene's world matrices were updated: instances
  // stand exactly where their anchors are this frame, never a frame behind a held object.
  override onBeforeRender(renderer: WebGLRenderer, scene: Scene, camera: Camera, geometry: BufferGeometry, material: Material, group: Group) {
    this.inverse.copy(this.matrixWorld).invert();
    for (let i = 0; i < this.ids.length; i++) {
      const anchor = this.anchors[i]!;
      this.setVisibleAt(this.ids[i]!, shown(anchor));
      this.setMatrixAt(this.ids[i]!, this.local.multiplyMatrices(this.inverse, anchor.matrixWorld));
    }
    super.onBeforeRender(renderer, scene, camera, geometry, material, group);
  }
}

/** Visible only if it and every parent are (a worn hairnet's group is hidden). */
function shown(o: Object3D | null): boolean {
  for (; o; o = o.parent) if (!o.visible) return false;
  return true;
}

interface Batch {
  mesh: AnchoredBatch;
  geometryIds: Map<string, number>;
}

const BatchContext = createContext<Batch | null>(null);

/**
 * One draw call for every `BatchedPart` inside: `kinds` names each thing's parts (a soap
 * dispenser, an OK button) — merged once; `instances` is how many may be placed at most.
 */
export function PartsBatch({ kinds, instances, children, name = 'parts-batch' }: { kinds: Record<string, () => StaticPart[]>; instances: number; children: ReactNode; name?: string }) {
  const batch = useMemo<Batch>(() => {
    const geometries = Object.entries(kinds).map(([kind, parts]) => [kind, mergeStaticParts(parts())] as const);
    const vertices = geometries.reduce((n, [, g]) => n + g.getAttribute('position').count, 0);
    const indices = geometries.reduce((n, [, g]) => n + (g.index?.count ?? 0), 0);
    // Its own material: sharing one with plain meshes would switch the shader program every frame.
    const mesh = new AnchoredBatch(instances, vertices, indices, new MeshLambertMaterial({ vertexColors: true }));
    mesh.name = name;
    // Instances move with their anchors: the batch's own bounds would go stale; each instance is culled by itself.
    mesh.frustumCulled = false;
    // Rays go to the things' hit boxes, as before: the batch sits outside their groups.
    mesh.raycast = () => {};
    const geometryIds = new Map<string, number>();
    for (const [kind, g] of geometries) {
      geometryIds.set(kind, mesh.addGeometry(g));
      g.dispose();
    }
    return { mesh, geometryIds };
    // The kinds are module constants: one batch for the station's lifetime.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(
    () => () => {
      batch.mesh.dispose();
      (batch.mesh.material as Material).dispose();
    },
    [batch],
  );
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
    const geometryId = batch.geometryIds.get(kind);
    if (geometryId === undefined) throw new Error(`BatchedPart: no kind ${kind} in the batch`);
    const id = batch.mesh.addInstance(geometryId);
    batch.mesh.follow(id, anchor.current);
    return () => batch.mesh.forget(id);
  }, [batch, kind]);
  return <group ref={anchor} name={`batched:${kind}`} />;
}

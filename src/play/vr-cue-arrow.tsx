import { forwardRef, useMemo } from 'react';
import { BufferGeometry, DoubleSide, Float32BufferAttribute, MeshBasicMaterial, Quaternion, Vector3, type Camera, type Group } from 'three';

/** How far in front of the eyes the arrow floats, and how far from the view's centre toward its edge (m). */
const DISTANCE = 0.8;
const OUT = 0.24;
const noHit = () => null;
const spin = new Quaternion();
const zAxis = new Vector3(0, 0, 1);

/**
 * The arrow, pointing along +x (the overlay's drawing), 12 cm long: a shaft (two triangles) and a
 * head (one). Plain triangles: a ShapeGeometry would pull its triangulator into the station's first
 * frame, which is at its JavaScript budget.
 */
function arrowGeometry(): BufferGeometry {
  const k = 0.12 / 54;
  const p = (x: number, y: number) => [(x - 33) * k, (32 - y) * k, 0];
  const shaft = [p(6, 24), p(6, 40), p(36, 40), p(6, 24), p(36, 40), p(36, 24)];
  const head = [p(36, 8), p(36, 56), p(60, 32)];
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute([...shaft, ...head].flat(), 3));
  return g;
}

/**
 * In a headset, where the next thing to do is out of view: an amber arrow near the edge of the view,
 * pointing the way to turn. Drawn over the scene (no depth test, drawn last): a machine part never
 * hides it. Invisible otherwise, and then it costs no draw call; it never catches a ray.
 */
export const VrCueArrow = forwardRef<Group>(function VrCueArrow(_props, ref) {
  const geometry = useMemo(() => arrowGeometry(), []);
  const material = useMemo(() => new MeshBasicMaterial({ color: '#f0b429', depthTest: false, depthWrite: false, transparent: true, opacity: 0.95, side: DoubleSide }), []);
  return (
    <group ref={ref} name="vr-cue" visible={false}>
      <mesh geometry={geometry} material={material} renderOrder={1000} raycast={noHit} />
    </group>
  );
});

const headAt = new Vector3();
const headScale = new Vector3();

/** Puts the arrow at the edge of the head's view toward `angle` (0 right, 90 up), or hides it. No allocation. */
export function placeVrCue(arrow: Group, head: Camera, shown: boolean, angle: number): void {
  arrow.visible = shown;
  if (!shown) return;
  const r = (angle * Math.PI) / 180;
  // Facing the eyes like the view itself, turned in its plane to point the way.
  head.matrixWorld.decompose(headAt, arrow.quaternion, headScale);
  arrow.quaternion.multiply(spin.setFromAxisAngle(zAxis, r));
  arrow.position.set(Math.cos(r) * OUT, Math.sin(r) * OUT, -DISTANCE).applyMatrix4(head.matrixWorld);
}

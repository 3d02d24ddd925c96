import { createPortal, useThree } from '@react-three/fiber';
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Vector3, type Group, type Object3D } from 'three';

/**
 * How far from the eyes the copy is held (m): a sheet held at arm's length. Its 16–17 mm letters then
 * subtend more than Meta's minimum for UI text (32 mm at 1.5 m, i.e. 12.8 mm at 0.6 m), and it stays
 * beyond the ~0.5 m nearer than which Meta advises against placing content (eye strain).
 */
export const readingDistance = 0.6;

/**
 * The document at reading distance: on the line from the eyes to where it hangs, turned to face them,
 * drawn in the room (a portal to the scene, not moved by the clipboard's own hover). It catches no
 * rays, so the ray stays on the document that brought it and a press still reaches what is behind.
 */
export default function ReadingCopy({ from, children }: { from: RefObject<Object3D | null>; children: ReactNode }) {
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const copy = useRef<Group>(null);
  // Placed once, when it comes: a sheet that swam with every head movement would be harder to read.
  useLayoutEffect(() => {
    const g = copy.current;
    const doc = from.current;
    if (!g || !doc) return;
    const eyes = camera.getWorldPosition(new Vector3());
    const direction = doc.getWorldPosition(new Vector3()).sub(eyes).normalize();
    g.position.copy(eyes).addScaledVector(direction, readingDistance);
    g.lookAt(eyes);
    g.visible = true;
  }, [camera, from]);
  return createPortal(
    <group ref={copy} name="reading-copy" visible={false} pointerEvents="none">
      {children}
    </group>,
    scene,
  );
}

import { useRef, useState } from 'react';
import type { Group } from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { HazardZone } from '../../../../src/world';

/**
 * The trainee's face, following the headset: a hand or a held thing there sends `enter` (touching
 * the face). Only in VR — on a computer the camera is the head and every pointer ray starts there.
 */
export default function FaceZone() {
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera);
  const face = useRef<Group>(null);
  const [vr, setVr] = useState(false);
  useFrame(() => {
    if (gl.xr.isPresenting !== vr) setVr(gl.xr.isPresenting);
    const g = face.current;
    if (!g) return;
    camera.getWorldPosition(g.position);
    g.position.y -= 0.08;
  });
  return <group ref={face}>{vr ? <HazardZone object="face-zone" position={[0, 0, 0]} size={[0.18, 0.2, 0.18]} /> : null}</group>;
}

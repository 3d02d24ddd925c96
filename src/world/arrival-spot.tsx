import { useEffect, useRef } from 'react';
import { RingGeometry, Vector3, type Group } from 'three';
import { extend, useFrame, useThree } from '@react-three/fiber';
import type { Device } from '../engine';
import { objectRegistry } from './object-registry';
import { reach } from './reach';
import { useAct } from './use-act';

export interface ArrivalSpotProps {
  /** The scenario object: a marked place on the floor. */
  object: string;
  /** Centre of the spot on the floor. */
  position: [number, number, number];
  /** How far (m, on the floor) from the centre the trainee's head may be and still stand on it. */
  radius: number;
  color?: string;
}

// The shared canvas registers only the common classes (scene-canvas.tsx); this one comes with the spot.
extend({ RingGeometry });

const head = new Vector3();
const centre = new Vector3();

/**
 * A marked place on the floor the trainee walks or teleports to: `enter` when their head comes
 * above it, `exit` when it leaves. A `stay` step on it is done by going there and coming back.
 */
export function ArrivalSpot({ object, position, radius, color = '#2da44e' }: ArrivalSpotProps) {
  const group = useRef<Group>(null);
  const inside = useRef<Device | null>(null);
  const act = useAct();
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);

  useEffect(() => (group.current ? objectRegistry.register(object, group.current) : undefined), [object]);

  useFrame(() => {
    const g = group.current;
    if (!g) return;
    camera.getWorldPosition(head);
    g.getWorldPosition(centre);
    const on = Math.hypot(head.x - centre.x, head.z - centre.z) <= radius;
    if (on && !inside.current) {
      // Whatever the trainee moved with: the hand or controller that is tracked, or the desktop.
      inside.current = gl.xr.isPresenting ? (reach.points[0]?.device ?? 'vr-controller') : 'desktop';
      act('enter', object, inside.current);
    } else if (!on && inside.current) {
      const device = inside.current;
      inside.current = null;
      act('exit', object, device);
    }
  });

  return (
    <group ref={group} name={`arrival-spot:${object}`} position={position}>
      {/* Flat and not a ray target: the teleport ray must reach the floor through it. */}
      <mesh rotation={[-Math.PI / 2, 0, 0]} position={[0, 0.003, 0]} raycast={() => null}>
        <ringGeometry args={[radius * 0.75, radius, 32]} />
        <meshBasicMaterial color={color} />
      </mesh>
    </group>
  );
}

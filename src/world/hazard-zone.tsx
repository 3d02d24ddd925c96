import { useEffect, useRef } from 'react';
import { Box3, Matrix4, Ray, Raycaster, Vector3, type Group } from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import type { Device } from '../engine';
import { reach, screenPointer } from './reach';
import { sharedMaterial } from './shared-materials';
import { useAct } from './use-act';

export interface HazardZoneProps {
  /** The scenario zone object: `blade-zone`, `needle-zone`, `mould-area`. */
  object: string;
  position: [number, number, number];
  rotation?: [number, number, number];
  /** Width, height, depth (m). */
  size: [number, number, number];
  /** Draw the zone as a faint red box (useful while building a station; real machines have no such box). */
  marked?: boolean;
}

const local = new Vector3();
const inverse = new Matrix4();
const ray = new Ray();
const raycaster = new Raycaster();

/**
 * A danger area: a blade, a needle, the mould. When a controller, a fingertip or a carried object
 * comes inside — or on desktop the pointer is over it — it sends `enter`, and `exit` when all have
 * left. The engine's rules decide whether that was dangerous (the machine was running).
 */
export function HazardZone({ object, position, rotation, size, marked = false }: HazardZoneProps) {
  const group = useRef<Group>(null);
  const inside = useRef<Device | null>(null);
  const act = useAct();
  const gl = useThree((s) => s.gl);
  const box = useRef(new Box3(new Vector3(-size[0] / 2, -size[1] / 2, -size[2] / 2), new Vector3(size[0] / 2, size[1] / 2, size[2] / 2)));
  box.current.min.set(-size[0] / 2, -size[1] / 2, -size[2] / 2);
  box.current.max.set(size[0] / 2, size[1] / 2, size[2] / 2);

  // The screen pointer counts only once it has moved over the view: R3F starts it at the centre.
  useEffect(() => {
    const el = gl.domElement;
    const on = (e: PointerEvent) => {
      screenPointer.active = true;
      screenPointer.device = e.pointerType === 'touch' || e.pointerType === 'pen' ? 'touch' : 'desktop';
    };
    const off = (e: PointerEvent) => {
      if (e.type === 'pointerleave' || e.pointerType === 'touch') screenPointer.active = false;
    };
    el.addEventListener('pointermove', on);
    el.addEventListener('pointerdown', on);
    el.addEventListener('pointerup', off);
    el.addEventListener('pointerleave', off);
    return () => {
      el.removeEventListener('pointermove', on);
      el.removeEventListener('pointerdown', on);
      el.removeEventListener('pointerup', off);
      el.removeEventListener('pointerleave', off);
    };
  }, [gl]);

  useFrame((state) => {
    const g = group.current;
    if (!g) return;
    let who: Device | null = null;
    for (const p of reach.points) {
      g.worldToLocal(p.object.getWorldPosition(local));
      if (box.current.containsPoint(local)) {
        who = p.device;
        break;
      }
    }
    if (!who && !gl.xr.isPresenting && screenPointer.active && !screenPointer.looking) {
      raycaster.setFromCamera(state.pointer, state.camera);
      inverse.copy(g.matrixWorld).invert();
      ray.copy(raycaster.ray).applyMatrix4(inverse);
      if (ray.intersectsBox(box.current)) who = screenPointer.device;
    }
    if (who && !inside.current) {
      inside.current = who;
      act('enter', object, who);
    } else if (!who && inside.current) {
      const device = inside.current;
      inside.current = null;
      act('exit', object, device);
    }
  });

  return (
    <group ref={group} name={`hazard-zone:${object}`} position={position} rotation={rotation}>
      {marked ? (
        <mesh material={sharedMaterial('hazard')} raycast={() => null}>
          <boxGeometry args={size} />
        </mesh>
      ) : null}
    </group>
  );
}

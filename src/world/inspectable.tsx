import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Quaternion, Vector3, type Group } from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { HitBox } from './hit-box';
import { objectRegistry } from './object-registry';
import { pointerGesture } from './pointer-gesture';
import { useAct } from './use-act';

export interface InspectableProps {
  /** The scenario object of an `inspect` step: a part, a slice, a piece of fabric. */
  object: string;
  position: [number, number, number];
  rotation?: [number, number, number];
  hitBox?: [number, number, number];
  children: ReactNode;
}

/** How far in front of the eyes an inspected thing is held (m): close, but not too close to focus. */
const VIEW_DISTANCE = 0.4;
const TAP = 0.02;

const eye = new Vector3();
const ahead = new Vector3();
const turn = new Quaternion();
const up = new Vector3(0, 1, 0);
const side = new Vector3(1, 0, 0);

/**
 * Looking at something closely: a press brings it in front of the trainee's eyes (`inspect`),
 * dragging turns it around, another press puts it back. The camera never moves — only the object.
 */
export function Inspectable({ object, position, rotation, hitBox, children }: InspectableProps) {
  const group = useRef<Group>(null);
  const inspecting = useRef(false);
  const act = useAct();
  const camera = useThree((s) => s.camera);

  useEffect(() => {
    if (!group.current) return;
    return objectRegistry.register(object, group.current);
  }, [object]);

  const handlers = useMemo(() => {
    const last = new Vector3();
    let turned = 0;
    return pointerGesture(
      'carry',
      {
        start: (_input, e) => {
          last.copy(e.ray.direction);
          turned = 0;
        },
        move: (_input, e) => {
          if (!inspecting.current || !group.current) return;
          // Turn about the vertical by the pointer's sideways sweep and about the horizontal by its
          // vertical sweep: the trainee sees every side without moving.
          const dx = e.ray.direction.x - last.x;
          const dy = e.ray.direction.y - last.y;
          last.copy(e.ray.direction);
          turned += Math.abs(dx) + Math.abs(dy);
          group.current.quaternion.premultiply(turn.setFromAxisAngle(up, dx * 8));
          group.current.quaternion.premultiply(turn.setFromAxisAngle(side, -dy * 8));
        },
        end: (input) => {
          if (turned > TAP) return;
          const g = group.current;
          if (!g) return;
          if (!inspecting.current) {
            inspecting.current = true;
            act('inspect', object, input.device);
          } else {
            inspecting.current = false;
            g.position.set(...position);
            if (rotation) g.rotation.set(...rotation);
            else g.rotation.set(0, 0, 0);
          }
        },
        hover: (on) => group.current?.scale.setScalar(on ? 1.06 : 1),
      },
      true,
    );
  }, [act, object, position, rotation]);

  useFrame(() => {
    const g = group.current;
    if (!inspecting.current || !g?.parent) return;
    camera.getWorldPosition(eye);
    camera.getWorldDirection(ahead);
    ahead.multiplyScalar(VIEW_DISTANCE).add(eye);
    g.position.copy(g.parent.worldToLocal(ahead));
  });

  return (
    <group ref={group} name={`inspectable:${object}`} position={position} rotation={rotation} {...handlers}>
      {children}
      {hitBox ? <HitBox size={hitBox} /> : null}
    </group>
  );
}

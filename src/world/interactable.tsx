import { useEffect, useRef, type ReactNode } from 'react';
import type { Group } from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import { pointerDevice } from '../input/pointer-device';
import { useSessionStore } from '../state/session-context';
import { objectRegistry } from './object-registry';

export interface InteractableProps {
  /** The scenario object id, e.g. `start-button`. */
  object: string;
  /** The named action a press-and-release on this object performs, e.g. `press` or `wear`. */
  action: string;
  position?: [number, number, number];
  rotation?: [number, number, number];
  /**
   * An invisible box (width, height, depth in m) that catches rays around the object: thin things
   * like glasses are hard to hit with a shaky hand or a ray from a metre away.
   */
  hitBox?: [number, number, number];
  children: ReactNode;
}

const HOVER_SCALE = 1.06;

/**
 * A thing the trainee can act on with mouse, touch, controller ray or hand. It acts on pointer down
 * then up over the same object — not on click, which a long trigger press in VR would miss.
 */
export function Interactable({ object, action, position, rotation, hitBox, children }: InteractableProps) {
  const group = useRef<Group>(null);
  const pressedBy = useRef<number | null>(null);
  const session = useSessionStore();

  useEffect(() => {
    if (!group.current) return;
    return objectRegistry.register(object, group.current);
  }, [object]);

  // Hover feedback through the ref: no React render while a ray sweeps over the bench.
  const setHover = (on: boolean) => group.current?.scale.setScalar(on ? HOVER_SCALE : 1);

  const onDown = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    pressedBy.current = e.pointerId;
  };
  const onUp = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    if (pressedBy.current !== e.pointerId) return;
    pressedBy.current = null;
    session.getState().act(action, object, pointerDevice(e as unknown as { pointerType?: string; pointerState?: unknown }));
  };

  return (
    <group
      ref={group}
      name={`interactable:${object}`}
      position={position}
      rotation={rotation}
      onPointerDown={onDown}
      onPointerUp={onUp}
      onPointerOver={(e) => {
        e.stopPropagation();
        setHover(true);
      }}
      onPointerOut={() => {
        pressedBy.current = null;
        setHover(false);
      }}
    >
      {children}
      {hitBox ? (
        // material.visible=false: not drawn (no draw call) but still hit by rays.
        <mesh name={`hit:${object}`}>
          <boxGeometry args={hitBox} />
          <meshBasicMaterial visible={false} />
        </mesh>
      ) : null}
    </group>
  );
}

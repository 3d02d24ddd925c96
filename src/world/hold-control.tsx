import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Group, Mesh } from 'three';
import { useFrame } from '@react-three/fiber';
import { appClock } from '../state/app-clock';
import { HitBox } from './hit-box';
import { objectRegistry } from './object-registry';
import { pointerGesture } from './pointer-gesture';
import { useAct } from './use-act';
import { sharedMaterial } from './shared-materials';

export interface HoldControlProps {
  /** The scenario object of a `hold` step: a tap, a pedal, a carriage handle. */
  object: string;
  position?: [number, number, number];
  rotation?: [number, number, number];
  hitBox?: [number, number, number];
  /** How far the part moves while held (a pedal goes down, a handle slides). */
  travel?: number;
  /** Shows a bar that fills in this many ms while held: how long is long enough, without reading. */
  progressMs?: number;
  /** The id tests find it by, when another part of the same object holds the object's own (a board's scale). */
  probeId?: string;
  children: ReactNode;
}

const BAR_WIDTH = 0.2;

/**
 * A step that lasts: washing hands, keeping the pedal down, pushing the carriage. Pointer down sends
 * `hold-start`, letting go (or slipping off while captured) sends `hold-end`; the engine judges the
 * duration from the event times.
 */
export function HoldControl({ object, position, rotation, hitBox, travel = 0, progressMs, probeId, children }: HoldControlProps) {
  const group = useRef<Group>(null);
  const part = useRef<Group>(null);
  const bar = useRef<Mesh>(null);
  const heldSince = useRef<number | null>(null);
  const act = useAct();

  useEffect(() => {
    if (!group.current) return;
    return objectRegistry.register(probeId ?? object, group.current);
  }, [object, probeId]);

  const handlers = useMemo(
    () =>
      pointerGesture(
        'use',
        {
          start: (input) => {
            part.current?.position.set(0, -travel, 0);
            heldSince.current = appClock.now();
            act('hold-start', object, input.device);
          },
          end: (input) => {
            part.current?.position.set(0, 0, 0);
            heldSince.current = null;
            act('hold-end', object, input.device);
          },
          hover: (on) => group.current?.scale.setScalar(on ? 1.04 : 1),
        },
        true,
      ),
    [act, object, travel],
  );

  // The bar is display only (the engine scores with event times); it reads a ref, never React state.
  useFrame(() => {
    if (!bar.current || !progressMs) return;
    const since = heldSince.current;
    const f = since === null ? 0 : Math.min(1, (appClock.now() - since) / progressMs);
    bar.current.visible = f > 0;
    bar.current.scale.x = Math.max(f, 0.001);
    bar.current.position.x = (-BAR_WIDTH / 2) * (1 - f);
  });

  return (
    <group ref={group} name={`hold-control:${object}`} position={position} rotation={rotation} {...handlers}>
      <group ref={part}>{children}</group>
      {hitBox ? <HitBox size={hitBox} /> : null}
      {progressMs ? (
        <mesh ref={bar} position={[0, 0.12, 0]} visible={false} material={sharedMaterial('progress')}>
          <boxGeometry args={[BAR_WIDTH, 0.02, 0.01]} />
        </mesh>
      ) : null}
    </group>
  );
}

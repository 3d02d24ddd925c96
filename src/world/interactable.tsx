import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { Group } from 'three';
import type { Device } from '../engine';
import { HitBox } from './hit-box';
import { objectRegistry } from './object-registry';
import { pointerGesture } from './pointer-gesture';
import { useAct } from './use-act';
import { vocabulary } from '../vocabulary/vocabulary';

export interface InteractableProps {
  /** The scenario object id, e.g. `start-button`. */
  object: string;
  /** The action a press on this object performs: `press`, `wear`, `inspect`, `open`, `classify`… */
  action: string;
  /** Sent with the action, e.g. the class id of a classification card. */
  value?: number | string;
  position?: [number, number, number];
  rotation?: [number, number, number];
  /**
   * An invisible box (width, height, depth in m) that catches rays around the object: thin things
   * like glasses are hard to hit with a shaky hand or a ray from a metre away.
   */
  hitBox?: [number, number, number];
  /** How far (m) the part travels into the machine while pressed — a button or pedal you feel move. */
  travel?: number;
  /** The id tests and the probe know this part by, when several parts act on one object (cards). */
  probeId?: string;
  /** Called after the action was sent (a station's own reaction: a light, a sound). */
  onDone?: (device: Device) => void;
  children: ReactNode;
}

const HOVER_SCALE = 1.06;

/**
 * A thing the trainee presses with mouse, finger, controller ray, squeeze, pinch or poke: the `use`
 * input action. It acts on pointer down then up over the same object — not on click, which a long
 * trigger press in VR would miss. Buttons, emergency stops, pedals, garments to put on, cards.
 */
export function Interactable({ object, probeId, action, value, position, rotation, hitBox, travel = 0, onDone, children }: InteractableProps) {
  const group = useRef<Group>(null);
  const part = useRef<Group>(null);
  const act = useAct();
  const latest = useRef({ action, value, onDone });
  latest.current = { action, value, onDone };

  useEffect(() => {
    if (!group.current) return;
    return objectRegistry.register(probeId ?? object, group.current);
  }, [object, probeId]);

  // Hover and travel through refs: no React render while a ray sweeps over the bench.
  const handlers = useMemo(
    () =>
      pointerGesture('use', {
        start: () => {
          part.current?.position.set(0, -travel, 0);
        },
        end: (input, _e, over) => {
          part.current?.position.set(0, 0, 0);
          if (!over) return;
          const { action: a, value: v, onDone: done } = latest.current;
          act(a, object, input.device, v);
          done?.(input.device);
        },
        hover: (on) => {
          group.current?.scale.setScalar(on ? HOVER_SCALE : 1);
          vocabulary.getState().point(object, on);
        },
      }),
    [act, object, travel],
  );

  return (
    <group ref={group} name={`interactable:${object}`} position={position} rotation={rotation} {...handlers}>
      <group ref={part}>{children}</group>
      {hitBox ? <HitBox name={`hit:${object}`} size={hitBox} /> : null}
    </group>
  );
}

import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Vector3, type Group } from 'three';
import { useThree } from '@react-three/fiber';
import { dropZones } from './drop-zones';
import { HitBox } from './hit-box';
import { objectRegistry } from './object-registry';
import { pointerGesture, type GestureEvent } from './pointer-gesture';
import { reach } from './reach';
import { useAct } from './use-act';
import { vocabulary } from '../vocabulary/vocabulary';

export interface GrabbableProps {
  /** The scenario object: a tool, a workpiece, a garment. */
  object: string;
  /** Where it lies at the start, and where it goes back to when dropped anywhere but a zone. */
  position: [number, number, number];
  rotation?: [number, number, number];
  hitBox?: [number, number, number];
  /** Sent once carrying begins (`grab`; nothing for PPE, whose step is `wear`); null sends nothing. */
  grabAction?: string | null;
  /** Sent for a press on the spot without carrying (a click, a trigger pull). Defaults to `grabAction`. */
  tapAction?: string | null;
  /**
   * PPE: brought to the head (glasses, hearing protection, hair net) or to the body (gloves, apron)
   * in VR, it is worn (`wear`) and disappears from the bench. A press on the spot wears it too.
   */
  wear?: 'head' | 'body';
  children: ReactNode;
}

/** Moving less than this is a press, not a carry: a hand that shakes while pulling the trigger. */
const CARRY_THRESHOLD = 0.03;
/** How close to the head (or the chest, 0.45 m below it) PPE must come to be put on. */
const WEAR_RADIUS = 0.3;

const tmp = new Vector3();
const target = new Vector3();

/**
 * A thing the trainee picks up and puts down: ray, squeeze, pinch, mouse drag or finger drag (the
 * `carry` input action). It follows the pointer at the distance it was picked up at, snaps into a
 * drop zone that takes it (`place`, value = zone id) and otherwise goes back where it lay (`release`).
 * While carried it counts as a reach point, so a workpiece pushed into a blade zone is noticed.
 */
export function Grabbable({ object, position, rotation, hitBox, grabAction: grabActionProp, tapAction, wear, children }: GrabbableProps) {
  const grabAction = grabActionProp === undefined ? (wear ? null : 'grab') : grabActionProp;
  const group = useRef<Group>(null);
  const act = useAct();
  const camera = useThree((s) => s.camera);
  const tap = tapAction === undefined ? (wear ? 'wear' : grabAction) : tapAction;
  const home = useRef(position);
  home.current = position;

  useEffect(() => {
    if (!group.current) return;
    return objectRegistry.register(object, group.current);
  }, [object]);

  const handlers = useMemo(() => {
    const carry = { distance: 0, offset: new Vector3(), start: new Vector3(), moved: false, unreach: null as null | (() => void) };
    const pointAlongRay = (e: GestureEvent, out: Vector3) => out.copy(e.ray.direction).multiplyScalar(carry.distance).add(e.ray.origin).add(carry.offset);
    const moveTo = (world: Vector3) => {
      const g = group.current;
      if (!g?.parent) return;
      g.position.copy(g.parent.worldToLocal(tmp.copy(world)));
    };
    const goHome = () => group.current?.position.set(...home.current);
    const wearNow = (device: Parameters<typeof act>[2]) => {
      act('wear', object, device);
      if (group.current) group.current.visible = false;
    };
    const nearBody = (world: Vector3) => {
      camera.getWorldPosition(target);
      if (wear === 'body') target.y -= 0.45;
      return world.distanceTo(target) <= WEAR_RADIUS;
    };
    return pointerGesture(
      'carry',
      {
        start: (input, e) => {
          const g = group.current;
          if (!g || !g.visible) return false;
          g.getWorldPosition(carry.start);
          carry.distance = e.ray.origin.distanceTo(carry.start);
          // Keep the grip where the pointer met the object: it does not jump onto the ray.
          carry.offset.set(0, 0, 0);
          pointAlongRay(e, tmp);
          carry.offset.subVectors(carry.start, tmp);
          carry.moved = false;
          carry.unreach = reach.add({ object: g, device: input.device });
        },
        move: (input, e) => {
          pointAlongRay(e, target);
          if (!carry.moved && target.distanceTo(carry.start) < CARRY_THRESHOLD) return;
          if (!carry.moved && grabAction) act(grabAction, object, input.device);
          carry.moved = true;
          moveTo(target);
        },
        end: (input) => {
          carry.unreach?.();
          carry.unreach = null;
          const g = group.current;
          if (!g) return;
          if (!carry.moved) {
            if (wear && tap === 'wear') wearNow(input.device);
            else if (tap) act(tap, object, input.device);
            return;
          }
          g.getWorldPosition(target);
          if (wear && nearBody(target)) return wearNow(input.device);
          const zone = dropZones.find(object, target);
          if (zone) {
            moveTo(zone.object.getWorldPosition(target));
            act('place', object, input.device, zone.id);
            return;
          }
          goHome();
          if (grabAction) act('release', object, input.device);
        },
        hover: (on) => {
          group.current?.scale.setScalar(on ? 1.06 : 1);
          vocabulary.getState().point(object, on);
        },
      },
      true,
    );
  }, [act, camera, grabAction, object, tap, wear]);

  return (
    <group ref={group} name={`grabbable:${object}`} position={position} rotation={rotation} {...handlers}>
      {children}
      {hitBox ? <HitBox size={hitBox} /> : null}
    </group>
  );
}

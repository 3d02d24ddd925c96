import { useEffect, useRef } from 'react';
import type { Group } from 'three';
import { useStore } from 'zustand';
import { TeleportTarget, XROrigin, useXRControllerLocomotion } from '@react-three/xr';
import { comfortSettings, seatedLift } from '../input/comfort-settings';
import { HitBox } from '../world/hit-box';

/**
 * Where the trainee stands in VR and how they move: teleport (point at the floor, pull the trigger)
 * and snap turns (right thumbstick) by default, smooth movement only when chosen, a lifted view when
 * seated. Nothing moves the trainee but the trainee — recenter only when they ask.
 */
export function XRLocomotion({ workPosition }: { workPosition: readonly [number, number, number] }) {
  const origin = useRef<Group>(null);
  const seated = useStore(comfortSettings, (s) => s.seated);
  const smoothMove = useStore(comfortSettings, (s) => s.smoothMove);
  const recenters = useStore(comfortSettings, (s) => s.recenters);

  useXRControllerLocomotion(origin, smoothMove ? { speed: 1.2 } : false, { type: 'snap', degrees: 45 }, 'left');

  const lift = seated ? seatedLift : 0;
  // Recenter (and a change of seated/standing, which the trainee also asked for): back at the work
  // position, facing the bench. The camera is never moved otherwise.
  useEffect(() => {
    origin.current?.position.set(workPosition[0], workPosition[1] + lift, workPosition[2]);
    origin.current?.rotation.set(0, 0, 0);
  }, [recenters, workPosition, lift]);

  return (
    <>
      <XROrigin ref={origin} position={[workPosition[0], workPosition[1] + lift, workPosition[2]]} />
      <TeleportTarget onTeleport={(point) => origin.current?.position.set(point.x, lift, point.z)}>
        {/* The walkable floor around the station, invisible: the room's own floor stays decoration. */}
        <HitBox size={[8, 0.01, 8]} position={[0, -0.005, 0]} />
      </TeleportTarget>
    </>
  );
}

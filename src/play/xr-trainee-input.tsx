import { useEffect, useRef } from 'react';
import type { Group } from 'three';
import { DefaultXRController, DefaultXRHand, XRSpace } from '@react-three/xr';
import type { Device } from '../engine';
import { reach } from '../world/reach';

/** An empty point that hazard zones watch: where a controller's grip or a fingertip is. */
function ReachPoint({ device }: { device: Device }) {
  const point = useRef<Group>(null);
  useEffect(() => (point.current ? reach.add({ object: point.current, device }) : undefined), [device]);
  return <group ref={point} />;
}

/** A controller as @react-three/xr draws it (ray, grab, teleport), plus its grip as a reach point. */
export function TraineeController() {
  return (
    <>
      <DefaultXRController teleportPointer />
      <XRSpace space="grip-space">
        <ReachPoint device="vr-controller" />
      </XRSpace>
    </>
  );
}

/** A tracked hand (poke, pinch, ray, teleport), with its index fingertip as a reach point. */
export function TraineeHand() {
  return (
    <>
      <DefaultXRHand teleportPointer />
      <XRSpace space="index-finger-tip">
        <ReachPoint device="vr-hand" />
      </XRSpace>
    </>
  );
}

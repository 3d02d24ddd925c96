import { useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group } from 'three';
import { appClock, box, cylinder, LookMesh, useSessionStore } from '../../../src/world';

const HALF_PI = Math.PI / 2;
/** The disc (Ø 300 mm, 3.2 mm kerf), its teeth ring and a dark mark near the rim so the turning can be seen. */
const disc = [cylinder(0.15, 0.0032, [0, 0, 0], '#cbd2d9', [0, 0, HALF_PI], 32), cylinder(0.04, 0.012, [0, 0, 0], '#3e4c59', [0, 0, HALF_PI], 16), box([0.006, 0.06, 0.012], [0, 0.12, 0], '#3e4c59')];
const lampOff = [cylinder(0.015, 0.01, [0, 0, 0], '#1f3d2b', [HALF_PI, 0, 0], 12)];
const lampOn = [cylinder(0.015, 0.01, [0, 0, 0], '#5cff7a', [HALF_PI, 0, 0], 12)];

/** Full speed in radians per second: fast enough to blur, as a real blade does. */
const FULL_SPEED = 60;
/** The scenario's braked run-down (machines.saw: running-down → stopped after 10 s). */
const RUN_DOWN_MS = 10_000;

/**
 * The saw blade: it spins while the saw runs and slows to a stop over the run-down, and the lamp on
 * the front shows green while it turns. Reads the machine state each frame without re-rendering;
 * both are drawn by the station's live batch.
 */
export function SawBlade({ position, lampPosition }: { position: [number, number, number]; lampPosition: [number, number, number] }) {
  const blade = useRef<Group>(null);
  const [turning, setTurning] = useState(false);
  const session = useSessionStore();
  useFrame((_, delta) => {
    const s = session.getState();
    const saw = s.engine?.machines.saw;
    let speed = 0;
    if (saw?.state === 'running') speed = FULL_SPEED;
    else if (saw?.state === 'running-down') {
      const left = 1 - (appClock.now() - s.startedAt - saw.since) / RUN_DOWN_MS;
      speed = FULL_SPEED * Math.max(0, left);
    }
    if (blade.current) blade.current.rotation.x -= speed * Math.min(delta, 0.1);
    if (speed > 0 !== turning) setTurning(speed > 0);
  });
  return (
    <>
      <group ref={blade} position={position}>
        <LookMesh look={disc} />
      </group>
      <group position={lampPosition}>
        <LookMesh look={turning ? lampOn : lampOff} />
      </group>
    </>
  );
}

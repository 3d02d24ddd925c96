import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group, MeshLambertMaterial } from 'three';
import { useSessionStore, StaticParts, type StaticPart } from '../../../src/world';

/** The disc, and a dark mark near its rim so the turning can be seen: one mesh. */
const disc: StaticPart[] = [
  { cylinder: [0.15, 0.15, 0.004, 32], position: [0, 0, 0], rotation: [0, 0, Math.PI / 2], color: '#cbd2d9' },
  { box: [0.006, 0.06, 0.012], position: [0, 0.12, 0], color: '#3e4c59' },
];

/** Full speed in radians per second: fast enough to blur, as a real blade does. */
const FULL_SPEED = 60;
/** The scenario's braked run-down (machines.saw: running-down → stopped after 10 s). */
const RUN_DOWN_MS = 10_000;

/**
 * The saw blade: it spins while the saw runs and slows to a stop over the run-down, and the lamp on
 * the front shows green while it turns. Reads the machine state each frame without re-rendering.
 */
export function SawBlade({ position, lampPosition }: { position: [number, number, number]; lampPosition: [number, number, number] }) {
  const blade = useRef<Group>(null);
  const lamp = useRef<MeshLambertMaterial>(null);
  const session = useSessionStore();
  useFrame((_, delta) => {
    const s = session.getState();
    const saw = s.engine?.machines.saw;
    let speed = 0;
    if (saw?.state === 'running') speed = FULL_SPEED;
    else if (saw?.state === 'running-down') {
      const left = 1 - (Date.now() - s.startedAt - saw.since) / RUN_DOWN_MS;
      speed = FULL_SPEED * Math.max(0, left);
    }
    if (blade.current) blade.current.rotation.x -= speed * Math.min(delta, 0.1);
    lamp.current?.emissive.setRGB(speed > 0 ? 0.1 : 0, speed > 0 ? 0.8 : 0, 0);
  });
  return (
    <>
      <group ref={blade} position={position}>
        <StaticParts parts={disc} name="saw-blade" />
      </group>
      <mesh position={lampPosition} rotation={[Math.PI / 2, 0, 0]}>
        <cylinderGeometry args={[0.015, 0.015, 0.01, 12]} />
        <meshLambertMaterial ref={lamp} color="#1f3d2b" />
      </mesh>
    </>
  );
}

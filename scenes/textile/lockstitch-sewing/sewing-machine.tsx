import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group } from 'three';
import { HoldControl, Inspectable, Interactable, LookMesh, box, cylinder, useSessionStore } from '../../../src/world';
import { bedTop, eyeGuard, fingerGuard, needle, needleClamp, pedal, powerSwitch, presserFoot, takeUpLever, tensionDisc, threadGuide } from './layout';
import { colors, lampOff, lampOn, lampRunning, sewingLamp, shield } from './materials';
import { AfterBreak } from './after-break';
import { SeamCheck } from './seam-check';
import { ThreadPath } from './thread-path';
import { useMachineState, useStepDone } from './use-station-state';

/** Needle bar strokes per second at a slow trainee speed (real machines: up to 80). */
const STROKES = 6;

// The moving parts' looks (in their own space), drawn by the station's one live batch: a part that
// moves or is pressed costs no draw call of its own.
const { steel: steelColor, darkSteel: darkColor, fabric: fabricColor } = colors;
const cloth = [box([0.3, 0.003, 0.12], [0, 0, 0], fabricColor)];
const handWheel = [cylinder(0.05, 0.025, [0, 0, 0], darkColor, undefined, 14)];
const needleBar = [cylinder(0.005, 0.07, [0, 0.95, 0], steelColor, undefined, 6)];
const needleLook = [cylinder(0.0015, 0.07, [0, 0, 0], steelColor, undefined, 5, 0.001)];
const fingerGuardLook = [box([0.018, 0.003, 0.003], [0, 0, 0], steelColor)];
const needleClampLook = [box([0.014, 0.012, 0.014], [0, 0, 0], darkColor)];
const presserFootLook = [box([0.02, 0.006, 0.04], [0, 0, 0], darkColor)];
const threadGuideLook = [cylinder(0.01, 0.006, [0, 0, 0], steelColor, [Math.PI / 2, 0, 0], 10)];
const tensionDiscLook = [cylinder(0.018, 0.012, [0, 0, 0], steelColor, undefined, 12)];
const leverLook = [box([0.035, 0.008, 0.008], [0.012, 0, 0], darkColor)];
const powerSwitchLook = [box([0.05, 0.05, 0.02], [0, 0, 0], darkColor)];
const pedalLook = [box([0.16, 0.03, 0.26], [0, 0, 0], '#52606d', [-0.25, 0, 0]), box([0.13, 0.006, 0.2], [0, 0.018, 0], '#1f2933', [-0.25, 0, 0])];

/** The lockstitch machine's moving parts: threading points, guards, needle clamp, power switch and lamp, pedal, needle bar. */
export function SewingMachine() {
  const session = useSessionStore();
  const newNeedle = useStepDone('replace-bent-needle');
  // From the break until the new needle is in, only a stub sticks out of the clamp.
  const broken = (useMachineState('sewing-machine') ?? '').startsWith('broken');
  const bar = useRef<Group>(null);
  const wheel = useRef<Group>(null);
  const lever = useRef<Group>(null);
  const fabricUnder = useRef<Group>(null);
  const fed = useRef(0);

  // Per frame: read the machine from the store, move refs; no React render, no allocation.
  useFrame((_, delta) => {
    const state = session.getState().engine?.machines['sewing-machine']?.state;
    const sewing = state === 'sewing' || state === 'broken-running';
    sewingLamp.color.copy(state === 'on' || state === 'broken-on' ? lampOn : sewing ? lampRunning : lampOff);
    if (!sewing) return;
    const t = performance.now() / 1000;
    const phase = Math.sin(t * STROKES * Math.PI * 2);
    if (bar.current) bar.current.position.y = phase * 0.012;
    if (lever.current) lever.current.rotation.z = phase * 0.35;
    if (wheel.current) wheel.current.rotation.x -= delta * STROKES * Math.PI * 2;
    // The feed dog moves the fabric away from the trainee, one stitch at a time.
    fed.current = Math.min(0.25, fed.current + delta * 0.025);
    if (fabricUnder.current) fabricUnder.current.position.x = 0.55 - fed.current;
  });

  return (
    <group name="sewing-machine">
      {/* fabric (two plies, edge at the guide) under the presser foot */}
      <group ref={fabricUnder} position={[0.55, bedTop + 0.002, -0.64]}>
        <LookMesh look={cloth} />
      </group>
      <group ref={wheel} position={[0.955, 1.12, -0.67]} rotation={[0, 0, Math.PI / 2]}>
        <LookMesh look={handWheel} />
      </group>
      {/* needle bar with the needle; the needle eye is where the thread goes in */}
      <group position={[needle[0], 0, needle[2]]}>
        <group ref={bar}>
          <LookMesh look={needleBar} />
          <Interactable object="needle-eye" action="press" position={[0, needle[1] + 0.01, 0]} hitBox={[0.03, 0.03, 0.03]}>
            {/* a bent needle until it is replaced (check-needle) */}
            <group position={[0, broken ? 0.035 : 0.01, 0]} rotation={[newNeedle ? 0 : 0.18, 0, 0]} scale={[1, broken ? 0.3 : 1, 1]}>
              <LookMesh look={needleLook} />
            </group>
          </Interactable>
        </group>
      </group>
      {/* the guards checked before sewing: the finger guard in front of the needle, the clear eye shield above */}
      <Inspectable object="finger-guard" position={fingerGuard} hitBox={[0.02, 0.02, 0.012]}>
        <LookMesh look={fingerGuardLook} />
      </Inspectable>
      <Inspectable object="eye-guard" position={eyeGuard} hitBox={[0.05, 0.04, 0.015]}>
        <mesh material={shield}>
          <boxGeometry args={[0.045, 0.035, 0.002]} />
        </mesh>
      </Inspectable>
      {/* the needle clamp: the broken needle out, the new one in (with the machine switched off) */}
      <Interactable object="needle-clamp" action="press" position={needleClamp} hitBox={[0.03, 0.02, 0.03]}>
        <LookMesh look={needleClampLook} />
      </Interactable>
      <Inspectable object="presser-foot" position={presserFoot} hitBox={[0.05, 0.02, 0.08]}>
        <LookMesh look={presserFootLook} />
      </Inspectable>
      <Interactable object="thread-guide" action="press" position={threadGuide} hitBox={[0.05, 0.05, 0.05]}>
        <LookMesh look={threadGuideLook} />
      </Interactable>
      <Interactable object="tension-disc" action="press" position={tensionDisc} rotation={[Math.PI / 2, 0, 0]} hitBox={[0.05, 0.04, 0.05]}>
        <LookMesh look={tensionDiscLook} />
      </Interactable>
      <Interactable object="take-up-lever" action="press" position={takeUpLever} hitBox={[0.05, 0.05, 0.04]}>
        <group ref={lever}>
          <LookMesh look={leverLook} />
        </group>
      </Interactable>
      <ThreadPath />
      <Interactable object="power-switch" action="press" position={powerSwitch} hitBox={[0.07, 0.07, 0.04]} travel={0.005}>
        <LookMesh look={powerSwitchLook} />
      </Interactable>
      <mesh position={[powerSwitch[0] + 0.055, powerSwitch[1], powerSwitch[2]]} material={sewingLamp}>
        <cylinderGeometry args={[0.009, 0.009, 0.01, 10]} />
      </mesh>
      <HoldControl object="pedal" position={pedal} hitBox={[0.2, 0.08, 0.28]} travel={0.02} progressMs={8000}>
        <LookMesh look={pedalLook} />
      </HoldControl>
      <SeamCheck />
      <AfterBreak />
    </group>
  );
}

import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import type { Group } from 'three';
import { Grabbable, HoldControl, Inspectable, Interactable, LookMesh, box, cylinder, useSessionStore } from '../../../src/world';
import { FabricPanels } from './fabric-panels';
import { bundle, cutter, spreadFlag } from './layout';
import { colors, cutterLamp, flagRed, lampOff, lampOn, lampRunning } from './materials';
import { useMachineState, useStepDone } from './use-station-state';

// The moving parts' looks, drawn by the station's one live batch (no draw call each).
const knife = [box([0.006, 0.16, 0.03], [0, 0, 0], colors.steel)];
const guardLook = [box([0.05, 0.1, 0.012], [0, 0.04, 0], colors.darkSteel)];
const handle = [cylinder(0.014, 0.14, [0, 0, 0], colors.darkSteel, [0, 0, Math.PI / 2], 8)];
// Twelve cut front parts, stacked, with the bundle ticket on top.
const bundleLook = [box([0.2, 0.03, 0.14], [0, -0.015, 0], '#3f6ea5'), box([0.06, 0.002, 0.04], [0.05, 0.001, 0.03], '#ffffff'), box([0.21, 0.032, 0.01], [0, -0.015, -0.03], '#f5f3ea')];

/** The cutting table's moving parts: the knife with its guard and handle, the spread's fault flag, the cut pieces and bundle. */
export function CuttingTable() {
  const session = useSessionStore();
  const guard = useMachineState('guard');
  const cut = useStepDone('cut-pieces');
  const blade = useRef<Group>(null);
  const guardPart = useRef<Group>(null);
  const [x, y, z] = cutter;

  useFrame((_, delta) => {
    const engine = session.getState().engine;
    const knife = engine?.machines.cutter?.state;
    const running = knife === 'running' || knife === 'cutting';
    cutterLamp.color.copy(knife === 'cutting' ? lampRunning : running ? lampOn : lampOff);
    // The vertical knife strokes up and down while the motor runs.
    if (blade.current) blade.current.position.y = running ? Math.sin(performance.now() / 12) * 0.01 : 0;
    // The guard slides down onto the spread or up (the machine state, smoothed).
    const g = guardPart.current;
    if (g) {
      const target = engine?.machines.guard?.state === 'lowered' ? 0 : 0.12;
      g.position.y += (target - g.position.y) * Math.min(1, delta * 8);
    }
  });

  return (
    <group name="cutting-table">
      {/* the knife behind the guard, in the upright: checked (inspect) before starting, the motor off */}
      <Inspectable object="cutter-knife" position={[x, y + 0.08, z - 0.005]} hitBox={[0.03, 0.14, 0.03]}>
        <group ref={blade}>
          <LookMesh look={knife} />
        </group>
      </Inspectable>
      {/* the fabric inspector's red flag on the spread, where a fault runs through the top plies */}
      <Inspectable object="spread" position={spreadFlag} hitBox={[0.06, 0.03, 0.06]}>
        <mesh material={flagRed}>
          <boxGeometry args={[0.04, 0.003, 0.025]} />
        </mesh>
      </Inspectable>
      {/* press: lower the guard when it is up, raise it when it is down */}
      <Interactable object="knife-guard" action={guard === 'lowered' ? 'open' : 'close'} position={[x, y + 0.02, z + 0.02]} hitBox={[0.08, 0.1, 0.04]}>
        <group ref={guardPart} position={[0, 0.12, 0]}>
          <LookMesh look={guardLook} />
        </group>
      </Interactable>
      <mesh position={[x, y + 0.245, z + 0.03]} material={cutterLamp}>
        <cylinderGeometry args={[0.01, 0.01, 0.012, 10]} />
      </mesh>
      {/* hold: guide the running knife along the line (the bar above it fills in 8 s) */}
      <HoldControl object="cutter-handle" position={[x, y + 0.265, z - 0.02]} hitBox={[0.16, 0.05, 0.06]} progressMs={8000}>
        <LookMesh look={handle} />
      </HoldControl>
      <FabricPanels />
      {cut ? (
        // Only putting it on the trolley is a step: picking it up sends nothing (grab would be a wrong action).
        <Grabbable object="bundle" grabAction={null} position={bundle} hitBox={[0.22, 0.06, 0.16]}>
          <LookMesh look={bundleLook} />
        </Grabbable>
      ) : null}
    </group>
  );
}

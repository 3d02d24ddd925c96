import { Suspense } from 'react';
import { AfterFirstFrames, HazardZone, Interactable, LookMesh, box, cylinder, lazyAfterFirstFrame } from '../../../src/world';
import { laterBody } from './later-body';
import { needleZone, teamLeader } from './layout';
import { SewingMachine } from './sewing-machine';

// Text arrives after the station's first frame (troika is ~40 KB gzip).
const WorkOrderText = lazyAfterFirstFrame(() => import('./work-order-text'));
// The first frame shows the machine, the tables (static body) and the sewing machine's controls; the
// cutter, fabric, glove and trolley follow a moment later, so their code (grab, drop zones) is not
// downloaded before the station is on screen (JS budget to the first frame).
const CuttingTable = lazyAfterFirstFrame(() => import('./cutting-table').then((m) => ({ default: m.CuttingTable })));

/** The team leader as the kit's person draws one (1.75 m, blue coat, facing +z): legs, shoes, coat, arms, neck, head, hair. */
const coat = '#1f5fa8';
const leader = [
  box([0.13, 0.82, 0.16], [-0.09, 0.41, 0], '#34495e'),
  box([0.13, 0.82, 0.16], [0.09, 0.41, 0], '#34495e'),
  box([0.12, 0.06, 0.26], [-0.09, 0.03, 0.04], '#1b1d1f'),
  box([0.12, 0.06, 0.26], [0.09, 0.03, 0.04], '#1b1d1f'),
  box([0.42, 0.66, 0.24], [0, 1.14, 0], coat),
  box([0.1, 0.6, 0.11], [-0.27, 1.16, 0], coat, [0, 0, -0.06]),
  box([0.1, 0.6, 0.11], [0.27, 1.16, 0], coat, [0, 0, 0.06]),
  cylinder(0.05, 0.08, [0, 1.5, 0], '#c68d6b', undefined, 10),
  cylinder(0.095, 0.22, [0, 1.64, 0], '#c68d6b', undefined, 14, 0.085),
  cylinder(0.1, 0.04, [0, 1.76, 0], '#3b2f26', undefined, 14),
];

/**
 * Textile, what is unique to the machines (the tables, bodies, buttons, glove, trolley, scale and
 * drop zones are layout.json's): the lockstitch head's moving parts and thread, the danger area
 * under the needle, the cutter's knife, guard, handle and cards, and the team leader. This whole file
 * comes after the station's first frame (scripts/vite-stations.ts), so the needle zone and the team
 * leader — first needed many steps in — are here rather than in layout.json: their code is not in the
 * VR JavaScript budget to the first frame.
 */
export default function LockstitchSewingStation() {
  return (
    <group name="textile-station-unique">
      <SewingMachine />
      <LookMesh look={laterBody} name="later-body" />
      <HazardZone object="needle-zone" position={needleZone.position} size={needleZone.size} />
      {/* Report the broken needle, hand over at the end of the shift. The part's origin (where a ray is
          aimed, and its hit box's centre) is the body's middle, 0.9 m up, not the floor between the feet;
          the hit box is as deep as the coat (0.24 m): a ray is only seen 0.2 m past the controller
          (@react-three/xr's minDistance), and the look is not hit by rays, so a deeper box's front face
          came too near a hand reaching toward the body and the ray hit nothing. */}
      <group position={[teamLeader[0], teamLeader[1] + 0.9, teamLeader[2]]}>
        <Interactable object="team-leader" action="press" hitBox={[0.6, 1.8, 0.24]}>
          <group position={[0, -0.9, 0]}>
            <LookMesh look={leader} />
          </group>
        </Interactable>
      </group>
      <AfterFirstFrames>
        <Suspense fallback={null}>
          <CuttingTable />
          <WorkOrderText />
        </Suspense>
      </AfterFirstFrames>
    </group>
  );
}

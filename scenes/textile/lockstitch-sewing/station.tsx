import { Suspense } from 'react';
import { AfterFirstFrames, lazyAfterFirstFrame } from '../../../src/world';
import { SewingMachine } from './sewing-machine';

// Text arrives after the station's first frame (troika is ~40 KB gzip).
const WorkOrderText = lazyAfterFirstFrame(() => import('./work-order-text'));
// The first frame shows the machine, the tables (static body) and the sewing machine's controls; the
// cutter, fabric, glove and trolley follow a moment later, so their code (grab, drop zones) is not
// downloaded before the station is on screen (JS budget to the first frame).
const CuttingTable = lazyAfterFirstFrame(() => import('./cutting-table').then((m) => ({ default: m.CuttingTable })));

/**
 * Textile, what is unique to the machines (the tables, bodies, buttons, glove, trolley, scale and
 * needle zone are layout.json's): the lockstitch head's moving parts and thread, and the cutter's
 * knife, guard, handle and cards.
 */
export default function LockstitchSewingStation() {
  return (
    <group name="textile-station-unique">
      <SewingMachine />
      <AfterFirstFrames>
        <Suspense fallback={null}>
          <CuttingTable />
          <WorkOrderText />
        </Suspense>
      </AfterFirstFrames>
    </group>
  );
}

import { Suspense, useEffect, useMemo } from 'react';
import { AfterFirstFrames, lazyAfterFirstFrame, staticPartsMaterial } from '../../../src/world';
import { SewingMachine } from './sewing-machine';
import { buildStaticBody } from './static-body';

// Text arrives after the station's first frame (troika is ~40 KB gzip).
const WorkOrderText = lazyAfterFirstFrame(() => import('./work-order-text'));
// The first frame shows the machine, the tables (static body) and the sewing machine's controls; the
// cutter, fabric, glove and trolley follow a moment later, so their code (grab, drop zones) is not
// downloaded before the station is on screen (JS budget to the first frame).
const CuttingTable = lazyAfterFirstFrame(() => import('./cutting-table').then((m) => ({ default: m.CuttingTable })));

/**
 * Textile: a cutting table with a straight-knife cutter (left, 0.88 m, worked standing) and an
 * industrial lockstitch machine on its table (right, 0.76 m, open below for the pedal), a bundle
 * trolley between them. The trainee stands at the origin facing -z; everything is within reach of
 * one hand, seated or standing. Static parts are one merged mesh; only moving and pressable parts
 * are separate, which keeps the station near 30 draw calls per eye.
 */
export default function LockstitchSewingStation() {
  const body = useMemo(buildStaticBody, []);
  useEffect(() => () => body.dispose(), [body]);
  return (
    <group name="station:textile/lockstitch-sewing">
      <mesh name="station-body" geometry={body} material={staticPartsMaterial()} />
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

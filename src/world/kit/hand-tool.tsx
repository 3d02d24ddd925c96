import { Suspense } from 'react';
import { GrabbableAfterFirstFrame, Inspectable } from '../later-parts';
import type { StaticPart } from '../static-parts';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH, ORIGIN } from './kit-part';
import { box, cylinder } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

const HALF_PI = Math.PI / 2;
type Tool = PartOf<'hand-tool'>['tool'];

/** Measuring tools at their real sizes, lying flat on the bench. */
const looks: Record<Tool, StaticPart[]> = {
  'tape-measure': [cylinder(0.035, 0.03, [0, 0.015, 0], palette.safetyYellow, [HALF_PI, 0, 0], 20), box([0.07, 0.03, 0.02], [0, 0.015, 0.02], palette.black), box([0.06, 0.002, 0.019], [0.06, 0.002, 0.03], '#e8d44d')],
  calliper: [box([0.25, 0.004, 0.016], [0, 0.002, 0], palette.stainless), box([0.008, 0.004, 0.05], [-0.12, 0.002, -0.03], palette.stainless), box([0.04, 0.008, 0.05], [-0.07, 0.004, -0.02], palette.stainless), box([0.025, 0.006, 0.02], [-0.07, 0.007, -0.02], palette.black)],
  'try-square': [box([0.2, 0.003, 0.025], [0.03, 0.0015, 0], palette.stainless), box([0.025, 0.012, 0.15], [-0.07, 0.006, 0.06], palette.wood)],
  thermometer: [box([0.04, 0.02, 0.12], [0, 0.01, 0], palette.white), box([0.03, 0.002, 0.03], [0, 0.021, -0.02], '#0b1a10'), cylinder(0.002, 0.13, [0, 0.01, 0.125], palette.stainless, [HALF_PI, 0, 0], 8)],
};
const hit: Record<Tool, [number, number, number]> = { 'tape-measure': [0.1, 0.05, 0.08], calliper: [0.26, 0.04, 0.08], 'try-square': [0.2, 0.04, 0.16], thermometer: [0.06, 0.05, 0.26] };

/** Tape measure, calliper, try square or probe thermometer: picked up (`grab`) or looked at (`inspect`). */
export const handTool: KitPart<PartOf<'hand-tool'>> = {
  Live: ({ part }) =>
    part.action === 'inspect' ? (
      <Inspectable position={ORIGIN} object={part.object} hitBox={hit[part.tool]}>
        <LookMesh look={looks[part.tool]} />
      </Inspectable>
    ) : (
      // Seen in the first frame; picked up once the grab has come (a few frames later).
      <Suspense fallback={<LookMesh look={looks[part.tool]} />}>
        <GrabbableAfterFirstFrame position={ORIGIN} object={part.object} hitBox={hit[part.tool]}>
          <LookMesh look={looks[part.tool]} />
        </GrabbableAfterFirstFrame>
      </Suspense>
    ),
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const handToolOperations = (part: PartOf<'hand-tool'>): PartOperation[] => [{ object: part.object, kind: part.action, aim: [0, 0.01, 0], range: HAND_REACH }];

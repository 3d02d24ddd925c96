import { GrabbableAfterFirstFrame, HoldControl, Inspectable } from '../later-parts';
import { Suspense, useMemo } from 'react';
import { Interactable } from '../interactable';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH, ORIGIN } from './kit-part';
import { box, cylinder } from './look';
import { LookMesh } from './look-mesh';
import type { StaticPart } from '../static-parts';

/**
 * A thing of the station's own trade described in the layout — a board, a ham, a cloth — as a box
 * or a lying cylinder, operated the way the scenario needs: grab (or carry, sending nothing), inspect,
 * hold, press or wear. A `look` (boxes and cylinders) draws it in detail: a cap with its moulding defect.
 */
export const workpiece: KitPart<PartOf<'workpiece'>> = {
  Live: function Workpiece({ part }) {
    const { shape, color, object, operation } = part;
    const look = useMemo(
      () => (part.look as StaticPart[] | undefined) ?? ('box' in shape ? [box(shape.box, [0, 0, 0], color)] : [cylinder(shape.cylinder[0], shape.cylinder[1], [0, 0, 0], color, [0, 0, Math.PI / 2], 16)]),
      [part.look, shape, color],
    );
    const size: [number, number, number] = 'box' in shape ? [shape.box[0] + 0.03, shape.box[1] + 0.03, shape.box[2] + 0.03] : [shape.cylinder[1] + 0.03, shape.cylinder[0] * 2 + 0.03, shape.cylinder[0] * 2 + 0.03];
    const mesh = <LookMesh look={look} />;
    if (operation === 'inspect') return <Inspectable position={ORIGIN} object={object} hitBox={size}>{mesh}</Inspectable>;
    if (operation === 'hold') return <HoldControl object={object} hitBox={size} travel={0.01} {...(part.progressMs ? { progressMs: part.progressMs } : {})}>{mesh}</HoldControl>;
    if (operation === 'press') return <Interactable object={object} action={part.action ?? 'press'} hitBox={size} travel={0.01}>{mesh}</Interactable>;
    // Seen in the first frame; picked up once the grab has come (a few frames later).
    return (
      <Suspense fallback={mesh}>
        <GrabbableAfterFirstFrame position={ORIGIN} object={object} hitBox={size} {...(operation === 'carry' ? { grabAction: null } : {})} {...(operation === 'wear-head' ? { wear: 'head' as const } : operation === 'wear-body' ? { wear: 'body' as const } : {})}>
          {mesh}
        </GrabbableAfterFirstFrame>
      </Suspense>
    );
  },
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const workpieceOperations = (part: PartOf<'workpiece'>): PartOperation[] => [{ object: part.object, kind: part.operation === 'wear-head' || part.operation === 'wear-body' ? 'wear' : part.operation === 'carry' ? 'grab' : part.operation, aim: [0, 0, 0], range: HAND_REACH }];

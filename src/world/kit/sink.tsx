import { HoldControl } from '../later-parts';
import { Interactable } from '../interactable';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { box, cylinder } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

const tap = [cylinder(0.012, 0.2, [0, 0.1, 0], palette.stainless, undefined, 12), cylinder(0.01, 0.14, [0, 0.2, 0.06], palette.stainless, [Math.PI / 2, 0, 0], 12), box([0.12, 0.015, 0.03], [0, 0.12, 0], palette.stainless)];
const soap = [box([0.08, 0.16, 0.07], [0, 0, 0], palette.white), box([0.03, 0.02, 0.03], [0, -0.09, 0.01], palette.signalBlue)];
const dryer = [box([0.26, 0.3, 0.1], [0, 0, 0], palette.white), box([0.18, 0.02, 0.06], [0, -0.16, 0.01], '#5c6166')];

/**
 * A hand-wash station (knee- or sensor-operated in food plants, here a lever tap): stainless basin
 * on legs, the tap held to wash (hold-start … hold-end), soap dispenser and towel or air dryer.
 */
export const sink: KitPart<PartOf<'sink'>> = {
  body: () => [
    box([0.6, 0.2, 0.45], [0, 0.8, 0], palette.stainless),
    box([0.5, 0.01, 0.35], [0, 0.86, 0.02], '#9aa2a8'),
    box([0.6, 0.3, 0.02], [0, 1.05, -0.22], palette.stainless),
    ...[-0.27, 0.27].flatMap((x) => [-0.2, 0.2].map((z) => box([0.04, 0.7, 0.04], [x, 0.35, z], palette.stainless))),
  ],
  Live: ({ part }) => (
    <>
      <HoldControl object={part.tap} position={[0, 0.9, -0.15]} hitBox={[0.14, 0.24, 0.14]}>
        <LookMesh look={tap} />
      </HoldControl>
      {part.soap ? (
        <Interactable object={part.soap} action={part.soapAction} position={[0.22, 1.15, -0.17]} hitBox={[0.1, 0.18, 0.1]} travel={0.01}>
          <LookMesh look={soap} />
        </Interactable>
      ) : null}
      {part.dryer ? (
        part.dryerAction === 'hold' ? (
          <HoldControl object={part.dryer} position={[0.5, 1.3, -0.17]} hitBox={[0.28, 0.32, 0.12]}>
            <LookMesh look={dryer} />
          </HoldControl>
        ) : (
          <Interactable object={part.dryer} action={part.dryerAction} position={[0.5, 1.3, -0.17]} hitBox={[0.28, 0.32, 0.12]}>
            <LookMesh look={dryer} />
          </Interactable>
        )
      ) : null}
    </>
  ),
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const sinkOperations = (part: PartOf<'sink'>): PartOperation[] => {
  const ops: PartOperation[] = [{ object: part.tap, kind: 'hold', aim: [0, 1.1, -0.09], range: HAND_REACH }];
  if (part.soap) ops.push({ object: part.soap, kind: 'press', aim: [0.22, 1.15, -0.13], range: HAND_REACH });
  if (part.dryer) ops.push({ object: part.dryer, kind: part.dryerAction === 'hold' ? 'hold' : 'press', aim: [0.5, 1.3, -0.12], range: HAND_REACH });
  return ops;
};

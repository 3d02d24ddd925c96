import { Interactable } from '../interactable';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { box, cylinder } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

const HALF_PI = Math.PI / 2;
// EN ISO 13850: a red mushroom head on a yellow ground; released by turning (the press is what counts).
// Along the Interactable's y, turned to +z by its rotation, so the press travels into the panel.
const mushroom = [cylinder(0.02, 0.03, [0, 0.03, 0], palette.signalRed, undefined, 24), cylinder(0.012, 0.02, [0, 0.012, 0], palette.signalRed, undefined, 16)];

/** Emergency stop: a 40 mm red mushroom on a yellow plate; the front faces +z. */
export const emergencyStop: KitPart<PartOf<'emergency-stop'>> = {
  body: () => [box([0.075, 0.075, 0.004], [0, 0, 0.002], palette.safetyYellow), cylinder(0.024, 0.004, [0, 0, 0.005], palette.black, [HALF_PI, 0, 0], 20)],
  Live: ({ part }) => (
    <Interactable object={part.object} action={part.action} rotation={[HALF_PI, 0, 0]} hitBox={[0.08, 0.06, 0.08]} travel={0.008}>
      <LookMesh look={mushroom} />
    </Interactable>
  ),
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const emergencyStopOperations = (part: PartOf<'emergency-stop'>): PartOperation[] => [{ object: part.object, kind: 'press', aim: [0, 0, 0.045], range: HAND_REACH }];

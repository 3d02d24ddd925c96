import { Interactable } from '../interactable';
import type { KitPart, PartOf } from './kit-part';
import { HAND_REACH } from './kit-part';
import { cylinder } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

const HALF_PI = Math.PI / 2;
/** IEC 60073 colours of a 22 mm control button: green starts, red stops, black and blue reset. */
const capColour = { green: palette.signalGreen, red: palette.signalRed, black: palette.black, blue: palette.signalBlue, white: palette.white, yellow: palette.safetyYellow } as const;
const caps = Object.fromEntries(Object.entries(capColour).map(([k, c]) => [k, [cylinder(0.016, 0.014, [0, 0, 0.014], c, [HALF_PI, 0, 0], 20), cylinder(0.019, 0.004, [0, 0, 0.006], palette.darkSteel, [HALF_PI, 0, 0], 20)]]));

/** A 22 mm push button on a panel: its front faces +z; a press travels 4 mm in. */
export const pushButton: KitPart<PartOf<'push-button'>> = {
  body: () => [cylinder(0.026, 0.006, [0, 0, 0.003], palette.black, [HALF_PI, 0, 0], 20)],
  Live: ({ part }) => (
    <Interactable object={part.object} action={part.action} hitBox={[0.06, 0.06, 0.05]} travel={0.004}>
      <LookMesh look={caps[part.color]!} />
    </Interactable>
  ),
  operations: (part) => [{ object: part.object, kind: 'press', aim: [0, 0, 0.021], range: HAND_REACH }],
};

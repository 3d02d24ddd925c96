import { useMemo } from 'react';
import { Interactable } from '../interactable';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { cylinder } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

const HALF_PI = Math.PI / 2;
/** IEC 60073 colours of a 22 mm control button: green starts, red stops, black and blue reset. */
const capColour = { green: palette.signalGreen, red: palette.signalRed, black: palette.black, blue: palette.signalBlue, white: palette.white, yellow: palette.safetyYellow } as const;
// The cap stands along the Interactable's y, which its rotation turns to the panel's +z: the press
// (travel along -y) then goes into the panel.
const cap = (color: string, d: number) => [cylinder(d * 0.53, d * 0.47, [0, d * 0.47, 0], color, undefined, 20), cylinder(d * 0.63, d * 0.13, [0, d * 0.2, 0], palette.darkSteel, undefined, 20)];

/** A push button (22 mm by default) on a panel: its front faces +z; a press travels in. */
export const pushButton: KitPart<PartOf<'push-button'>> = {
  body: (part) => [cylinder(part.diameter * 0.87, 0.006, [0, 0, 0.003], palette.black, [HALF_PI, 0, 0], 20)],
  Live: function PushButton({ part }) {
    const look = useMemo(() => cap(capColour[part.color], part.diameter), [part.color, part.diameter]);
    const d = part.diameter;
    return (
      <Interactable object={part.object} action={part.action} rotation={[HALF_PI, 0, 0]} hitBox={[d * 2, d * 1.6, d * 2]} travel={Math.min(0.015, d * 0.15)}>
        <LookMesh look={look} />
      </Interactable>
    );
  },
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const pushButtonOperations = (part: PartOf<'push-button'>): PartOperation[] => [{ object: part.object, kind: 'press', aim: [0, 0, part.diameter * 0.7], range: HAND_REACH }];

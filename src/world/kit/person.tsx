import type { StaticPart } from '../static-parts';
import { useMemo } from 'react';
import { Interactable } from '../interactable';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { box, cylinder } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

type Role = PartOf<'person'>['role'];
/** The team leader wears a blue coat, the setter a grey one, a colleague the white food coat. */
const coat: Record<Role, string> = { 'team-leader': palette.signalBlue, setter: '#5c6166', colleague: palette.white };

/** Half the figure's height: where its hit box is centred. */
const BODY_MIDDLE = 0.9;

/** A standing adult, 1.75 m: legs, coat, arms, head; facing +z. */
function figure(role: Role): StaticPart[] {
  return [
    box([0.13, 0.82, 0.16], [-0.09, 0.41, 0], palette.denim),
    box([0.13, 0.82, 0.16], [0.09, 0.41, 0], palette.denim),
    box([0.12, 0.06, 0.26], [-0.09, 0.03, 0.04], palette.black),
    box([0.12, 0.06, 0.26], [0.09, 0.03, 0.04], palette.black),
    box([0.42, 0.66, 0.24], [0, 1.14, 0], coat[role]),
    box([0.1, 0.6, 0.11], [-0.27, 1.16, 0], coat[role], [0, 0, -0.06]),
    box([0.1, 0.6, 0.11], [0.27, 1.16, 0], coat[role], [0, 0, 0.06]),
    cylinder(0.05, 0.08, [0, 1.5, 0], palette.skin, undefined, 10),
    cylinder(0.095, 0.22, [0, 1.64, 0], palette.skin, undefined, 14, 0.085),
    cylinder(0.1, 0.04, [0, 1.76, 0], '#3b2f26', undefined, 14),
  ];
}

/** A colleague on the floor — team leader, setter — who can be addressed (pressed) when an object. */
export const person: KitPart<PartOf<'person'>> = {
  body: (part) => (part.object ? [] : figure(part.role)),
  Live: function Person({ part }) {
    const look = useMemo(() => figure(part.role), [part.role]);
    return part.object ? (
      // The hit box is centred on the interactable's origin: raised to the body's middle, it covers the
      // person from feet to head (at the feet it took in the legs only, half of it under the floor),
      // and 0.3 m deep its front lies beyond the ray's first 0.2 m from a hand reaching 0.4 m short.
      <Interactable object={part.object} action={part.action} position={[0, BODY_MIDDLE, 0]} hitBox={[0.6, 1.8, 0.3]}>
        <group position={[0, -BODY_MIDDLE, 0]}>
          <LookMesh look={look} />
        </group>
      </Interactable>
    ) : null;
  },
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const personOperations = (part: PartOf<'person'>): PartOperation[] => (part.object ? [{ object: part.object, kind: 'press', aim: [0, 1.2, 0.12], range: 3 }] : []);

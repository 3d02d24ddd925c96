import { useMemo, useState } from 'react';
import { Interactable } from '../interactable';
import type { KitPart, PartOf } from './kit-part';
import { HAND_REACH } from './kit-part';
import { box } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

/** A hinged guard door: yellow frame, grey mesh, a handle; hinged on its left edge (x = 0). */
function doorLook(w: number, h: number) {
  const bar = 0.03;
  return [
    box([w, bar, bar], [w / 2, h / 2 - bar / 2, 0], palette.safetyYellow),
    box([w, bar, bar], [w / 2, -h / 2 + bar / 2, 0], palette.safetyYellow),
    box([bar, h, bar], [bar / 2, 0, 0], palette.safetyYellow),
    box([bar, h, bar], [w - bar / 2, 0, 0], palette.safetyYellow),
    box([w - 2 * bar, h - 2 * bar, 0.004], [w / 2, 0, 0], '#8a9299'),
    box([0.03, 0.14, 0.03], [w - 0.07, 0, 0.035], palette.black),
  ];
}

/**
 * A guard door with its interlock: each press sends the next of its actions (open, close…) and
 * swings the door; the interlock switch sits on the fixed frame at the handle side.
 */
export const guardDoor: KitPart<PartOf<'guard-door'>> = {
  body: (part) => (part.interlock ? [box([0.04, 0.08, 0.04], [part.size[0] + 0.03, 0, -0.02], palette.safetyYellow), box([0.03, 0.02, 0.012], [part.size[0] + 0.01, 0, 0.0], palette.black)] : []),
  Live: function GuardDoorLive({ part }) {
    const [turn, setTurn] = useState(0);
    const [w, h] = part.size;
    const look = useMemo(() => doorLook(w, h), [w, h]);
    return (
      <group position={[-w / 2, 0, 0]} rotation={[0, turn % 2 === 1 ? -1.75 : 0, 0]}>
        <Interactable
          object={part.object}
          action={part.actions[turn % part.actions.length]!}
          hitBox={[w, h, 0.06]}
          // After an odd number of presses it stands open, swung 100° towards the trainee.
          onDone={() => setTurn((t) => t + 1)}
        >
          <group position={[0, 0, 0]}>
            <LookMesh look={look} />
          </group>
        </Interactable>
      </group>
    );
  },
  operations: (part) => [{ object: part.object, kind: 'press', aim: [part.size[0] - 0.07, 0, 0.05], range: HAND_REACH }],
};

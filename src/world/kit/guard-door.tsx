import { useMemo } from 'react';
import { Interactable } from '../interactable';
import { useSession } from '../../state/session-context';
import { turnsOf } from './turns';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { box } from './look';
import { palette } from './palette';
import { LookMesh } from './look-mesh';

type Infill = PartOf<'guard-door'>['infill'];

/** A guard door: yellow frame, grey infill (a panel, or bars to see through), a handle; its left edge at x = 0. */
function doorLook(w: number, h: number, infill: Infill) {
  const bar = 0.03;
  const inner = w - 2 * bar;
  // Bars every 5 cm or so: the trainee sees the mould or blade behind, as through a real guard's window.
  const bars = Math.max(1, Math.round(inner / 0.05));
  return [
    box([w, bar, bar], [w / 2, h / 2 - bar / 2, 0], palette.safetyYellow),
    box([w, bar, bar], [w / 2, -h / 2 + bar / 2, 0], palette.safetyYellow),
    box([bar, h, bar], [bar / 2, 0, 0], palette.safetyYellow),
    box([bar, h, bar], [w - bar / 2, 0, 0], palette.safetyYellow),
    ...(infill === 'bars'
      ? Array.from({ length: bars - 1 }, (_, i) => box([0.006, h - 2 * bar, 0.006], [bar + ((i + 1) * inner) / bars, 0, 0], '#8a9299'))
      : [box([inner, h - 2 * bar, 0.004], [w / 2, 0, 0], '#8a9299')]),
    box([0.03, 0.14, 0.03], [w - 0.07, 0, 0.035], palette.black),
  ];
}

/** Where the door stands after an odd number of presses (open): swung 100° towards the trainee, or slid aside. */
function openPose(opening: PartOf<'guard-door'>['opening'], w: number): { x: number; turn: number } {
  if (opening === 'slide-left') return { x: -0.95 * w, turn: 0 };
  if (opening === 'slide-right') return { x: 0.95 * w, turn: 0 };
  return { x: 0, turn: -1.75 };
}

/**
 * A guard door with its interlock: each press sends the next of its actions (open, close…) and
 * swings or slides the door; the interlock switch sits on the fixed frame at the handle side.
 */
export const guardDoor: KitPart<PartOf<'guard-door'>> = {
  body: (part) => (part.interlock ? [box([0.04, 0.08, 0.04], [part.size[0] / 2 + 0.03, 0, -0.02], palette.safetyYellow), box([0.03, 0.02, 0.012], [part.size[0] / 2 + 0.01, 0, 0.0], palette.black)] : []),
  Live: function GuardDoorLive({ part }) {
    // The door's own events in the session, not a local count: the same after a reload, a replay or a test's events.
    const turn = useSession((s) => turnsOf(s.events, part.object, part.actions));
    const [w, h] = part.size;
    const look = useMemo(() => doorLook(w, h, part.infill), [w, h, part.infill]);
    const open = turn % 2 === 1 ? openPose(part.opening, w) : { x: 0, turn: 0 };
    return (
      // The hinge (the door's left edge) turns; the press is caught over the whole door, handle included.
      <group position={[-w / 2 + open.x, 0, 0]} rotation={[0, open.turn, 0]}>
        <Interactable object={part.object} action={part.actions[turn % part.actions.length]!} position={[w / 2, 0, 0]} hitBox={[w, h, 0.06]}>
          <group position={[-w / 2, 0, 0]}>
            <LookMesh look={look} />
          </group>
        </Interactable>
      </group>
    );
  },
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const guardDoorOperations = (part: PartOf<'guard-door'>): PartOperation[] => [{ object: part.object, kind: 'press', aim: [part.size[0] / 2 - 0.07, 0, 0.05], range: HAND_REACH }];

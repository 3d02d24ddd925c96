import { Interactable } from '../interactable';
import { useSession } from '../../state/session-context';
import { turnsOf } from './turns';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { box, cylinder } from './look';
import { LookMesh } from './look-mesh';
import { palette } from './palette';

const HALF_PI = Math.PI / 2;
// A lockable isolator (EN 60204-1 §5.3): red rotary handle on a yellow plate; a padlock through the
// handle's hasp in the off position keeps it off while someone works inside (lock-out, tag-out).
const handle = [box([0.03, 0.03, 0.11], [0, 0.045, -0.02], palette.signalRed), cylinder(0.03, 0.03, [0, 0.02, 0], palette.signalRed, undefined, 20)];
const padlock = [box([0.04, 0.045, 0.018], [0, -0.02, 0], palette.signalRed), cylinder(0.014, 0.035, [0, 0.015, 0], palette.stainless, [0, 0, 0], 10), box([0.05, 0.07, 0.002], [0, -0.085, 0], palette.safetyYellow)];
const padlockNoTag = padlock.slice(0, 2);

/**
 * The machine's main switch in its grey enclosure, with an optional padlock (and tag) to hang on it.
 * With `actions` each turn of the handle sends the next one (lock, unlock): after an odd number the
 * handle stands at 0 — turned a quarter — and, with `tag`, the own padlock and tag hang in its hasp.
 */
export const mainSwitch: KitPart<PartOf<'main-switch'>> = {
  body: () => [box([0.2, 0.26, 0.12], [0, 0, -0.06], palette.paintedGrey), box([0.12, 0.12, 0.004], [0, 0, 0.002], palette.safetyYellow)],
  Live: function MainSwitch({ part }) {
    const turn = useSession((s) => (part.actions ? turnsOf(s.events, part.object, part.actions) : 0));
    const off = part.actions ? turn % 2 === 1 : false;
    return (
      <>
        <group rotation={[0, 0, off ? -HALF_PI : 0]}>
          <Interactable
            object={part.object}
            action={part.actions ? part.actions[turn % part.actions.length]! : part.action}
            rotation={[HALF_PI, 0, 0]}
            hitBox={[0.1, 0.07, 0.14]}
            travel={0.004}
           
          >
            <LookMesh look={handle} />
          </Interactable>
        </group>
        {off && part.tag && !part.padlock ? (
          <group position={[0.07, -0.1, 0.04]}>
            <LookMesh look={padlock} />
          </group>
        ) : null}
        {part.padlock ? (
          <Interactable object={part.padlock} action="lock" position={[0.07, -0.1, 0.04]} hitBox={[0.06, 0.1, 0.05]}>
            <LookMesh look={part.tag ? padlock : padlockNoTag} />
          </Interactable>
        ) : null}
      </>
    );
  },
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const mainSwitchOperations = (part: PartOf<'main-switch'>): PartOperation[] => {
  const ops: PartOperation[] = [{ object: part.object, kind: 'press', aim: [0, 0.03, 0.06], range: HAND_REACH }];
  if (part.padlock) ops.push({ object: part.padlock, kind: 'press', aim: [0.07, -0.12, 0.04], range: HAND_REACH });
  return ops;
};

import { HazardZone } from '../later-parts';
import type { KitPart, PartOf } from './kit-part';
import { HAND_REACH, ORIGIN } from './kit-part';

/** A danger area (blade, needle, mould): `enter` / `exit` when a hand or carried object comes in. */
export const hazardZonePart: KitPart<PartOf<'hazard-zone'>> = {
  Live: ({ part }) => <HazardZone position={ORIGIN} object={part.object} size={part.size} />,
  operations: (part) => [{ object: part.object, kind: 'enter', aim: [0, 0, 0], range: HAND_REACH }],
};

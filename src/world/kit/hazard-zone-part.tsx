import { HazardZone } from '../later-parts';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH, ORIGIN } from './kit-part';

/** A danger area (blade, needle, mould): `enter` / `exit` when a hand or carried object comes in. */
export const hazardZonePart: KitPart<PartOf<'hazard-zone'>> = {
  Live: ({ part }) => <HazardZone position={ORIGIN} object={part.object} size={part.size} />,
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const hazardZonePartOperations = (part: PartOf<'hazard-zone'>): PartOperation[] => [{ object: part.object, kind: 'enter', aim: [0, 0, 0], range: HAND_REACH }];

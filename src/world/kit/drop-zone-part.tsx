import { DropZone } from '../later-parts';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH, ORIGIN } from './kit-part';

/** A marked place (a jig, a carriage, a shelf) that grabbed objects are put into (`place`). */
export const dropZonePart: KitPart<PartOf<'drop-zone'>> = {
  Live: ({ part }) => <DropZone position={ORIGIN} id={part.zone} accepts={part.accepts} size={part.size} marked={part.marked} />,
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const dropZonePartOperations = (part: PartOf<'drop-zone'>): PartOperation[] => part.accepts.map((object) => ({ object, kind: 'place-into' as const, aim: [0, 0, 0] as const, range: HAND_REACH }));

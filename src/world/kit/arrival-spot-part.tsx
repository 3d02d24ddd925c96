import { ArrivalSpot } from '../later-parts';
import type { KitPart, PartOf, PartOperation } from './kit-part';

/** A marked floor spot: `enter` / `exit` when the trainee's head comes above it (walk or teleport). */
export const arrivalSpotPart: KitPart<PartOf<'arrival-spot'>> = {
  Live: ({ part }) => <ArrivalSpot object={part.object} position={[0, 0, 0]} radius={part.radius} />,
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const arrivalSpotPartOperations = (part: PartOf<'arrival-spot'>): PartOperation[] => [{ object: part.object, kind: 'enter', aim: [0, 0, 0], range: 10 }];

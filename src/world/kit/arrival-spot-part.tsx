import { ArrivalSpot } from '../later-parts';
import type { KitPart, PartOf } from './kit-part';

/** A marked floor spot: `enter` / `exit` when the trainee's head comes above it (walk or teleport). */
export const arrivalSpotPart: KitPart<PartOf<'arrival-spot'>> = {
  Live: ({ part }) => <ArrivalSpot object={part.object} position={[0, 0, 0]} radius={part.radius} />,
  operations: (part) => [{ object: part.object, kind: 'enter', aim: [0, 0, 0], range: 10 }],
};

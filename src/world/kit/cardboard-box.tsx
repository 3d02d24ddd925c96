import { DropZone } from '../later-parts';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';
import { crateWalls } from './bin';
import { palette } from './palette';

/** An open cardboard box; with a `zone` it is where product is packed. */
export const cardboardBox: KitPart<PartOf<'box'>> = {
  body: ({ size: [w, h, d] }) => crateWalls(palette.cardboard, w, d, h),
  Live: ({ part }) => (part.zone && part.accepts ? <DropZone id={part.zone} accepts={part.accepts} position={[0, part.size[1] / 2, 0]} size={part.size} marked={false} /> : null),
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const cardboardBoxOperations = (part: PartOf<'box'>): PartOperation[] => (part.accepts ?? []).map((object) => ({ object, kind: 'place-into' as const, aim: [0, part.size[1] / 2, 0] as const, range: HAND_REACH }));

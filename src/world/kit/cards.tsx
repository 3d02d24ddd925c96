import { ClassifyCards } from '../classify-cards';
import type { KitPart, PartOf } from './kit-part';
import { HAND_REACH, ORIGIN } from './kit-part';

/** Cards to choose from: `classify` (good / which defect) or `answer` (a number, a word). */
export const cards: KitPart<PartOf<'cards'>> = {
  Live: ({ part }) => <ClassifyCards position={ORIGIN} object={part.object} action={part.action} cards={part.cards} />,
  operations: (part) => [{ object: part.object, kind: 'classify', aim: [0, 0, 0], range: HAND_REACH }],
};

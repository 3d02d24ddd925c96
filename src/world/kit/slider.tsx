import { ValueControl } from '../later-parts';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH, ORIGIN } from './kit-part';

/** A fence, dial or thermostat: drag along the scale; the reading is always shown; release sends `set`. */
export const slider: KitPart<PartOf<'slider'>> = {
  Live: ({ part }) => <ValueControl position={ORIGIN} object={part.object} min={part.min} max={part.max} step={part.step} initial={part.initial} unit={part.unit} length={part.length} />,
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const sliderOperations = (part: PartOf<'slider'>): PartOperation[] => [{ object: part.object, kind: 'set', aim: [0, 0, 0], range: HAND_REACH }];

import { partAfterFirstFrame } from '../part-after-first-frame';
import type { KitPart, PartOf, PartOperation } from './kit-part';
import { HAND_REACH } from './kit-part';

/**
 * Personal protective equipment: put on with a press, or in VR by bringing it to the face (head
 * items) or the chest (the rest) — the `wear` action the scenario's PPE steps expect. Its looks and
 * its grab come a few frames after the station's first frame: nothing is worn before it is on screen.
 */
export const ppe: KitPart<PartOf<'ppe'>> = {
  Live: partAfterFirstFrame(() => import('./ppe-item').then((m) => m.PpeItem)),
};

/** How it is operated (aim, reach), for tests and authors: not in the trainee's download, the driver reads the placed props. */
export const ppeOperations = (part: PartOf<'ppe'>): PartOperation[] => [{ object: part.object, kind: 'wear', aim: [0, 0, 0], range: HAND_REACH }];

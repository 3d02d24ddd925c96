import { PictogramSlot } from '../later-parts';
import type { KitPart, PartOf } from './kit-part';
import { box } from './look';
import { palette } from './palette';

/** A safety sign (ISO 7010 style) from the project's pictograms, on a white plate. */
export const safetySign: KitPart<PartOf<'safety-sign'>> = {
  body: ({ size }) => [box([size + 0.02, size + 0.02, 0.004], [0, 0, -0.002], palette.white)],
  Live: ({ part }) => <PictogramSlot src={`pictograms/${part.pictogram}.svg`} size={part.size} position={[0, 0, 0.002]} />,
};

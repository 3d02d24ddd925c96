import type { KitPart, PartOf } from './kit-part';
import { box, cylinder } from './look';
import { palette } from './palette';

/** The PPE board at the entrance: a white board with a yellow edge and a row of hooks. */
export const ppeRack: KitPart<PartOf<'ppe-rack'>> = {
  body: ({ width }) => [
    box([width, 0.6, 0.02], [0, 0, -0.01], palette.white),
    box([width + 0.03, 0.03, 0.03], [0, 0.31, -0.01], palette.safetyYellow),
    box([width + 0.03, 0.03, 0.03], [0, -0.31, -0.01], palette.safetyYellow),
    ...Array.from({ length: Math.max(2, Math.floor(width / 0.2)) }, (_, i) => cylinder(0.006, 0.06, [-width / 2 + (width / Math.max(2, Math.floor(width / 0.2))) * (i + 0.5), 0.15, 0.03], palette.stainless, [Math.PI / 2, 0, 0], 8)),
  ],
};

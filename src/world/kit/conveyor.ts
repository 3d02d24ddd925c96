import type { KitPart, PartOf } from './kit-part';
import { box, cylinder } from './look';
import { palette } from './palette';

/** A belt conveyor along x: aluminium side profiles, black rubber belt, end drums, legs every metre. */
export const conveyor: KitPart<PartOf<'conveyor'>> = {
  body: ({ length: l, width: w, height: h }) => {
    const legs = Math.max(2, Math.ceil(l) + 1);
    return [
      box([l, 0.008, w], [0, h, 0], palette.rubber),
      box([l, 0.09, 0.03], [0, h - 0.035, w / 2 + 0.015], palette.aluminium),
      box([l, 0.09, 0.03], [0, h - 0.035, -w / 2 - 0.015], palette.aluminium),
      cylinder(0.04, w, [-l / 2, h - 0.04, 0], palette.stainless, [Math.PI / 2, 0, 0], 12),
      cylinder(0.04, w, [l / 2, h - 0.04, 0], palette.stainless, [Math.PI / 2, 0, 0], 12),
      ...Array.from({ length: legs }, (_, i) => -l / 2 + 0.05 + ((l - 0.1) * i) / (legs - 1)).flatMap((x) => [
        box([0.04, h - 0.08, 0.04], [x, (h - 0.08) / 2, w / 2], palette.aluminium),
        box([0.04, h - 0.08, 0.04], [x, (h - 0.08) / 2, -w / 2], palette.aluminium),
      ]),
    ];
  },
};

import type { KitPart, PartOf } from './kit-part';
import { box } from './look';
import { palette } from './palette';

/** A fixed guard (EN ISO 14120): a yellow steel frame with a grey mesh infill, bolted in place. */
export const fixedGuard: KitPart<PartOf<'fixed-guard'>> = {
  body: ({ size: [w, h, d] }) => {
    const bar = Math.min(0.03, w / 6, h / 6);
    return [
      box([w, bar, d], [0, h / 2 - bar / 2, 0], palette.safetyYellow),
      box([w, bar, d], [0, -h / 2 + bar / 2, 0], palette.safetyYellow),
      box([bar, h, d], [-w / 2 + bar / 2, 0, 0], palette.safetyYellow),
      box([bar, h, d], [w / 2 - bar / 2, 0, 0], palette.safetyYellow),
      box([w - 2 * bar, h - 2 * bar, Math.min(d, 0.004)], [0, 0, 0], '#7d868d'),
    ];
  },
};

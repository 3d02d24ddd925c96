import type { KitPart, PartOf } from './kit-part';
import { box } from './look';
import { palette } from './palette';

/** A EUR pallet (EN 13698-1): 1200 × 800 × 144 mm, five top boards, three runners, nine blocks. */
export const pallet: KitPart<PartOf<'pallet'>> = {
  body: () => [
    ...[-0.5, -0.25, 0, 0.25, 0.5].map((x) => box([0.145, 0.022, 0.8], [x * 0.95, 0.133, 0], palette.wood)),
    ...[-0.3, 0, 0.3].map((z) => box([1.2, 0.022, 0.145], [0, 0.111, z * 1.18], palette.plywood)),
    ...[-0.55, 0, 0.55].flatMap((x) => [-0.33, 0, 0.33].map((z) => box([0.145, 0.078, 0.1], [x, 0.061, z], palette.wood))),
    ...[-0.3, 0, 0.3].map((z) => box([1.2, 0.022, 0.1], [0, 0.011, z * 1.1], palette.plywood)),
  ],
};

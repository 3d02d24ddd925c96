import type { KitPart, PartOf } from './kit-part';
import { cylinder } from './look';
import { palette } from './palette';

// The lenses unlit (a lit one is the machine's state: a station draws it over its tier).
const tier = { red: '#8e2323', amber: '#a06a10', green: '#2a6b3c', blue: '#2a4c8a', white: '#b9bcbf' } as const;

/** A signal tower (EN 60204-1 colours): tiers on a short black pole, top tier first. */
export const stackLight: KitPart<PartOf<'stack-light'>> = {
  body: (part) => [
    cylinder(0.012, 0.12, [0, 0.06, 0], palette.black, undefined, 10),
    ...part.tiers.map((c, i) => cylinder(0.03, 0.05, [0, 0.12 + 0.025 + (part.tiers.length - 1 - i) * 0.052, 0], tier[c], undefined, 16)),
    cylinder(0.03, 0.01, [0, 0.12 + part.tiers.length * 0.052 + 0.005, 0], palette.black, undefined, 16),
  ],
};

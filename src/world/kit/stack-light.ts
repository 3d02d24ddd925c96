import type { KitPart, PartOf } from './kit-part';
import { cylinder } from './look';
import { palette } from './palette';

const tier = { red: '#d62828', amber: '#f4a300', green: '#2fa84f', blue: '#2f6fd6', white: '#f1f1f1' } as const;

/** A signal tower (EN 60204-1 colours): tiers on a short black pole, top tier first. */
export const stackLight: KitPart<PartOf<'stack-light'>> = {
  body: (part) => [
    cylinder(0.012, 0.12, [0, 0.06, 0], palette.black, undefined, 10),
    ...part.tiers.map((c, i) => cylinder(0.03, 0.05, [0, 0.12 + 0.025 + (part.tiers.length - 1 - i) * 0.052, 0], tier[c], undefined, 16)),
    cylinder(0.03, 0.01, [0, 0.12 + part.tiers.length * 0.052 + 0.005, 0], palette.black, undefined, 16),
  ],
};

import type { StaticPart } from '../../../../src/world';
import { box, cylinder } from './parts';

/**
 * Where everything of the food station stands (m, world space; the trainee stands at z = 0.25 facing
 * -z). A U around the trainee: the hygiene sluice on the left, the intake of the meat line ahead,
 * weighing and packing on the right — all within a step and an arm, seated or standing.
 * The e2e test reads the same numbers to aim at the scales.
 */
type V3 = [number, number, number];

const steel = '#aeb7bf';
const steelDark = '#8a96a3';
const body = '#c9d1d9';
const tile = '#eef2f5';
const white = '#f8fafc';
const crateBlue = '#2b6cb0';
const chicken = '#f2c6a0';
const red = '#d64545';

export const HALF_PI = Math.PI / 2;

/** The scales the trainee sets (ValueControl): the HACCP list's two readings and the scale. */
export const valueControls = {
  'temp-chicken': { position: [-0.13, 1.33, -0.775] as V3, rotation: [0, 0, 0] as V3, min: 0, max: 8, step: 0.1, initial: 0, unit: '°C', length: 0.42 },
  'temp-mince': { position: [-0.13, 1.16, -0.775] as V3, rotation: [0, 0, 0] as V3, min: 0, max: 8, step: 0.1, initial: 0, unit: '°C', length: 0.42 },
  portion: { position: [0.56, 1.2, -0.25] as V3, rotation: [0, -HALF_PI, 0] as V3, min: 230, max: 280, step: 1, initial: 230, unit: 'g', length: 0.3 },
} as const;

/** Drop zones (`place` value = id). */
export const zones = {
  'crate-mince': { position: [-0.03, 1.0, -0.58] as V3, size: [0.22, 0.12, 0.17] as V3 },
  'reject-bin': { position: [0.66, 1.0, 0.28] as V3, size: [0.24, 0.16, 0.2] as V3 },
  'line-infeed': { position: [0.25, 1.0, -0.88] as V3, size: [0.25, 0.1, 0.16] as V3 },
} as const;

export const at = {
  jewellery: [-0.6, 0.915, 0.28] as V3,
  phone: [-0.74, 0.9, 0.3] as V3,
  hairnet: [-0.6, 0.915, 0.12] as V3,
  beardNet: [-0.6, 0.915, -0.01] as V3,
  soap: [-0.82, 1.24, -0.08] as V3,
  sink: [-0.67, 1.01, -0.22] as V3,
  tap: [-0.8, 1.14, -0.22] as V3,
  towel: [-0.79, 1.12, -0.42] as V3,
  disinfectant: [-0.68, 1.16, -0.6] as V3,
  turnstile: [-0.52, 0.98, -0.64] as V3,
  okChicken: [0.115, 1.33, -0.775] as V3,
  nokChicken: [0.175, 1.33, -0.775] as V3,
  okMince: [0.115, 1.16, -0.775] as V3,
  nokMince: [0.175, 1.16, -0.775] as V3,
  crateMince: [-0.03, 0.95, -0.58] as V3,
  blockLabel: [0.13, 0.905, -0.52] as V3,
  allergenCards: [0.38, 1.03, -0.68] as V3,
  tray: [0.62, 0.93, 0.04] as V3,
  trayCards: [0.8, 1.12, 0.05] as V3,
  teamLeader: [0.85, 1.42, 0.05] as V3,
  cloth: [0.6, 0.91, -0.06] as V3,
  lineSink: [0.72, 1.0, -0.45] as V3,
};

/** A crate of meat with a probe thermometer in it (the display is text, drawn apart). */
export function crateParts(meat: string): StaticPart[] {
  return [
    box([0.2, 0.1, 0.15], [0, 0, 0], crateBlue),
    box([0.18, 0.012, 0.13], [0, 0.05, 0], meat),
    cylinder(0.004, 0.12, [0.05, 0.1, 0], '#d9e2ec', undefined, 6),
    box([0.075, 0.045, 0.018], [0.05, 0.17, 0.005], '#334e68'),
    box([0.065, 0.03, 0.004], [0.05, 0.17, 0.015], '#e6f4ea'),
  ];
}

/** Everything that never moves, as one list (merged into one mesh by StaticParts). */
export function staticParts(): StaticPart[] {
  return [
    // sluice: counter, tiled wall, sign, wash basin, tap column, towel dispenser, net boxes, locker
    box([0.36, 0.86, 0.9], [-0.68, 0.43, -0.05], body),
    box([0.38, 0.04, 0.92], [-0.68, 0.88, -0.05], steel),
    box([0.04, 1.2, 1.1], [-0.88, 1.5, -0.05], tile),
    box([0.02, 0.14, 0.56], [-0.855, 1.93, -0.05], '#1f6f8b'),
    box([0.3, 0.1, 0.3], [-0.67, 0.93, -0.22], white),
    box([0.24, 0.004, 0.24], [-0.67, 0.981, -0.22], '#b6d4ea'),
    cylinder(0.015, 0.22, [-0.82, 1.01, -0.22], steel),
    box([0.1, 0.26, 0.26], [-0.81, 1.3, -0.42], '#dfe4ea'),
    box([0.12, 0.08, 0.1], [-0.78, 0.94, 0.12], '#cbd2d9'),
    box([0.12, 0.08, 0.1], [-0.78, 0.94, -0.01], '#cbd2d9'),
    box([0.1, 0.3, 0.2], [-0.81, 1.2, 0.3], '#486581'),
    // turnstile post, and beside it the disinfectant pillar: the last thing before production
    box([0.14, 0.92, 0.14], [-0.52, 0.46, -0.64], steelDark),
    cylinder(0.025, 1.06, [-0.68, 0.53, -0.64], steelDark),
    box([0.18, 0.02, 0.18], [-0.68, 0.01, -0.64], steelDark),
    // line: table, conveyor, HACCP board, order-sheet clipboard, product label, chicken crate
    box([1.0, 0.86, 0.5], [0.05, 0.43, -0.7], body),
    box([1.02, 0.04, 0.52], [0.05, 0.88, -0.7], steel),
    box([1.4, 0.06, 0.16], [0.25, 0.92, -0.88], '#4a5568'),
    box([1.4, 0.01, 0.14], [0.25, 0.955, -0.88], '#2d3748'),
    box([0.72, 0.44, 0.012], [-0.15, 1.26, -0.8], crateBlue),
    box([0.69, 0.41, 0.01], [-0.15, 1.26, -0.792], white),
    box([0.03, 0.2, 0.03], [-0.15, 1.0, -0.78], steelDark),
    box([0.32, 0.34, 0.012], [0.38, 1.27, -0.8], '#8b5e3c'),
    box([0.29, 0.31, 0.01], [0.38, 1.26, -0.792], white),
    box([0.03, 0.2, 0.03], [0.38, 1.0, -0.78], steelDark),
    box([0.16, 0.04, 0.1], [0.38, 0.92, -0.55], white),
    box([0.15, 0.1, 0.006], [0.38, 0.98, -0.57], '#fff3bf', [-0.6, 0, 0]),
    ...crateParts(chicken).map((p): StaticPart => ({ ...p, position: [p.position[0] - 0.3, p.position[1] + 0.95, p.position[2] - 0.58] })),
    // weighing and packing: counter, wall, scale with the portion, reject bin (open top), hand basin, call box
    box([0.36, 0.86, 0.9], [0.68, 0.43, -0.05], body),
    box([0.38, 0.04, 0.92], [0.68, 0.88, -0.05], steel),
    box([0.04, 1.2, 1.1], [0.88, 1.5, -0.05], tile),
    box([0.2, 0.05, 0.2], [0.64, 0.925, -0.25], '#e2e8f0'),
    box([0.18, 0.01, 0.18], [0.64, 0.955, -0.25], steel),
    box([0.12, 0.035, 0.12], [0.64, 0.978, -0.25], white),
    box([0.1, 0.02, 0.1], [0.64, 0.998, -0.25], chicken),
    box([0.24, 0.01, 0.2], [0.66, 0.905, 0.28], red),
    box([0.24, 0.16, 0.01], [0.66, 0.98, 0.18], red),
    box([0.24, 0.16, 0.01], [0.66, 0.98, 0.38], red),
    box([0.01, 0.16, 0.2], [0.54, 0.98, 0.28], red),
    box([0.01, 0.16, 0.2], [0.78, 0.98, 0.28], red),
    box([0.2, 0.08, 0.16], [0.72, 0.94, -0.45], white),
    box([0.16, 0.004, 0.12], [0.72, 0.981, -0.45], '#b6d4ea'),
    cylinder(0.012, 0.2, [0.83, 1.0, -0.45], steel),
    box([0.04, 0.16, 0.12], [0.87, 1.42, 0.05], '#f2c94c'),
  ];
}

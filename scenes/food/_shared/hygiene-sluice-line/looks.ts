import { box, cylinder } from '../../../../src/world';

// What only this station has, each one look (a module constant: merged once, drawn by the
// station's one live batch). Pictures for trainees who read little: ✓ on OK, ✗ on NOK.
const HALF_PI = Math.PI / 2;
const white = '#f8fafc';
const steel = '#aeb7bf';

export const jewellery = [cylinder(0.05, 0.01, [0, 0, 0], '#cbd2d9', undefined, 12), cylinder(0.012, 0.006, [-0.015, 0.008, 0.01], '#d4a017', [HALF_PI, 0, 0], 12), box([0.03, 0.008, 0.035], [0.02, 0.009, -0.005], '#243b53')];
export const soap = [box([0.08, 0.16, 0.1], [0, 0, 0], white), box([0.006, 0.06, 0.07], [0.043, 0.02, 0], '#3e7cb1'), box([0.03, 0.02, 0.04], [0.02, -0.09, 0], '#52606d')];
export const tap = [box([0.16, 0.02, 0.025], [0.06, 0, 0], steel), box([0.02, 0.04, 0.02], [0.13, -0.02, 0], steel), box([0.02, 0.05, 0.015], [0, 0.03, 0], '#2f80ed')];
export const disinfectant = [box([0.1, 0.15, 0.09], [0, 0, 0], white), box([0.102, 0.05, 0.092], [0, 0.03, 0], '#2f9e44'), box([0.03, 0.02, 0.03], [0, -0.085, 0], '#52606d')];
export const arms = [cylinder(0.04, 0.06, [0, 0, 0], steel, undefined, 12), cylinder(0.012, 0.3, [0.15, 0, 0], steel, [0, 0, HALF_PI], 8), cylinder(0.012, 0.3, [-0.075, -0.1, 0.13], steel, [0.9, 1.05, HALF_PI], 8)];
export const okButton = [box([0.055, 0.055, 0.02], [0, 0, 0], '#2f9e44'), box([0.012, 0.004, 0.004], [-0.01, -0.004, 0.011], white, [0, 0, -0.8]), box([0.026, 0.004, 0.004], [0.007, 0.002, 0.011], white, [0, 0, 0.9])];
export const nokButton = [box([0.055, 0.055, 0.02], [0, 0, 0], '#d64545'), box([0.03, 0.005, 0.004], [0, 0, 0.011], white, [0, 0, 0.785]), box([0.03, 0.005, 0.004], [0, 0, 0.011], white, [0, 0, -0.785])];
/** A crate of mince with a probe thermometer in it (its reading is text, drawn apart). */
export const mince = [
  box([0.2, 0.1, 0.15], [0, 0, 0], '#2b6cb0'),
  box([0.18, 0.012, 0.13], [0, 0.05, 0], '#b9473f'),
  cylinder(0.004, 0.12, [0.05, 0.1, 0], '#d9e2ec', undefined, 6),
  box([0.075, 0.045, 0.018], [0.05, 0.17, 0.005], '#334e68'),
  box([0.065, 0.03, 0.004], [0.05, 0.17, 0.015], '#e6f4ea'),
];
export const sticker = [box([0.08, 0.004, 0.05], [0, 0, 0], '#f2c94c'), box([0.084, 0.002, 0.054], [0, -0.001, 0], '#d64545')];
export const tray = [box([0.16, 0.03, 0.12], [0, 0, 0], white), box([0.14, 0.014, 0.1], [0, 0.018, 0], '#f2c6a0'), box([0.035, 0.006, 0.01], [0.02, 0.028, 0.01], '#1d4ed8', [0, 0.5, 0])];
export const lampRed = [box([0.06, 0.03, 0.01], [0, 0, 0], '#d64545')];
export const lampGreen = [box([0.06, 0.03, 0.01], [0, 0, 0], '#2fbf4a')];
export const beltTray = [box([0.12, 0.03, 0.09], [0, 0, 0], white), box([0.1, 0.012, 0.07], [0, 0.018, 0], '#f2c6a0')];

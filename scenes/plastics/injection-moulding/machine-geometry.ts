import type { StaticPart } from '../../../src/world';

const steel = '#8a96a3';
const body = '#3d6e99';
const dark = '#2b3440';
const yellow = '#f2c12e';
const black = '#1b1f24';

/**
 * The fixed parts of the cell (merged into one mesh by StaticParts): machine bed, clamping unit (rear and fixed platen,
 * tie bars, fixed mould half), injection unit (barrel with heater bands, purge guard), hopper with
 * sight glass and granulate, the dryer on top, control cabinet, conveyor, part stand, PPE shelf,
 * scrap bin and box, and the yellow-black marking of the mould area.
 * The operator stands at the origin facing -z; the machine front is 0.7 m ahead.
 */
export function machineParts(): StaticPart[] {
  const pieces: StaticPart[] = [
    // machine bed
    { box: [1.5, 0.8, 0.5], position: [0, 0.4, -0.95], color: body },
    { box: [1.52, 0.04, 0.52], position: [0, 0.82, -0.95], color: dark },
    // clamping unit: rear platen, fixed platen, tie bars, fixed mould half
    { box: [0.06, 0.46, 0.42], position: [-0.5, 1.07, -0.95], color: steel },
    { box: [0.06, 0.46, 0.42], position: [0.12, 1.07, -0.95], color: steel },
    { box: [0.05, 0.26, 0.26], position: [0.07, 1.05, -0.95], color: '#b9803f' },
    { box: [0.15, 0.12, 0.1], position: [-0.6, 1.07, -0.95], color: dark },
    // injection unit: barrel, heater bands, housing, nozzle cover (purge guard)
    { cylinder: [0.045, 0.045, 0.46, 10], position: [0.42, 1.05, -0.95], rotation: [0, 0, Math.PI / 2], color: steel },
    { box: [0.32, 0.2, 0.3], position: [0.58, 0.95, -0.95], color: body },
    { box: [0.12, 0.16, 0.18], position: [0.21, 1.05, -0.95], color: yellow },
    // hopper with sight glass (granulate above the red minimum line) and the dryer on top
    { box: [0.16, 0.16, 0.16], position: [0.62, 1.2, -0.95], color: steel },
    { box: [0.05, 0.1, 0.005], position: [0.62, 1.2, -0.868], color: '#dfe9f2' },
    { box: [0.045, 0.07, 0.006], position: [0.62, 1.19, -0.866], color: '#f1e6c8' },
    { box: [0.05, 0.006, 0.008], position: [0.62, 1.165, -0.865], color: '#d1242f' },
    { box: [0.22, 0.22, 0.22], position: [0.62, 1.39, -0.95], color: '#c9d3dd' },
    { box: [0.13, 0.07, 0.006], position: [0.62, 1.43, -0.837], color: black },
    // control panel housing on the machine front
    { box: [0.27, 0.3, 0.04], position: [0.33, 1.19, -0.71], color: '#d9e2ec' },
    { box: [0.06, 0.06, 0.006], position: [0.42, 1.1, -0.688], color: yellow },
    // electrical cabinet with the main switch, right of the machine
    { box: [0.12, 0.5, 0.4], position: [0.81, 1.07, -0.9], color: '#e4e7eb' },
    // stack light base on the cabinet
    { cylinder: [0.02, 0.02, 0.03, 6], position: [0.81, 1.33, -0.95], color: dark },
    // yellow-black marking along the mould opening
    ...[-0.43, -0.33, -0.23, -0.13, -0.03].map((x, i): StaticPart => ({ box: [0.1, 0.02, 0.01], position: [x + 0.05, 0.86, -0.7], color: i % 2 ? black : yellow })),
    // conveyor out of the machine toward the operator, with legs
    { box: [0.15, 0.05, 0.45], position: [-0.42, 0.75, -0.5], color: '#4a5561' },
    { box: [0.13, 0.008, 0.45], position: [-0.42, 0.779, -0.5], color: black },
    { box: [0.03, 0.73, 0.03], position: [-0.42, 0.365, -0.69], color: dark },
    { box: [0.03, 0.73, 0.03], position: [-0.42, 0.365, -0.31], color: dark },
    // stand for the box of good parts, and the box
    { box: [0.24, 0.72, 0.24], position: [-0.65, 0.36, -0.65], color: '#52606d' },
    { box: [0.22, 0.01, 0.18], position: [-0.65, 0.725, -0.65], color: '#b08a5a' },
    { box: [0.22, 0.09, 0.01], position: [-0.65, 0.775, -0.74], color: '#c49a63' },
    { box: [0.22, 0.09, 0.01], position: [-0.65, 0.775, -0.56], color: '#c49a63' },
    { box: [0.01, 0.09, 0.18], position: [-0.76, 0.775, -0.65], color: '#c49a63' },
    { box: [0.01, 0.09, 0.18], position: [-0.54, 0.775, -0.65], color: '#c49a63' },
    // red scrap bin in front of the conveyor
    { cylinder: [0.12, 0.1, 0.62, 10], position: [-0.25, 0.31, -0.3], color: '#c62828' },
    { cylinder: [0.1, 0.1, 0.01, 10], position: [-0.25, 0.6, -0.3], color: '#3a1010' },
    // signs: hot surface (yellow triangle) on the nozzle guard, wear safety glasses (blue) on the bed
    { cylinder: [0.045, 0.045, 0.004, 3], position: [0.21, 1.06, -0.858], rotation: [Math.PI / 2, 0, Math.PI / 2], color: yellow },
    { cylinder: [0.03, 0.03, 0.004, 3], position: [0.21, 1.06, -0.855], rotation: [Math.PI / 2, 0, Math.PI / 2], color: black },
    { cylinder: [0.02, 0.02, 0.004, 3], position: [0.21, 1.06, -0.853], rotation: [Math.PI / 2, 0, Math.PI / 2], color: yellow },
    { cylinder: [0.05, 0.05, 0.004, 14], position: [0.45, 0.62, -0.698], rotation: [Math.PI / 2, 0, 0], color: '#1f6feb' },
    { box: [0.06, 0.015, 0.004], position: [0.45, 0.625, -0.695], color: '#ffffff' },
    // PPE shelf, right
    { box: [0.3, 0.02, 0.16], position: [0.48, 0.82, -0.32], color: '#b08a5a' },
    { box: [0.03, 0.81, 0.03], position: [0.48, 0.405, -0.32], color: dark },
  ];
  return pieces;
}

/** The 11 good caps already in the box (3 rows of 4, one place left for the part the trainee packs). */
export function boxContentsParts(): StaticPart[] {
  const pieces: StaticPart[] = [];
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 4; col++) {
      if (row === 2 && col === 3) continue;
      pieces.push({ cylinder: [0.022, 0.024, 0.02, 8], position: [-0.728 + col * 0.052, 0.742, -0.705 + row * 0.055], color: '#2f7fd1' });
    }
  }
  return pieces;
}

/** Where the packed part goes: the empty twelfth place in the box. */
export const lastPlaceInBox: [number, number, number] = [-0.728 + 3 * 0.052, 0.742, -0.705 + 2 * 0.055];

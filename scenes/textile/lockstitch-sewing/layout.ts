/**
 * Where things stand on the textile station (m, world space; the trainee stands at z = 0.25 facing
 * -z). One place for the composition and its e2e drivers, which aim at the same spots.
 */
export type Vec3 = [number, number, number];

/** Cutting table on the left, 0.88 m high (cutting is done standing). */
export const cutTable = { x0: -1.25, x1: -0.12, z0: -1.0, z1: -0.32, top: 0.88 };
/** Sewing table on the right, 0.76 m high (sewing is done seated), open below for the knees and pedal. */
export const sewTable = { x0: 0.14, x1: 1.06, z0: -1.0, z1: -0.4, top: 0.76 };

/** The 12-ply spread with the marker on top, and the straight-knife cutter standing in it. */
export const spread = { x0: -0.5, x1: -0.14, z0: -0.9, z1: -0.42, plies: 12, ply: 0.0025 };
export const spreadTop = cutTable.top + spread.plies * spread.ply;
export const cutter: Vec3 = [-0.3, spreadTop, -0.68];
/** The fabric inspector's red flag on the spread, front right, where a fault runs through the top plies. */
export const spreadFlag: Vec3 = [-0.2, spreadTop + 0.002, -0.47];

/** Four fabric parts to inspect, 2 × 2 on the left of the table (panel-1 back left … panel-4 front right). */
export const panels: Record<string, Vec3> = {
  'panel-1': [-0.85, cutTable.top + 0.002, -0.78],
  'panel-2': [-0.64, cutTable.top + 0.002, -0.78],
  'panel-3': [-0.85, cutTable.top + 0.002, -0.56],
  'panel-4': [-0.64, cutTable.top + 0.002, -0.56],
};
/** The work order, clipped to the bundle trolley's handle (it travels with the bundle). */
export const workOrder: Vec3 = [0, 0.9, -0.17];
/** The cut bundle appears on the spread in front of the knife; the trolley between the tables takes it to sewing. */
export const bundle: Vec3 = [-0.32, spreadTop + 0.03, -0.5];
export const trolley = { center: [0, 0.75, -0.4] as Vec3, size: [0.24, 0.2, 0.4] as Vec3 };

/** The sewing head: needle at x 0.45, the bed along x, the pillar on the right. */
export const bedTop = sewTable.top + 0.06;
export const needle: Vec3 = [0.42, bedTop + 0.035, -0.64];
export const presserFoot: Vec3 = [0.42, bedTop + 0.008, -0.64];
export const threadGuide: Vec3 = [0.74, 1.21, -0.66];
export const tensionDisc: Vec3 = [0.5, 1.1, -0.585];
export const takeUpLever: Vec3 = [0.44, 1.14, -0.585];
export const needleEye: Vec3 = [0.42, bedTop + 0.03, -0.625];
/** The guards to check: the finger guard just in front of the needle, the eye shield above and right of it (clear of the needle clamp). */
export const fingerGuard: Vec3 = [0.38, bedTop + 0.025, -0.603];
export const eyeGuard: Vec3 = [0.47, bedTop + 0.14, -0.588];
/** The needle clamp at the foot of the needle bar: the broken needle out, the new one in. */
export const needleClamp: Vec3 = [0.42, bedTop + 0.085, -0.64];
export const stitchDial = { position: [0.62, sewTable.top + 0.02, -0.45] as Vec3, min: 0, max: 5, step: 0.1, length: 0.3 };
export const seamGauge = { position: [0.62, 1.0, -0.5] as Vec3, min: 0, max: 25, step: 0.5, length: 0.3 };
export const powerSwitch: Vec3 = [0.86, sewTable.top - 0.07, -0.385];
export const pedal: Vec3 = [0.46, 0.1, -0.55];

/** After the needle broke: its pieces on the needle plate; the sewn front piece beside the head. */
export const needlePieces: Vec3 = [0.47, bedTop + 0.006, -0.6];
export const sewnPiece: Vec3 = [0.3, sewTable.top + 0.015, -0.47];
/** The lint brush on the table, right of the head, for cleaning at the end of the shift. */
export const lintBrush: Vec3 = [0.97, sewTable.top + 0.015, -0.47];
/** The danger area under the needle (a hand or carried object inside while the machine runs). */
export const needleZone = { position: [0.42, 0.85, -0.64] as Vec3, size: [0.04, 0.06, 0.04] as Vec3 };
/** The team leader (ploegleider, NL teamleider) behind the trolley, between the tables, facing the trainee. */
export const teamLeader: Vec3 = [-0.05, 0, -1.35];

import { mergeStaticParts, type StaticPart } from '../../../src/world';

/** The class each part on the conveyor shows (the scenario's expected classification). */
export type PartClass = 'good' | 'short-shot' | 'flash' | 'sink-mark' | 'burn-mark';

const abs = '#2f7fd1';
const R = 0.035;
const H = 0.025;

/**
 * A blue ABS cap, 7 cm across, with its defect made plainly visible: a short shot misses a third
 * of its rim, flash is a thin lighter fin along the parting line, a sink mark a dark dimple on top,
 * a burn mark a black-brown streak where the flow ends.
 */
export function partGeometry(kind: PartClass) {
  const cap: StaticPart = { cylinder: [R, R * 1.05, H, 12], position: [0, 0, 0], color: abs };
  const pieces: StaticPart[] = [];
  if (kind === 'short-shot') pieces.push({ ...cap, cylinder: [R, R * 1.05, H, 12, Math.PI * 1.3] });
  else pieces.push(cap);
  if (kind === 'flash') pieces.push({ cylinder: [R * 1.5, R * 1.5, 0.002, 12], position: [0, -H / 2 + 0.002, 0], color: '#9cc7ef' });
  if (kind === 'sink-mark') pieces.push({ cylinder: [0.013, 0.013, 0.002, 10], position: [0, H / 2 + 0.0005, 0], color: '#163a63' });
  if (kind === 'burn-mark') {
    pieces.push({ box: [0.03, 0.002, 0.012], position: [0.012, H / 2 + 0.0005, 0.008], color: '#1b1108' });
    pieces.push({ box: [0.016, 0.002, 0.02], position: [0.022, H / 2 + 0.0006, 0.004], color: '#5a3514' });
  }
  return mergeStaticParts(pieces);
}

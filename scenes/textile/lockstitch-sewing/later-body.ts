import { box, cylinder, type StaticPart } from '../../../src/world';

/**
 * The station's body the first frame does without, drawn a few frames later by station.tsx (its
 * numbers are not in the VR JavaScript budget to the first frame): the reject tray, the thread stand
 * and the bundle trolley with the work order clipped to its handle. World space, as layout.json's static.
 */
export const laterBody: StaticPart[] = [
  // the red reject tray (afkeurbak) on the cutting table, left
  box([0.24, 0.012, 0.38], [-1.1, 0.886, -0.72], '#c62828'),
  box([0.24, 0.04, 0.01], [-1.1, 0.9, -0.905], '#c62828'),
  box([0.24, 0.04, 0.01], [-1.1, 0.9, -0.535], '#c62828'),
  // the thread stand behind the head
  cylinder(0.008, 0.6, [0.98, 1.06, -0.9], '#9aa5b1', undefined, 12),
  cylinder(0.035, 0.12, [0.98, 0.83, -0.9], '#f7c948', undefined, 10),
  box([0.25, 0.008, 0.008], [0.87, 1.36, -0.9], '#9aa5b1'),
  // bundle trolley (a bin on wheels) with the work order clipped to its handle, tilted up to be read
  box([0.24, 0.02, 0.4], [0, 0.64, -0.4], '#f7c948'),
  box([0.24, 0.1, 0.01], [0, 0.7, -0.595], '#f7c948'),
  box([0.01, 0.1, 0.4], [-0.115, 0.7, -0.4], '#f7c948'),
  box([0.01, 0.1, 0.4], [0.115, 0.7, -0.4], '#f7c948'),
  box([0.24, 0.06, 0.01], [0, 0.68, -0.205], '#f7c948'),
  box([0.24, 0.02, 0.4], [0, 0.13, -0.4], '#f7c948'),
  box([0.02, 0.59, 0.02], [-0.11, 0.355, -0.59], '#323f4b'),
  box([0.02, 0.59, 0.02], [-0.11, 0.355, -0.21], '#323f4b'),
  box([0.02, 0.59, 0.02], [0.11, 0.355, -0.59], '#323f4b'),
  box([0.02, 0.59, 0.02], [0.11, 0.355, -0.21], '#323f4b'),
  box([0.02, 0.3, 0.02], [-0.11, 0.8, -0.19], '#323f4b'),
  box([0.02, 0.3, 0.02], [0.11, 0.8, -0.19], '#323f4b'),
  box([0.22, 0.28, 0.01], [0, 0.9, -0.178], '#c8a27a', [-0.35, 0, 0]),
  box([0.2, 0.26, 0.002], [0, 0.9, -0.172], '#ffffff', [-0.35, 0, 0]),
];

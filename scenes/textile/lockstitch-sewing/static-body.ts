import { PartsBuilder } from '../../../src/world';
import type { BufferGeometry } from 'three';
import { bedTop, cutTable, cutter, panels, sewTable, spread, spreadTop, trolley, workOrder } from './layout';

const FABRIC = '#3f6ea5';
const MARKER = '#f5f3ea';
const STEEL = '#9aa5b1';
const MACHINE = '#e9ecef';
const DARK = '#323f4b';
const WOOD = '#c8a27a';

/** Everything on the station that never moves: tables, fabric, machine bodies, trolley, boards. */
export function buildStaticBody(): BufferGeometry {
  const c = new PartsBuilder();
  cuttingTable(c);
  sewingTable(c);
  cutterBody(c);
  sewingHead(c);
  fabricPanels(c);
  bundleTrolley(c);
  return c.build();
}

function cuttingTable(c: PartsBuilder) {
  const t = cutTable;
  c.slab(t.x0, t.x1, t.top - 0.04, t.top, t.z0, t.z1, '#f0ebe0');
  // A closed cabinet below: rolls of fabric are stored there.
  c.slab(t.x0 + 0.03, t.x1 - 0.03, 0, t.top - 0.04, t.z0 + 0.03, t.z1 - 0.05, '#7b8794');
  // The 12-ply spread, the marker paper on top, and the front part drawn on it.
  c.slab(spread.x0, spread.x1, t.top, spreadTop - 0.001, spread.z0, spread.z1, FABRIC);
  c.slab(spread.x0 + 0.01, spread.x1 - 0.01, spreadTop - 0.001, spreadTop, spread.z0 + 0.01, spread.z1 - 0.01, MARKER);
  const line = (x0: number, x1: number, z0: number, z1: number) => c.slab(x0, x1, spreadTop, spreadTop + 0.001, z0, z1, '#1f2933');
  // The front part drawn on the marker; the knife stands on its line.
  const [l, r, back, front] = [spread.x0 + 0.03, spread.x1 - 0.03, spread.z0 + 0.05, spread.z1 - 0.04];
  line(l, r, back, back + 0.01);
  line(l, r, front - 0.01, front);
  line(l, l + 0.01, back, front);
  line(r - 0.01, r, back, front);
}

function sewingTable(c: PartsBuilder) {
  const t = sewTable;
  c.slab(t.x0, t.x1, t.top - 0.035, t.top, t.z0, t.z1, '#d9c8a9');
  // Open frame below (knees and the pedal must be seen and reached).
  for (const x of [t.x0 + 0.03, t.x1 - 0.03]) {
    for (const z of [t.z0 + 0.04, t.z1 - 0.04]) c.box([0.035, t.top - 0.035, 0.035], DARK, [x, (t.top - 0.035) / 2, z]);
    c.box([0.035, 0.035, t.z1 - t.z0 - 0.08], DARK, [x, 0.08, (t.z0 + t.z1) / 2]);
  }
  // Switch box with the servo motor under the top, right.
  c.box([0.16, 0.12, 0.16], DARK, [0.86, t.top - 0.1, -0.47]);
  // Thread stand: a pole with the cone of thread and the guide arm above it.
  c.cylinder(0.008, 0.6, STEEL, [0.98, t.top + 0.3, -0.9]);
  c.cylinder(0.035, 0.12, '#f7c948', [0.98, t.top + 0.07, -0.9], undefined, 10);
  c.box([0.25, 0.008, 0.008], STEEL, [0.87, t.top + 0.6, -0.9]);
}

function sewingHead(c: PartsBuilder) {
  const y = sewTable.top;
  // Bed, flush with the table top, with the needle plate.
  c.slab(0.3, 0.96, y, bedTop, -0.74, -0.55, MACHINE);
  c.slab(0.38, 0.47, bedTop, bedTop + 0.002, -0.67, -0.6, STEEL);
  // Pillar, arm and head.
  c.slab(0.8, 0.94, bedTop, 1.16, -0.74, -0.6, MACHINE);
  c.slab(0.4, 0.94, 1.1, 1.19, -0.72, -0.6, MACHINE);
  c.slab(0.37, 0.48, 0.98, 1.19, -0.71, -0.6, MACHINE);
  // Belt cover down to the motor, and the bobbin-winder on top.
  c.slab(0.9, 0.95, y - 0.1, bedTop, -0.7, -0.64, DARK);
  c.cylinder(0.015, 0.03, STEEL, [0.66, 1.205, -0.66]);
}

function cutterBody(c: PartsBuilder) {
  const [x, y, z] = cutter;
  // Base plate on rollers (it slides under the spread), the upright with the knife behind the guard,
  // the motor housing on top.
  c.slab(x - 0.07, x + 0.07, cutTable.top, cutTable.top + 0.01, z - 0.1, z + 0.1, STEEL);
  c.slab(x - 0.015, x + 0.015, y, y + 0.16, z - 0.05, z - 0.01, STEEL);
  c.box([0.12, 0.08, 0.16], '#3e63dd', [x, y + 0.2, z - 0.02]);
}

function fabricPanels(c: PartsBuilder) {
  const cloth = '#6f98c9';
  for (const [id, at] of Object.entries(panels)) {
    const [x, y, z] = at;
    c.box([0.16, 0.004, 0.18], cloth, [x, y, z]);
    // Its number as dots in the corner: no text needed to tell 1, 2, 3, 4 apart.
    const n = Number(id.slice(-1));
    for (let i = 0; i < n; i++) c.box([0.012, 0.002, 0.012], '#1f2933', [x - 0.065 + i * 0.018, y + 0.003, z - 0.075]);
    if (n === 1) c.cylinder(0.014, 0.002, '#0b1f33', [x + 0.02, y + 0.003, z + 0.02], undefined, 10);
    if (n === 2) {
      c.cylinder(0.025, 0.002, '#8d6e3f', [x + 0.01, y + 0.003, z + 0.02], undefined, 10);
      c.cylinder(0.015, 0.002, '#8d6e3f', [x + 0.035, y + 0.003, z + 0.035], undefined, 10);
    }
    // A weaving fault: one thread missing across the width, a light line through the weave.
    if (n === 3) c.box([0.16, 0.002, 0.005], '#c9d8ea', [x, y + 0.003, z + 0.03]);
  }
}

function bundleTrolley(c: PartsBuilder) {
  const [x, y, z] = trolley.center;
  const [w, , d] = trolley.size;
  // A bin on wheels: the bundle drops in (the zone is the bin's inside).
  const top = y - 0.1;
  c.slab(x - w / 2, x + w / 2, top - 0.02, top, z - d / 2, z + d / 2, '#f7c948');
  c.slab(x - w / 2, x + w / 2, top, top + 0.1, z - d / 2, z - d / 2 + 0.01, '#f7c948');
  c.slab(x - w / 2, x - w / 2 + 0.01, top, top + 0.1, z - d / 2, z + d / 2, '#f7c948');
  c.slab(x + w / 2 - 0.01, x + w / 2, top, top + 0.1, z - d / 2, z + d / 2, '#f7c948');
  c.slab(x - w / 2, x + w / 2, top, top + 0.06, z + d / 2 - 0.01, z + d / 2, '#f7c948');
  c.slab(x - w / 2, x + w / 2, 0.12, 0.14, z - d / 2, z + d / 2, '#f7c948');
  for (const dx of [-w / 2 + 0.01, w / 2 - 0.01]) {
    for (const dz of [-d / 2 + 0.01, d / 2 - 0.01]) c.box([0.02, top - 0.06, 0.02], DARK, [x + dx, (top + 0.06) / 2, z + dz]);
  }
  // The push handle at the front, with the work order clipped to it, tilted up to be read.
  c.box([0.02, 0.3, 0.02], DARK, [x - w / 2 + 0.01, top + 0.15, z + d / 2 + 0.01]);
  c.box([0.02, 0.3, 0.02], DARK, [x + w / 2 - 0.01, top + 0.15, z + d / 2 + 0.01]);
  c.box([0.22, 0.28, 0.01], WOOD, [workOrder[0], workOrder[1], workOrder[2] - 0.008], [-0.35, 0, 0]);
  c.box([0.2, 0.26, 0.002], '#ffffff', [workOrder[0], workOrder[1], workOrder[2] - 0.002], [-0.35, 0, 0]);
}

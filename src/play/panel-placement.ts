import { seatedLift } from '../input/comfort-settings';

type Vec3 = [number, number, number];

/**
 * Where the VR instruction panel hangs when a station's layout names no spot: left of the bench,
 * its middle at eye height (lower, its buttons sank behind a machine's guards: plastics).
 */
export const defaultPanelPosition: Vec3 = [-0.55, 1.6, -1.05];

/**
 * The panel's buttons stand in one column right of its plate, never under it (issue 21: the panel
 * as first built reached 0.71 m below its middle, down to bench height, and six stations had no
 * spot where the bench did not hide its buttons): its middle x, its width, and the middles of its
 * five rows from the top (0.12 m high buttons, 0.15 m apart; the top row beside the pointed word).
 * The same column holds the end screen's and a halted practice's buttons.
 */
export const panelButtonColumn = { x: 0.77, width: 0.4, rows: [0.36, 0.21, 0.06, -0.09, -0.24] } as const;

/** Where the column's row `i` (0 at the top) puts a button, in the panel's own space. */
export function columnAt(i: number): [number, number, number] {
  return [panelButtonColumn.x, panelButtonColumn.rows[i]!, 0];
}

/**
 * The panel's outline in its own plane (m from its middle), at its fullest: the plate (1.1 × 0.55),
 * the pointed word's strip above it (to 0.43), the column of buttons beside it (to 0.97; its lowest
 * button to −0.30), and a feedback of three lines that runs below the plate (to −0.36: the panel
 * saw's VR run drew one to −0.343). The settings panel that opens beside it on request is not counted.
 */
export const panelOutline = { left: -0.55, right: 0.97, top: 0.43, bottom: -0.36 } as const;

/** Where the trainee's eyes are over the floor at the work position: the work position's z. */
const eyesZ = 0.25;

/**
 * The eye heights over the floor the panel must be seen from, in the world: standing (1.6 m, as the
 * e2e headset stands) and seated (1.2 m, lifted by the seated view's lift), each ±0.1 m for shorter
 * and taller trainees. Seated play lifts the view, so both land near 1.6 m in the world; they are
 * named apart so a change of the lift is checked too.
 */
export const viewpoints: ReadonlyArray<{ name: string; at: Vec3 }> = [
  ...[1.5, 1.6, 1.7].map((h) => ({ name: `standing, eyes at ${h.toFixed(1)} m`, at: [0, h, eyesZ] as Vec3 })),
  ...[1.1, 1.2, 1.3].map((h) => ({ name: `seated, eyes at ${h.toFixed(1)} m`, at: [0, h + seatedLift, eyesZ] as Vec3 })),
];

/**
 * The heights (m from its middle) where the panel's drawn outline can end, whatever it shows: the
 * pointed word's strip or the call for help on top, the plate's top and bottom, the top of the
 * column's second row. The panel on show is any of these outlines, so the check in Node looks along
 * each of these lines too (the panel saw's VR run found the corner of an outline smaller than the
 * fullest hidden by a scale that the fullest outline's corners had passed under).
 */
export const panelEdgeHeights: readonly number[] = [0.43, 0.42, 0.275, 0.27, -0.275, -0.3, -0.36];

const spread = (from: number, to: number, spacing: number, lines: readonly number[]): number[] => {
  const n = Number.isFinite(spacing) ? Math.max(1, Math.ceil((to - from) / spacing)) : 2;
  const even = Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);
  return [...new Set([...even, ...lines.filter((v) => v > from && v < to)].map((v) => Number(v.toFixed(4))))].sort((a, b) => a - b);
};

/**
 * The points of a panel that must be in plain view, for an outline in its own plane around its
 * middle `at` (it faces +z, unturned): by default its four corners, the middles of its edges and its
 * middle; with a `spacing` (m), a grid over the whole outline no more than that apart, through every
 * line in `heights` too, so that a part smaller than the panel cannot hide between the points.
 */
export function panelPoints(
  at: readonly [number, number, number],
  outline: { left: number; right: number; top: number; bottom: number } = panelOutline,
  spacing = Number.POSITIVE_INFINITY,
  heights: readonly number[] = [],
): { name: string; at: Vec3 }[] {
  const xs = spread(outline.left, outline.right, Number.isFinite(spacing) ? spacing : (outline.right - outline.left) / 2, []);
  const ys = spread(outline.bottom, outline.top, Number.isFinite(spacing) ? spacing : (outline.top - outline.bottom) / 2, heights);
  const name = (v: number, low: number, high: number, lowName: string, highName: string) =>
    v === low ? lowName : v === high ? highName : Math.abs(v - (low + high) / 2) < 1e-4 ? 'middle' : null;
  return ys.flatMap((y) =>
    xs.map((x) => {
      const yn = name(y, outline.bottom, outline.top, 'bottom', 'top');
      const xn = name(x, outline.left, outline.right, 'left', 'right');
      const named = yn === 'middle' && xn === 'middle' ? 'middle' : yn && xn ? `${yn} ${xn}` : `point ${x.toFixed(2)} m across, ${y.toFixed(2)} m up from its middle`;
      return { name: named, at: [at[0] + x, at[1] + y, at[2]] as Vec3 };
    }),
  );
}

/**
 * Whether the panel, hanging unturned at `at`, stands between the eyes and a point (a part the
 * trainee must see or reach): the line from the eyes crosses the panel's plane inside its outline.
 */
export function panelHides(at: readonly [number, number, number], eyes: readonly [number, number, number], point: readonly [number, number, number], outline: { left: number; right: number; top: number; bottom: number } = panelOutline): boolean {
  const [ex, ey, ez] = eyes;
  const [px, py, pz] = point;
  // The panel's plane must lie between the eyes and the point.
  if (!((pz < at[2] && at[2] < ez) || (ez < at[2] && at[2] < pz))) return false;
  const t = (at[2] - ez) / (pz - ez);
  const x = ex + t * (px - ex) - at[0];
  const y = ey + t * (py - ey) - at[1];
  return x >= outline.left && x <= outline.right && y >= outline.bottom && y <= outline.top;
}

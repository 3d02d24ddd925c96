import type { StaticPart } from '../static-parts';

export type Vec3 = readonly [number, number, number];

// Plain data, no three.js: station files use these at module level, and the front door re-exports
// them without pulling the kit's geometry code into every station's first frame.

/** A box of `size` centred at `at` (part space), in `color`. */
export const box = (size: Vec3, at: Vec3, color: string, rotation?: Vec3): StaticPart => ({ box: [...size], position: [...at], color, ...(rotation ? { rotation: [...rotation] } : {}) });
/** A cylinder (radius, height) standing on y at `at`; `rotation` lays it down. */
export const cylinder = (radius: number, height: number, at: Vec3, color: string, rotation?: Vec3, segments = 16, radiusBottom = radius): StaticPart => ({
  cylinder: [radius, radiusBottom, height, segments],
  position: [...at],
  color,
  ...(rotation ? { rotation: [...rotation] } : {}),
});

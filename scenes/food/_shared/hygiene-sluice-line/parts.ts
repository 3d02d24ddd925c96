import type { StaticPart } from '../../../../src/world';

/** Readable shorthands for the parts of the food station (merged by StaticParts or a PartsBatch). */
type V3 = readonly [number, number, number];

/** A box: width, height, depth at a point, turned about its own centre. */
export const box = (size: V3, at: V3, color: string, rotation?: V3): StaticPart => ({
  box: [...size],
  position: [...at],
  color,
  ...(rotation ? { rotation: [...rotation] } : {}),
});

/** An upright cylinder (radius, height) with few segments, turned about its own centre. */
export const cylinder = (radius: number, height: number, at: V3, color: string, rotation?: V3, segments = 12): StaticPart => ({
  cylinder: [radius, radius, height, segments],
  position: [...at],
  color,
  ...(rotation ? { rotation: [...rotation] } : {}),
});

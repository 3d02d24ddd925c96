import { createStore } from 'zustand/vanilla';

/**
 * Where the next thing to do is when it is out of view (issue 21): the play layer measures it every
 * frame and writes here only when the answer changes (a 15° step); the overlay draws the arrow on a
 * computer, the play layer an arrow at the edge of the view in a headset.
 */
export interface NextCue {
  /** The next step's object is outside the view (or behind the trainee). */
  shown: boolean;
  /** The way to turn, as an angle on the screen: 0 = right, 90 = up, 180 = left, -90 = down (degrees). */
  angle: number;
}

export const nextCue = createStore<NextCue>()(() => ({ shown: false, angle: 0 }));

/** Inside this part of the view (normalised device coordinates, -1…1) the object counts as seen. */
export const SEEN = 0.85;
/** The arrow turns in steps of this many degrees: it is redrawn only when it moves that much. */
export const CUE_STEP = 15;

/**
 * The cue for an object, from where it lies in the viewer's own space (x right, y up, looking down
 * -z) and where it is drawn in the view (device coordinates). Pure: the same for a screen's camera
 * and a headset's. The way to turn is the object's direction on the plane of the view, so behind
 * the viewer it still points the short way round.
 */
export function cueFrom(view: { x: number; y: number; z: number }, drawn: { x: number; y: number }): NextCue {
  const behind = view.z > 0;
  const shown = behind || Math.abs(drawn.x) > SEEN || Math.abs(drawn.y) > SEEN;
  if (!shown) return { shown: false, angle: 0 };
  // Straight behind (on the view's axis): any way round is as short; turn right.
  if (view.x === 0 && view.y === 0) return { shown, angle: 0 };
  const angle = Math.round((Math.atan2(view.y, view.x) * 180) / Math.PI / CUE_STEP) * CUE_STEP;
  return { shown, angle: angle === -180 ? 180 : angle };
}

import { createStore } from 'zustand/vanilla';

/**
 * Where the next thing to do is when it is out of view (issue 21): the play layer measures it every
 * frame and writes here only when the answer changes (a 15° step), the overlay draws the arrow.
 */
export interface NextCue {
  /** The next step's object is outside the view (or behind the trainee). */
  shown: boolean;
  /** The way to turn, as an angle on the screen: 0 = right, 90 = up, 180 = left, -90 = down (degrees). */
  angle: number;
}

export const nextCue = createStore<NextCue>()(() => ({ shown: false, angle: 0 }));

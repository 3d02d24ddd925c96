/**
 * How a headset's poses go live while a trainer watches it in 3D (issue 28). Apart from the
 * message's schema (src/shared/live-progress.ts) so the headset's sender reads them without zod.
 */
/** Samples a second in a live message: enough to see where someone stands and looks, a tenth of a record's bytes. */
export const livePoseHz = 5;
/** How far back a live message's poses reach (ms): each message says the last second again, so a dropped one loses nothing lasting. */
export const livePoseWindowMs = 1200;
/** At most this many samples in one message (the window at the rate, and slack). */
export const maxLivePoseSamples = 12;
/** Base64 of `maxLivePoseSamples` deflated samples fits well inside this. */
export const maxLivePoseChars = 2000;

import type { PoseSample } from '../engine/pose-sample';

/** The trainee's own eyes (the camera at the recorded head) or a view of trainee and station from the side. */
export type ReplayViewpoint = 'trainee' | 'side';

/**
 * What the markers are drawn from, per frame: a recorded session's playback (replay-store) or a
 * running one's poses as they arrive (live-store).
 */
export interface PoseSource {
  /** Called every drawn frame with the viewer's time passed since the last. */
  frame(elapsedMs: number): void;
  /** The moment shown (ms from the attempt's start). */
  t(): number;
  poses(): readonly PoseSample[];
  viewpoint(): ReplayViewpoint;
}

/**
 * A session's poses as samples (src/engine/pose-codec.ts packs them for the wire). Apart from the
 * codec so the engine's front door can offer them without its deflate code: the bundler kept
 * fflate's tables in the app's first chunk when the codec was re-exported there.
 */
export const poseTracks = ['head', 'left', 'right'] as const;
export type PoseTrack = (typeof poseTracks)[number];

/** Metres (x right, y up, z towards the trainee, as layout.json) and a unit quaternion. */
export interface Pose {
  p: readonly [number, number, number];
  q: readonly [number, number, number, number];
}

/** One moment: each track's pose, or null when it was not tracked (desktop has no hands). */
export interface PoseSample {
  t: number;
  head: Pose | null;
  left: Pose | null;
  right: Pose | null;
}

/** The pose of a track at time t: the sample before it, eased to the next (a replay's view). */
export function poseAt(samples: readonly PoseSample[], track: PoseTrack, t: number): Pose | null {
  // Binary search: the last sample at or before t.
  let lo = 0;
  let hi = samples.length - 1;
  if (hi < 0 || samples[0]!.t > t) return null;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (samples[mid]!.t <= t) lo = mid;
    else hi = mid - 1;
  }
  const a = samples[lo]!;
  const b = samples[lo + 1];
  const pa = a[track];
  if (!pa) return null;
  const pb = b?.[track];
  if (!b || !pb || b.t === a.t) return pa;
  const k = (t - a.t) / (b.t - a.t);
  const mix = (x: number, y: number) => x + (y - x) * k;
  // Quaternions 0.1 s apart: a normalised linear blend is indistinguishable from slerp.
  const dot = pa.q[0] * pb.q[0] + pa.q[1] * pb.q[1] + pa.q[2] * pb.q[2] + pa.q[3] * pb.q[3];
  const s = dot < 0 ? -1 : 1;
  const q = [0, 1, 2, 3].map((i) => mix(pa.q[i]!, pb.q[i]! * s));
  const len = Math.hypot(...q) || 1;
  return { p: [mix(pa.p[0], pb.p[0]), mix(pa.p[1], pb.p[1]), mix(pa.p[2], pb.p[2])], q: [q[0]! / len, q[1]! / len, q[2]! / len, q[3]! / len] };
}

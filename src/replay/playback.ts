import { nextMistakeAfter, type ReplayMark, type ReplayTimeline } from '../engine/replay-view';

/** How fast the replay runs: the trainee's own pace, or faster through the quiet parts. */
export const replaySpeeds = [1, 2, 4] as const;
export type ReplaySpeed = (typeof replaySpeeds)[number];

/** Where the replay stands: the moment shown (ms from the session's start), running or not, and how fast. */
export interface Playback {
  t: number;
  playing: boolean;
  speed: ReplaySpeed;
  durationMs: number;
}

export const startPlayback = (durationMs: number, t = 0): Playback => ({ t: clamp(t, durationMs), playing: false, speed: 1, durationMs });

const clamp = (t: number, durationMs: number) => Math.min(Math.max(0, t), durationMs);

/** `elapsedMs` of the viewer's time has passed: the replay moves on by it times the speed, and stops at the end. */
export function advance(p: Playback, elapsedMs: number): Playback {
  if (!p.playing || elapsedMs <= 0) return p;
  const t = clamp(p.t + elapsedMs * p.speed, p.durationMs);
  return { ...p, t, playing: t < p.durationMs };
}

export function seek(p: Playback, t: number): Playback {
  return { ...p, t: clamp(t, p.durationMs) };
}

/** Play from the start again once at the end; pause otherwise. */
export function togglePlay(p: Playback): Playback {
  if (p.playing) return { ...p, playing: false };
  return { ...p, playing: true, t: p.t >= p.durationMs ? 0 : p.t };
}

/** 1× → 2× → 4× → 1×. */
export function faster(p: Playback): Playback {
  const i = replaySpeeds.indexOf(p.speed);
  return { ...p, speed: replaySpeeds[(i + 1) % replaySpeeds.length]! };
}

/** To the next mistake or rule broken after the moment shown, paused there so it can be looked at; unchanged when none is left. */
export function toNextMistake(p: Playback, timeline: ReplayTimeline): Playback {
  const at = nextMistakeAfter(timeline, p.t);
  return at === null ? p : { ...p, t: at, playing: false };
}

/**
 * The timeline's current mark: the last one at or before `t`. Of several at the same moment a mistake
 * or a rule broken comes first — it is what a debrief stops at.
 */
export function currentMarkIndex(marks: readonly ReplayMark[], t: number): number | null {
  let last = -1;
  for (let i = 0; i < marks.length && marks[i]!.t <= t; i++) last = i;
  if (last < 0) return null;
  const at = marks[last]!.t;
  for (let i = last; i >= 0 && marks[i]!.t === at; i--) if (marks[i]!.kind === 'mistake' || marks[i]!.kind === 'violation') return i;
  return last;
}

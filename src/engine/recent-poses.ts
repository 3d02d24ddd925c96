import type { PoseSample } from './pose-sample';

/**
 * The samples of the last `windowMs` (by the newest sample's time), at most about `hz` a second:
 * what a headset sends live while a trainer watches it in 3D. Not in the engine's front door (only
 * the pose recorder's late chunk needs it).
 */
export function recentSamples(list: readonly PoseSample[], windowMs: number, hz: number): PoseSample[] {
  const newest = list[list.length - 1];
  if (!newest) return [];
  const out: PoseSample[] = [];
  const gap = 1000 / hz;
  // From the newest back: the newest is always sent (it is where the trainee is now).
  for (let i = list.length - 1; i >= 0 && newest.t - list[i]!.t <= windowMs; i--) {
    const s = list[i]!;
    if (out.length === 0 || out[out.length - 1]!.t - s.t >= gap - 1) out.push(s);
  }
  return out.reverse();
}

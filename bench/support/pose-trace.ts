import type { Pose, PoseSample } from '../../src/engine/pose-codec';

/** A small seeded generator (mulberry32): the same trace on every run, so the figure is comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function yawPitch(yaw: number, pitch: number): Pose['q'] {
  // yaw about y, then pitch about x (a head looking around).
  const cy = Math.cos(yaw / 2), sy = Math.sin(yaw / 2), cp = Math.cos(pitch / 2), sp = Math.sin(pitch / 2);
  return [cy * sp, sy * cp, -sy * sp, cy * cp];
}

/**
 * A trainee at a workstation, sampled at `hz`: the head sways a few centimetres, turns between the
 * machine and the work order every few seconds and tracks the hands; each hand rests, then reaches
 * for a part (0.3–0.6 m, about a second) and works there, with a tracker's millimetre jitter. A
 * model, not a recording: `npm run bench` states it as such.
 */
export function workstationTrace(minutes: number, hz = 10, seed = 28): PoseSample[] {
  const rnd = random(seed);
  const jitter = (mm: number) => (rnd() - 0.5) * 2 * mm * 0.001;
  const samples: PoseSample[] = [];
  const n = Math.round(minutes * 60 * hz);
  let yaw = 0, pitch = -0.3, yawGoal = 0, pitchGoal = -0.3;
  const hands = [
    { rest: [-0.2, 1.0, -0.3], at: [-0.2, 1.0, -0.3], goal: [-0.2, 1.0, -0.3], roll: 0 },
    { rest: [0.2, 1.0, -0.3], at: [0.2, 1.0, -0.3], goal: [0.2, 1.0, -0.3], roll: 0 },
  ];
  let body = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const t = Math.round((i * 1000) / hz + rnd() * 8);
    if (rnd() < 0.3 / hz) { yawGoal = (rnd() - 0.5) * 1.6; pitchGoal = -0.2 - rnd() * 0.5; }
    if (rnd() < 0.05 / hz) body = [(rnd() - 0.5) * 0.8, 0, (rnd() - 0.5) * 0.4];
    yaw += (yawGoal - yaw) * 0.25;
    pitch += (pitchGoal - pitch) * 0.25;
    for (const h of hands) {
      if (rnd() < 0.4 / hz) h.goal = rnd() < 0.4 ? [...h.rest] : [h.rest[0]! + (rnd() - 0.5) * 0.6, 0.9 + rnd() * 0.6, -0.3 - rnd() * 0.5];
      for (let k = 0; k < 3; k++) h.at[k]! += (h.goal[k]! + body[k]! - h.at[k]!) * 0.3;
      h.roll += (rnd() - 0.5) * 0.1;
    }
    const sway = [Math.sin(i / (hz * 3)) * 0.02 + body[0]!, 1.65 + Math.sin(i / (hz * 5)) * 0.01, Math.cos(i / (hz * 4)) * 0.015 + body[2]!];
    const hand = (h: (typeof hands)[number]): Pose => ({ p: [h.at[0]! + jitter(1), h.at[1]! + jitter(1), h.at[2]! + jitter(1)], q: yawPitch(h.roll, -0.6 + h.roll * 0.5) });
    samples.push({
      t,
      head: { p: [sway[0]! + jitter(0.5), sway[1]! + jitter(0.5), sway[2]! + jitter(0.5)], q: yawPitch(yaw + jitter(2), pitch + jitter(2)) },
      left: hand(hands[0]!),
      right: hand(hands[1]!),
    });
  }
  return samples;
}

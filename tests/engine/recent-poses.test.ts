import { describe, expect, test } from 'vitest';
import type { PoseSample } from '../../src/engine/pose-sample';
import { recentSamples } from '../../src/engine/recent-poses';

/** Samples at 10 a second (as the recorder takes them), the head moving 1 cm each. */
const recorded: PoseSample[] = Array.from({ length: 40 }, (_, i) => ({ t: i * 100, head: { p: [i / 100, 1.6, 0.3], q: [0, 0, 0, 1] }, left: null, right: null }));

describe('recent poses (what a watched headset sends live)', () => {
  test('the last 1.2 s at 5 a second, the newest always in, times rising', () => {
    const recent = recentSamples(recorded, 1200, 5);
    expect(recent.map((s) => s.t)).toEqual([2700, 2900, 3100, 3300, 3500, 3700, 3900]);
    expect(recent.at(-1)).toBe(recorded.at(-1));
  });

  test('nothing recorded: nothing to send; fewer samples than the window: all of them at the rate', () => {
    expect(recentSamples([], 1200, 5)).toEqual([]);
    expect(recentSamples(recorded.slice(0, 3), 1200, 5).map((s) => s.t)).toEqual([0, 200]);
  });
});

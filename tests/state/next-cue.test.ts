import { describe, expect, test } from 'vitest';
import { cueFrom, SEEN } from '../../src/state/next-cue';

describe('the cue to the next thing to do (pure, for a screen and a headset alike)', () => {
  test('in view: no cue', () => {
    expect(cueFrom({ x: 0.1, y: 0, z: -1 }, { x: 0.2, y: 0.1 })).toEqual({ shown: false, angle: 0 });
    expect(cueFrom({ x: 1, y: 0, z: -1 }, { x: SEEN - 0.01, y: -(SEEN - 0.01) }).shown).toBe(false);
  });

  test('beside or above the view: the way to it on the view plane, in 15° steps', () => {
    expect(cueFrom({ x: -3, y: 0, z: -1 }, { x: -2.5, y: 0 })).toEqual({ shown: true, angle: 180 });
    expect(cueFrom({ x: 3, y: 0.2, z: -1 }, { x: 2.5, y: 0.1 })).toEqual({ shown: true, angle: 0 });
    expect(cueFrom({ x: 0, y: -2, z: -1 }, { x: 0, y: -1.6 })).toEqual({ shown: true, angle: -90 });
    expect(cueFrom({ x: 1, y: 1, z: -0.5 }, { x: 1.2, y: 1.9 })).toEqual({ shown: true, angle: 45 });
    // 40° rounds to 45, 37° to 30: never more than 7.5° off the true way.
    expect(cueFrom({ x: Math.cos((37 * Math.PI) / 180), y: Math.sin((37 * Math.PI) / 180), z: -0.1 }, { x: 5, y: 4 }).angle).toBe(30);
  });

  test('behind the viewer: always shown, pointing the short way round (not mirrored by the projection)', () => {
    // Behind and to the left: turn left, whatever the projection says (it mirrors behind the eye).
    expect(cueFrom({ x: -1, y: 0, z: 2 }, { x: 0.3, y: 0 })).toEqual({ shown: true, angle: 180 });
    expect(cueFrom({ x: 0.5, y: -0.5, z: 2 }, { x: -0.1, y: 0.1 })).toEqual({ shown: true, angle: -45 });
    expect(cueFrom({ x: 0, y: 0, z: 2 }, { x: 0, y: 0 })).toEqual({ shown: true, angle: 0 });
  });

  test('-180 and 180 are one way: the store is not rewritten for the same arrow', () => {
    expect(cueFrom({ x: -1, y: -0.0001, z: -0.1 }, { x: -3, y: 0 }).angle).toBe(180);
  });
});

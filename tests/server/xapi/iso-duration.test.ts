import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isoDuration } from '../../../src/server/xapi/iso-duration';

/** Reads a duration back in ms, to check the text against the number it came from. */
function backToMs(d: string): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?$/.exec(d);
  if (!m) throw new Error(`not an ISO 8601 duration of the expected shape: ${d}`);
  return Number(m[1] ?? 0) * 3_600_000 + Number(m[2] ?? 0) * 60_000 + Math.round(Number(m[3] ?? 0) * 1000);
}

describe('isoDuration', () => {
  test.each([
    [0, 'PT0S'],
    [-5, 'PT0S'],
    [Number.NaN, 'PT0S'],
    [4, 'PT0S'],
    [5, 'PT0.01S'],
    [6000, 'PT6S'],
    [65_250, 'PT1M5.25S'],
    [59_994, 'PT59.99S'],
    [59_995, 'PT1M'],
    [119_996, 'PT2M'],
    [119_994, 'PT1M59.99S'],
    [3_599_996, 'PT1H'],
    [3_600_000, 'PT1H'],
    [3_660_000, 'PT1H1M'],
    [3_601_500, 'PT1H1.5S'],
    [86_400_000, 'PT24H'],
  ])('%d ms is %s', (ms, text) => {
    expect(isoDuration(ms)).toBe(text);
  });

  test('never rolls over: seconds stay below 60 and minutes below 60, and the text is the ms to the hundredth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 * 3_600_000 }), (ms) => {
        const d = isoDuration(ms);
        const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(d)!;
        expect(Number(m[2] ?? 0)).toBeLessThan(60);
        expect(Number(m[3] ?? 0)).toBeLessThan(60);
        expect(Math.abs(backToMs(d) - ms)).toBeLessThanOrEqual(5);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { maxJsonNesting, nestingBeyond } from '../../../src/server/http/json-nesting';

/** The true nesting depth of a parsed value, to compare the text scan against. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((max, v) => Math.max(max, depthOf(v)), 0);
}

describe('nestingBeyond', () => {
  test("issue 18's body (1.8 MB of [ then ]) is refused at its 33rd character: the scan reads 33 of 1,800,000", () => {
    const bomb = '['.repeat(900_000) + ']'.repeat(900_000);
    expect(nestingBeyond(bomb)).toBe(maxJsonNesting);
  });

  test('brackets inside strings, escaped quotes and backslashes do not count', () => {
    const text = JSON.stringify({ a: '[[[[{{{{"\\', b: ['\\"[['.repeat(50)] });
    expect(nestingBeyond(text, 2)).toBe(-1);
    expect(nestingBeyond(text, 1)).toBeGreaterThan(0);
  });

  test('any JSON value: refused exactly when it nests deeper than the limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(nestingBeyond(text, max) >= 0).toBe(depthOf(value) > max);
      }),
      { numRuns: 2000 },
    );
  });
});

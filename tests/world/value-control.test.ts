import { describe, expect, test } from 'vitest';
import { valueAt } from '../../src/world/value-control';

describe('valueAt: where the knob is on the scale, as the number the trainee reads', () => {
  test('snaps to the step and stays within the scale', () => {
    expect(valueAt(0, 0, 10, 0.5)).toBe(0);
    expect(valueAt(0.31, 0, 10, 0.5)).toBe(3);
    expect(valueAt(0.33, 0, 10, 0.5)).toBe(3.5);
    expect(valueAt(1.4, 0, 10, 0.5)).toBe(10);
    expect(valueAt(-0.2, 0, 10, 0.5)).toBe(0);
  });
  test('decimal steps give clean numbers (no 0.30000000000000004 on the reading)', () => {
    expect(valueAt(0.3, 0, 1, 0.1)).toBe(0.3);
    expect(valueAt(0.5, 600, 620, 1)).toBe(610);
  });
});

import { describe, expect, test } from 'vitest';
import { maxDelayMs, parseRetryAfter, retryDelay } from '../../src/results/backoff';

describe('retry delay', () => {
  test('doubles per failure up to the cap, with full jitter below the ceiling', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, () => 1))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelay(40, () => 1)).toBe(maxDelayMs);
    expect(retryDelay(5, () => 0.5)).toBe(16000);
    // A jitter of 0 still waits a second: never a busy loop.
    expect(retryDelay(3, () => 0)).toBe(1000);
  });

  test('Retry-After is a floor, but a silly one is capped at an hour', () => {
    expect(retryDelay(1, () => 1, 30_000)).toBe(30_000);
    expect(retryDelay(10, () => 1, 5_000)).toBe(512_000 > maxDelayMs ? maxDelayMs : 512_000);
    expect(retryDelay(1, () => 1, 10 * 3600_000)).toBe(3600_000);
  });

  test('Retry-After is read as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-26T09:00:00Z');
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { idleWorkWaitsFor, whenIdle } from '../../src/results/when-idle';

/** A moment that comes when the test says (a station's first frame). */
function moment() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('whenIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('runs after the delay when nothing is chosen, and not when cancelled first', async () => {
    const ran = vi.fn();
    whenIdle(ran, 1_500);
    await vi.advanceTimersByTimeAsync(1_499);
    expect(ran).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toHaveBeenCalledTimes(1);
    const cancelled = vi.fn();
    whenIdle(cancelled, 1_500)();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cancelled).not.toHaveBeenCalled();
  });

  test('once a station is chosen, idle work waits for its first frame, however long that takes', async () => {
    const frame = moment();
    const ran = vi.fn();
    whenIdle(ran, 1_500);
    idleWorkWaitsFor(frame.promise);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ran).not.toHaveBeenCalled();
    frame.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toHaveBeenCalledTimes(1);
    // Drawn once: later idle work runs after its delay again.
    const later = vi.fn();
    whenIdle(later, 1_500);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(later).toHaveBeenCalledTimes(1);
  });

  test('work cancelled while it waits for the frame (the start screen left) never runs', async () => {
    const frame = moment();
    idleWorkWaitsFor(frame.promise);
    const ran = vi.fn();
    const cancel = whenIdle(ran, 1_500);
    await vi.advanceTimersByTimeAsync(2_000);
    cancel();
    frame.resolve();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ran).not.toHaveBeenCalled();
  });

  test('a station chosen again while the work waits: it waits for the newer frame too', async () => {
    const first = moment();
    const second = moment();
    idleWorkWaitsFor(first.promise);
    const ran = vi.fn();
    whenIdle(ran, 0);
    await vi.advanceTimersByTimeAsync(10);
    idleWorkWaitsFor(second.promise);
    first.resolve();
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).not.toHaveBeenCalled();
    second.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toHaveBeenCalledTimes(1);
  });
});

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { installFrameGate, trickleMs } from '../../src/play/frame-gate';

/** A window whose frames come when the test says: `frame()` runs what was asked of the browser's own requestAnimationFrame. */
function fakeWindow() {
  let next = 1;
  const asked = new Map<number, FrameRequestCallback>();
  const win = {
    requestAnimationFrame: (cb: FrameRequestCallback) => {
      asked.set(next, cb);
      return next++;
    },
    cancelAnimationFrame: (id: number) => void asked.delete(id),
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
  };
  return {
    win: win as unknown as Window & typeof globalThis,
    /** One frame of the browser: runs every callback asked for before it. */
    frame() {
      const due = [...asked.values()];
      asked.clear();
      for (const cb of due) cb(performance.now());
      return due.length;
    },
    waiting: () => asked.size,
  };
}

/** A page's frame loop (the canvas's, the headset's): asks for the next frame from each one. */
function loop(win: Window) {
  let drawn = 0;
  const draw = () => {
    drawn += 1;
    win.requestAnimationFrame(draw);
  };
  win.requestAnimationFrame(draw);
  return () => drawn;
}

describe('frame gate (test build: frames only when the driver asks)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('open, the page draws every frame as it always does', () => {
    const w = fakeWindow();
    installFrameGate(w.win);
    const drawn = loop(w.win);
    for (let i = 0; i < 5; i++) w.frame();
    expect(drawn()).toBe(5);
  });

  test('closed, a frame loop waits for frames asked for and draws exactly those', () => {
    const w = fakeWindow();
    const gate = installFrameGate(w.win);
    const drawn = loop(w.win);
    w.frame();
    gate.close();
    w.frame(); // the loop's request made while open is the browser's: it runs once more, then is held
    const before = drawn();
    for (let i = 0; i < 5; i++) w.frame();
    expect(drawn()).toBe(before);
    gate.request(3);
    for (let i = 0; i < 10; i++) w.frame();
    expect(drawn()).toBe(before + 3);
    expect(gate.counts()).toEqual({ requested: 3, trickled: 0 });
  });

  test('asking again before the frames came asks for at least as many, not more (polls ask every few ms)', () => {
    const w = fakeWindow();
    const gate = installFrameGate(w.win);
    gate.close();
    const drawn = loop(w.win);
    gate.request(1);
    gate.request(1);
    gate.request(2);
    for (let i = 0; i < 10; i++) w.frame();
    expect(drawn()).toBe(2);
  });

  test('a wait that did not ask still gets a frame after the trickle time, counted apart', () => {
    const w = fakeWindow();
    const gate = installFrameGate(w.win);
    gate.close();
    const drawn = loop(w.win);
    w.frame();
    expect(drawn()).toBe(0);
    vi.advanceTimersByTime(trickleMs * 2);
    w.frame();
    expect(drawn()).toBe(1);
    expect(gate.counts().trickled).toBe(1);
  });

  test('a held frame cancelled is never run; opening the gate hands what waits back to the browser', () => {
    const w = fakeWindow();
    const gate = installFrameGate(w.win);
    gate.close();
    const cancelled = vi.fn();
    const id = w.win.requestAnimationFrame(cancelled);
    expect(id).toBeLessThan(0);
    w.win.cancelAnimationFrame(id);
    const drawn = loop(w.win);
    gate.open();
    expect(w.waiting()).toBe(1);
    w.frame();
    w.frame();
    expect(drawn()).toBe(2);
    expect(cancelled).not.toHaveBeenCalled();
  });

  test('frames are asked for as a whole number', () => {
    const gate = installFrameGate(fakeWindow().win);
    expect(() => gate.request(-1)).toThrow(/whole number ≥ 0, not -1/);
    expect(() => gate.request(1.5)).toThrow(/not 1.5/);
  });
});

/**
 * The test build's frame gate (issue 20): while closed, the page draws a frame only when the e2e
 * driver asks for one, instead of drawing all the time.
 *
 * Why: SwiftShader draws on the CPU, and in the tests every frame costs tens of CPU-ms (measured on
 * the lockout desktop frame: ~28 CPU-ms with nothing drawn, ~42 at the play render scale; an XR frame
 * of 80 draw calls about as much as a desktop one of 8). A page that draws continuously keeps its main thread busy, so each of the driver's
 * round trips (find a part, move the mouse, read the events) waits for a frame: a press cost ~12
 * frames of which it needs ~5. Gated, the round trips between frames cost nothing.
 *
 * How: every `requestAnimationFrame` of the page (the canvas's own loop, the emulated headset's frame
 * loop, any other) is held and released with the next frame the driver asks for. A frame nobody asked
 * for still comes when none came for `trickleMs`: a wait the driver did not mark still ends, slowly,
 * and is counted (`trickled`), so it can be found and marked.
 */
export interface FrameGate {
  /** Closed: frames only on request (and the trickle); open: the page draws as it always does. */
  close(): void;
  open(): void;
  /** At least `n` more frames (a wait that needs the page to move on). */
  request(n: number): void;
  /** Frames released on request and by the trickle since the gate was made. */
  counts(): { requested: number; trickled: number };
}

/** The longest the page waits for a frame while closed: a wait nobody marked ends slowly, not never. */
export const trickleMs = 100;

/** Installs the gate on a window (open until closed). Only the test build's driver probe makes one. */
export function installFrameGate(win: Window & typeof globalThis): FrameGate {
  const realRequest = win.requestAnimationFrame.bind(win);
  const realCancel = win.cancelAnimationFrame.bind(win);
  let closed = false;
  let credit = 0;
  // Held callbacks get negative ids: they never collide with the browser's (positive) ones.
  let lastId = 0;
  const held = new Map<number, FrameRequestCallback>();
  let tick: number | null = null;
  let lastFrame = performance.now();
  let requested = 0;
  let trickled = 0;

  const release = (trickle: boolean) => {
    if (tick !== null || held.size === 0) return;
    tick = realRequest((time) => {
      tick = null;
      lastFrame = performance.now();
      if (trickle) trickled += 1;
      else requested += 1;
      credit = Math.max(0, credit - 1);
      const due = [...held.values()];
      held.clear();
      for (const callback of due) callback(time);
      if (credit > 0) release(false);
    });
  };

  win.requestAnimationFrame = (callback) => {
    if (!closed) return realRequest(callback);
    lastId -= 1;
    held.set(lastId, callback);
    if (credit > 0) release(false);
    return lastId;
  };
  win.cancelAnimationFrame = (id) => {
    if (id < 0) held.delete(id);
    else realCancel(id);
  };
  win.setInterval(() => {
    if (closed && performance.now() - lastFrame > trickleMs) release(true);
  }, trickleMs / 2);

  return {
    close() {
      closed = true;
      credit = 0;
    },
    open() {
      closed = false;
      credit = 0;
      // Whatever waits for a frame gets the next real one.
      const due = [...held.values()];
      held.clear();
      for (const callback of due) realRequest(callback);
    },
    request(n) {
      if (!Number.isInteger(n) || n < 0) throw new Error(`frames are asked for as a whole number ≥ 0, not ${n}`);
      credit = Math.max(credit, n);
      if (closed && credit > 0) release(false);
    },
    counts: () => ({ requested, trickled }),
  };
}

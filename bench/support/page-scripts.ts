// Scripts the render bench puts into the app's pages: init scripts (before any of the page's own)
// and the bare render loop. Each runs inside the browser, so each is self-contained.
import type { RootState } from '@react-three/fiber';

/**
 * tsx compiles the bench with esbuild's keepNames: a function declared inside a page function comes
 * out wrapped in `__name(...)`, which the page does not have, so that page function throws (the
 * commit counter did, silently, until this shim: every "0 commits" before it was the hook missing).
 */
export const nameShim = 'globalThis.__name ??= (fn) => fn;';

export interface LoadMarks {
  /** performance.now() at the first frame with the start screen's station buttons (navigation → start screen ready). */
  startScreenMs: number | null;
  /** performance.now() of the click on "play on this computer" or "enter VR". */
  playClickMs: number | null;
}

/**
 * Counts React commits in every root (the DOM app and the three.js scene) through the hook React
 * calls on each commit, also in production builds.
 */
export function commitCounter(): void {
  const w = window as unknown as { __commits: number; __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown };
  w.__commits = 0;
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onCommitFiberRoot: () => void (w.__commits += 1),
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    checkDCE: () => {},
  };
}

/**
 * The app's own load time without the bench's clicks: when the station buttons are first in a
 * frame (a MutationObserver until they appear, then the next animation frame), and when the play
 * click arrives (capture phase on window: before React's handler on the root sees it).
 */
export function loadMarks(): void {
  if (location.pathname.startsWith('/naive-r3f/')) return;
  const marks: LoadMarks = { startScreenMs: null, playClickMs: null };
  (window as unknown as { __load: LoadMarks }).__load = marks;
  const seen = new MutationObserver(() => {
    if (document.querySelector('[data-station]') === null) return;
    seen.disconnect();
    requestAnimationFrame(() => (marks.startScreenMs = performance.now()));
  });
  seen.observe(document, { childList: true, subtree: true });
  addEventListener(
    'click',
    (e) => {
      if (e.target instanceof Element && e.target.closest('[data-action="play-desktop"], [data-action="enter-vr"]')) marks.playClickMs ??= performance.now();
    },
    true,
  );
}

/**
 * The bare baseline in the app's own page: R3F's loop stops (frameloop "never": no useFrame, no
 * R3F or app per-frame work) and a plain requestAnimationFrame loop draws the very same scene with
 * the same renderer and camera. `stop` hands the frames back to R3F.
 */
export function bareLoop(command: 'start' | 'stop'): void {
  const w = window as unknown as { __werkvloer: { three(): RootState }; __bench?: { frames: number; running: boolean } };
  const state = w.__werkvloer.three();
  if (command === 'stop') {
    if (w.__bench) w.__bench.running = false;
    state.setFrameloop('always');
    return;
  }
  state.setFrameloop('never');
  const bench = (w.__bench = { frames: 0, running: true });
  const { gl, scene, camera } = state;
  const tick = () => {
    if (!bench.running) return;
    gl.render(scene, camera);
    bench.frames += 1;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

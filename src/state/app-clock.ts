/**
 * The time the app plays in: wall-clock time, plus — in the e2e build only — time a test has let pass
 * at once. `vite build --mode e2e` (scripts/test.mjs, into dist/e2e) installs
 * `window.__werkvloerClock.advance(ms)`, so a 45-second wash or a blade's run-down costs a test no
 * 45 seconds; every other build defines `__WERKVLOER_TEST_CLOCK__` false (vite.config.ts), the
 * branch below is dead code and the bundler drops it: no production build can be sped up. Session events,
 * machine displays and hold bars all read this one clock, so they agree.
 */
let skipped = 0;

export const appClock = {
  now: (): number => Date.now() + skipped,
};

declare global {
  /** True in the e2e build only (vite.config.ts `define`); the bundler drops the branch elsewhere. */
  const __WERKVLOER_TEST_CLOCK__: boolean;
  interface Window {
    __werkvloerClock?: { advance(ms: number): void; skipped(): number };
  }
}

if (__WERKVLOER_TEST_CLOCK__ && typeof window !== 'undefined') {
  window.__werkvloerClock = {
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance takes a duration in ms ≥ 0, not ${ms}`);
      skipped += ms;
    },
    skipped: () => skipped,
  };
}

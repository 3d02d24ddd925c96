let notBefore: Promise<void> | null = null;

/**
 * From now on, idle work also waits for `moment` (app.tsx: a chosen station's first frame). A trainee
 * who picks a station is about to load it; the outbox or the service worker starting meanwhile would
 * compete with the station for the download and count against its first frame's budget.
 */
export function idleWorkWaitsFor(moment: Promise<void>): void {
  notBefore = moment;
  void moment.then(() => {
    if (notBefore === moment) notBefore = null;
  });
}

/**
 * Runs `fn` once the page has been quiet for a while: after `delayMs`, at the browser's next idle
 * moment, and not before the moment idle work waits for (above). Work the trainee does not wait for
 * (the outbox check, the service worker) starts this way on the start screen, so a trainee who goes
 * straight into a station does not load it before the first frame. Returns a cancel function (the
 * start screen left before it ran).
 */
export function whenIdle(fn: () => void, delayMs = 1_500): () => void {
  let idle: number | null = null;
  let cancelled = false;
  const run = () => {
    if (cancelled) return;
    const gate = notBefore;
    // A gate set while this waited (another station chosen) is waited for too.
    if (gate) void gate.then(run);
    else fn();
  };
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 2_000 });
    else run();
  }, delayMs);
  return () => {
    cancelled = true;
    clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
  };
}

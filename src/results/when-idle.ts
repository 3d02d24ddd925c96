/**
 * Runs `fn` once the page has been quiet for a while: after `delayMs`, at the browser's next idle
 * moment. Work the trainee does not wait for (the outbox check, the service worker) starts this way on
 * the start screen, so a trainee who goes straight into a station does not load it before the first
 * frame. Returns a cancel function (the start screen left before it ran).
 */
export function whenIdle(fn: () => void, delayMs = 1_500): () => void {
  let idle: number | null = null;
  const timer = setTimeout(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(fn, { timeout: 2_000 });
    else fn();
  }, delayMs);
  return () => {
    clearTimeout(timer);
    if (idle !== null) cancelIdleCallback(idle);
  };
}

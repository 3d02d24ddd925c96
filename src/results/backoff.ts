/**
 * When to try again after a failed upload: exponential from 2 s to 5 min with full jitter, so a
 * classroom of headsets coming back onto the Wi-Fi together does not knock on the server in step.
 * A server's Retry-After is a floor (it knows best when it can take work again).
 */
export const firstDelayMs = 2_000;
export const maxDelayMs = 5 * 60_000;

export function retryDelay(failures: number, random: () => number, retryAfterMs?: number | null): number {
  const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, failures - 1));
  // Never sooner than a second: even a jitter of 0 must not turn into a busy loop.
  const jittered = Math.max(1_000, Math.round(ceiling * random()));
  return retryAfterMs != null && retryAfterMs > jittered ? Math.min(retryAfterMs, 60 * 60_000) : jittered;
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

type OfferModule = typeof import('../../src/app/service-worker-offer');

/** A fresh copy of the module (it keeps whether it registered already) with the browser's service worker API present. */
async function freshModule(): Promise<OfferModule> {
  vi.resetModules();
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: {} });
  return import('../../src/app/service-worker-offer');
}

describe('the service worker offer (what the start screen shows, without loading workbox)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('registration waits until the start screen is idle, happens once, and not at all if the trainee left first', async () => {
    const m = await freshModule();
    const registerServiceWorker = vi.fn();
    const load = vi.fn(async () => ({ registerServiceWorker }));

    const cancel = m.registerWhenIdle(load, 1_000);
    await vi.advanceTimersByTimeAsync(500);
    cancel(); // straight into a station: nothing loads before its first frame
    await vi.advanceTimersByTimeAsync(5_000);
    expect(load).not.toHaveBeenCalled();

    m.registerWhenIdle(load, 1_000);
    m.registerWhenIdle(load, 1_000); // the start screen again, or a session that ended
    await vi.advanceTimersByTimeAsync(1_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(registerServiceWorker).toHaveBeenCalledTimes(1);
    m.registerWhenIdle(load, 1_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('without service workers (an untrusted certificate, an old browser) nothing is loaded', async () => {
    vi.resetModules();
    // jsdom has none; an earlier test may have added one.
    delete (navigator as unknown as Record<string, unknown>).serviceWorker;
    const m = await import('../../src/app/service-worker-offer');
    expect('serviceWorker' in navigator).toBe(false);
    const load = vi.fn(async () => ({ registerServiceWorker: vi.fn() }));
    m.registerWhenIdle(load, 10);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(load).not.toHaveBeenCalled();
  });

  test('a waiting new version is offered to subscribers; restarting goes through the registration; update checks are quiet', async () => {
    const m = await freshModule();
    expect(m.updateOffer()).toBeNull();
    m.checkForUpdate(); // nothing registered yet: nothing to ask
    const seen = vi.fn();
    const off = m.subscribeUpdateOffer(seen);
    const restart = vi.fn(async () => undefined);
    m.offerUpdate({ restart });
    expect(seen).toHaveBeenCalledTimes(1);
    await m.updateOffer()!.restart();
    expect(restart).toHaveBeenCalledTimes(1);
    off();
    m.offerUpdate({ restart });
    expect(seen).toHaveBeenCalledTimes(1);

    const check = vi.fn(async () => {
      throw new Error('offline');
    });
    m.setUpdateCheck(check);
    m.checkForUpdate();
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0); // the rejection is swallowed, not unhandled
  });
});

import { whenIdle } from '../results/when-idle';

/**
 * What the start screen needs to know about the service worker, without loading it: whether a new
 * version waits, and how to switch to it. The registration itself (workbox-window) is a chunk of its
 * own that loads when the start screen is idle or a session has ended, never before a station's
 * first frame (JS budget).
 */
export interface ServiceWorkerControl {
  /** Activates the waiting version and reloads the page. */
  restart(): Promise<void>;
}

type Listener = () => void;

let waiting: ServiceWorkerControl | null = null;
let check: (() => Promise<void>) | null = null;
const listeners = new Set<Listener>();

export function subscribeUpdateOffer(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The waiting new version, or null (useSyncExternalStore snapshot: stable until it changes). */
export function updateOffer(): ServiceWorkerControl | null {
  return waiting;
}

/** Called by the registration when an installed new version waits for the app to restart. */
export function offerUpdate(control: ServiceWorkerControl): void {
  waiting = control;
  for (const l of listeners) l();
}

/** Called by the registration with a way to ask the server for a newer version. */
export function setUpdateCheck(fn: () => Promise<void>): void {
  check = fn;
}

/** Looks for a newer version (the start screen does, between sessions); quiet when offline. */
export function checkForUpdate(): void {
  void check?.().catch(() => undefined);
}

let registered = false;

/**
 * Registers the service worker once, when the page is idle (src/results/when-idle.ts). Returns a
 * cancel function for a start screen left before then. `load` is the registration chunk; tests pass their own.
 */
export function registerWhenIdle(load: () => Promise<{ registerServiceWorker(): void }> = () => import('./service-worker-register'), delayMs?: number): () => void {
  if (registered || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => undefined;
  return whenIdle(() => {
    if (registered) return;
    registered = true;
    void load().then((m) => m.registerServiceWorker());
  }, delayMs);
}

/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { keepLanguageOffline } from '../audio/audio-offline';
import { offerUpdate, setUpdateCheck } from './service-worker-offer';

/**
 * The spoken audio of the page's language (its `lang`, which the app sets) is kept for offline play,
 * and again whenever the trainee picks another language: audio is cached per language, not precached
 * whole (src/audio/audio-offline.ts).
 */
function keepSpokenLanguageOffline(): void {
  let kept = '';
  const keep = () => {
    const lng = document.documentElement.lang;
    if (!lng || lng === kept || !navigator.onLine) return;
    kept = lng;
    void keepLanguageOffline(lng).catch(() => undefined);
  };
  keep();
  new MutationObserver(keep).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  window.addEventListener('online', () => {
    kept = '';
    keep();
  });
}

// The browser asks the server for sw.js on every navigation anyway; this is for a tab kept open for days.
const checkEveryMs = 60 * 60_000;

/**
 * Registers the service worker that precaches the whole build (vite.config.ts), so the app starts
 * and plays without a network. `prompt`: a new version installs in the background and waits; the
 * start screen offers it (src/app/update-offer.tsx), so a session is never cut off by a reload.
 */
export function registerServiceWorker(): void {
  // Registering fetches sw.js once already.
  let lastCheck = Date.now();
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      offerUpdate({ restart: () => update(true) });
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      keepSpokenLanguageOffline();
      setUpdateCheck(async () => {
        if (Date.now() - lastCheck < checkEveryMs || !navigator.onLine) return;
        lastCheck = Date.now();
        await registration.update();
      });
    },
    onRegisterError(error: unknown) {
      // An untrusted certificate (README: "A trusted certificate on the LAN") or a private window:
      // the app still works online, it only does not start offline.
      console.warn('werkvloer: no offline start, the service worker was refused:', error);
    },
  });
}

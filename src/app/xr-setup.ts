import { createXRStore } from '@react-three/xr';

/**
 * The emulator (Meta's IWER) is only ever switched on explicitly — `?emulate=quest3` — for tests and
 * developers. @react-three/xr would otherwise inject it on every localhost page, offering a trainee
 * on a PC a headset that does not exist.
 */
export function emulatorRequested(search: string): boolean {
  const value = new URLSearchParams(search).get('emulate');
  return value === 'quest3' || value === '1' || value === 'true';
}

export function createWerkvloerXRStore(search: string, href: string) {
  const emulate = emulatorRequested(search);
  const store = createXRStore({
    emulate: emulate ? { type: 'metaQuest3', syntheticEnvironment: false, inject: true } : false,
    // Controller and hand models come from our own server (see scripts/vite-xr-profiles.ts).
    baseAssetPath: new URL('xr-profiles/', new URL('/', href)).href,
    offerSession: false,
    enterGrantedSession: false,
    hand: { teleportPointer: false },
    controller: { teleportPointer: false },
  });
  if (emulate && typeof window !== 'undefined') {
    // Tests and developers move the emulated headset, controllers and hands like a person would.
    store.subscribe((state) => {
      window.__werkvloerEmulator = state.emulator;
    });
  }
  return store;
}

declare global {
  interface Window {
    /** The IWER emulated device, only with `?emulate=quest3`. */
    __werkvloerEmulator?: unknown;
  }
}

export type WerkvloerXRStore = ReturnType<typeof createWerkvloerXRStore>;

/** True only when the browser (or the explicitly requested emulator) can really present immersive VR. */
export async function immersiveVrSupported(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('xr' in navigator) || !navigator.xr) return false;
  try {
    return await navigator.xr.isSessionSupported('immersive-vr');
  } catch {
    return false;
  }
}

import type { XRRuntime } from './xr-runtime';

/**
 * The emulator (Meta's IWER) is only ever switched on explicitly — `?emulate=quest3` — for tests and
 * developers. @react-three/xr would otherwise inject it on every localhost page, offering a trainee
 * on a PC a headset that does not exist.
 */
export function emulatorRequested(search: string): boolean {
  const value = new URLSearchParams(search).get('emulate');
  return value === 'quest3' || value === '1' || value === 'true';
}

/** True only when the browser (or the explicitly requested emulator) can really present immersive VR. */
export async function immersiveVrSupported(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('xr' in navigator) || !navigator.xr) return false;
  try {
    return await navigator.xr.isSessionSupported('immersive-vr');
  } catch {
    return false;
  }
}

export interface LoadedXR {
  runtime: XRRuntime;
  store: ReturnType<XRRuntime['createWerkvloerXRStore']>;
}

/**
 * The XR stack (~40 KB gzip: @react-three/xr, pointer events, the controller model loader) is
 * loaded only where a headset can use it, so a desktop trainee never downloads it.
 */
export async function loadXR(search: string, href: string): Promise<LoadedXR | null> {
  if (emulatorRequested(search)) (await import('./xr-emulator')).installEmulator();
  if (!(await immersiveVrSupported())) return null;
  const runtime = (await import('./xr-runtime')).xrRuntime;
  return { runtime, store: runtime.createWerkvloerXRStore(href) };
}

import { XRDevice, metaQuest3 } from 'iwer';

/**
 * Installs Meta's IWER emulator as `navigator.xr` — only when a developer or test asks with
 * `?emulate=quest3`. Installed without its dev UI: that UI rewrites the headset and controller
 * poses from its own on-screen handles every frame, so nothing else could move them.
 */
export function installEmulator(): XRDevice {
  const device = new XRDevice(metaQuest3);
  device.installRuntime();
  // Tests and developers move the emulated headset, controllers and hands like a person would.
  window.__werkvloerEmulator = device;
  return device;
}

declare global {
  interface Window {
    /** The IWER emulated device, only with `?emulate=quest3`. */
    __werkvloerEmulator?: unknown;
  }
}

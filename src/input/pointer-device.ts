import type { Device } from '../engine';

/**
 * Which device produced a pointer event. R3F desktop events carry the DOM pointerType;
 * @react-three/xr pointers carry the XR input state (`type: 'controller' | 'hand'`).
 */
export function pointerDevice(event: { pointerType?: string; pointerState?: unknown }): Device {
  const state = event.pointerState as { type?: unknown } | undefined;
  if (state && typeof state === 'object') {
    if (state.type === 'hand') return 'vr-hand';
    if (state.type === 'controller') return 'vr-controller';
  }
  if (event.pointerType === 'touch' || event.pointerType === 'pen') return 'touch';
  return 'desktop';
}

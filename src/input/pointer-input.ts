import type { Device } from '../engine';
import { bound, type InputAction, type PointerKind } from './bindings';
import { pointerDevice } from './pointer-device';

/** The parts of an R3F or @react-three/xr pointer event the input layer reads. */
export interface PointerLike {
  pointerId: number;
  pointerType?: string;
  pointerState?: unknown;
  button?: number;
}

export interface PointerInput {
  id: number;
  device: Device;
  kind: PointerKind;
  button: number;
}

const kinds: Record<string, PointerKind> = { mouse: 'mouse', touch: 'touch', pen: 'pen', ray: 'ray', grab: 'grab' };

/**
 * Reads any pointer event into device, pointer kind and button. An XR `touch` pointer is a poking
 * fingertip, not a tablet: the XR input state (controller or hand) decides the device.
 */
export function readPointer(event: PointerLike): PointerInput {
  const device = pointerDevice(event);
  const xr = device === 'vr-controller' || device === 'vr-hand';
  const type = event.pointerType ?? 'mouse';
  const kind: PointerKind = xr && type === 'touch' ? 'poke' : (kinds[type] ?? (xr ? 'ray' : 'mouse'));
  return { id: event.pointerId, device, kind, button: event.button ?? 0 };
}

/** Whether this pointer event performs the named input action under the binding table. */
export function performs(input: PointerInput, action: InputAction): boolean {
  return bound(input.device, input.kind, input.button, action);
}

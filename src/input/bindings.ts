import type { Device } from '../engine';

/**
 * What a pointer is, whichever device drives it: a mouse, a finger on a tablet, a pen, or one of
 * the XR pointers @react-three/xr gives every controller and hand — `ray` (trigger or pinch from a
 * distance), `grab` (squeeze, or pinch close by) and `touch` (a fingertip poking).
 */
export type PointerKind = 'mouse' | 'touch' | 'pen' | 'ray' | 'grab' | 'poke';

/**
 * The named actions of the input layer. Every interactable listens for these, never for a device:
 * `use` — point and press (button, pedal, card, dial, garment); `carry` — pick up, move, put down;
 * `look` — turn the view on desktop (drag on the empty room).
 */
export type InputAction = 'use' | 'carry' | 'look';

export interface Binding {
  device: Device;
  kind: PointerKind;
  /** Pointer button ids (DOM `button`; XR pointers report 0 for their own select/squeeze). */
  buttons: readonly number[];
  actions: readonly InputAction[];
}

/**
 * Devices → bindings → named actions, as data (like Mozilla Hubs' binding sets). One hand or one
 * controller, either side, can do everything: the ray and the close-by grab both `use` and `carry`.
 */
export const bindings: readonly Binding[] = [
  { device: 'desktop', kind: 'mouse', buttons: [0], actions: ['use', 'carry', 'look'] },
  { device: 'desktop', kind: 'mouse', buttons: [2], actions: ['look'] },
  { device: 'touch', kind: 'touch', buttons: [0], actions: ['use', 'carry', 'look'] },
  { device: 'touch', kind: 'pen', buttons: [0], actions: ['use', 'carry', 'look'] },
  // Trigger at a distance; squeeze close by (grip-space sphere).
  { device: 'vr-controller', kind: 'ray', buttons: [0], actions: ['use', 'carry'] },
  { device: 'vr-controller', kind: 'grab', buttons: [0], actions: ['use', 'carry'] },
  // Pinch at a distance, pinch close by, and poking with the index finger.
  { device: 'vr-hand', kind: 'ray', buttons: [0], actions: ['use', 'carry'] },
  { device: 'vr-hand', kind: 'grab', buttons: [0], actions: ['use', 'carry'] },
  { device: 'vr-hand', kind: 'poke', buttons: [0], actions: ['use'] },
];

/** Whether a pointer of this device and kind, pressed with this button, performs the action. */
export function bound(device: Device, kind: PointerKind, button: number, action: InputAction, table: readonly Binding[] = bindings): boolean {
  return table.some((b) => b.device === device && b.kind === kind && b.buttons.includes(button) && b.actions.includes(action));
}

/** Keyboard bindings for the desktop menus and HUD (menus are plain buttons: Tab and Enter work too). */
export const keyBindings = {
  stop: ['Escape'],
  hint: ['h', 'H', '?'],
} as const;

export type KeyAction = keyof typeof keyBindings;

/** The menu action a key stands for, if any. */
export function keyAction(key: string): KeyAction | null {
  for (const [action, keys] of Object.entries(keyBindings) as [KeyAction, readonly string[]][]) {
    if (keys.includes(key)) return action;
  }
  return null;
}

import type { ThreeEvent } from '@react-three/fiber';
import type { InputAction } from '../input/bindings';
import { performs, readPointer, type PointerInput, type PointerLike } from '../input/pointer-input';

export type GestureEvent = ThreeEvent<PointerEvent>;

export interface GestureHandlers {
  /** A bound pointer went down on the object. Return false to refuse it (e.g. the object is worn). */
  start?(input: PointerInput, e: GestureEvent): boolean | void;
  /** The pointer moved while it held the object (only with `capture`). */
  move?(input: PointerInput, e: GestureEvent): void;
  /** The pointer let go. `over`: it was still on the object — a finished press, not a slip off. */
  end?(input: PointerInput, e: GestureEvent | null, over: boolean): void;
  hover?(on: boolean): void;
}

/** Pointers an interactable holds right now: a drag that started on one never turns the view. */
export const claimedPointers = new Set<number>();

interface Capturable {
  setPointerCapture?(id: number): void;
  releasePointerCapture?(id: number): void;
}

/**
 * Turns R3F / @react-three/xr pointer events into one gesture for one named input action, so an
 * interactable never asks which device it was. Acts on down and up (a click would miss a long
 * trigger press). With `capture` the object keeps the pointer while it moves away (carry, hold).
 * Returns the event props for the object's group; it holds no React state.
 */
export function pointerGesture(action: InputAction, h: GestureHandlers, capture = false) {
  let active: PointerInput | null = null;
  const finish = (e: GestureEvent | null, over: boolean) => {
    const input = active;
    if (!input) return;
    active = null;
    claimedPointers.delete(input.id);
    if (e && capture) (e.target as Capturable).releasePointerCapture?.(input.id);
    h.end?.(input, e, over);
  };
  return {
    onPointerDown(e: GestureEvent) {
      const input = readPointer(e as unknown as PointerLike);
      if (active || !performs(input, action)) return;
      e.stopPropagation();
      if (h.start?.(input, e) === false) return;
      active = input;
      claimedPointers.add(input.id);
      if (capture) (e.target as Capturable).setPointerCapture?.(input.id);
    },
    onPointerMove(e: GestureEvent) {
      if (!active || e.pointerId !== active.id) return;
      e.stopPropagation();
      h.move?.(active, e);
    },
    onPointerUp(e: GestureEvent) {
      if (!active || e.pointerId !== active.id) return;
      e.stopPropagation();
      finish(e, true);
    },
    onPointerCancel(e: GestureEvent) {
      if (active && e.pointerId === active.id) finish(e, false);
    },
    onPointerOver(e: GestureEvent) {
      e.stopPropagation();
      h.hover?.(true);
    },
    onPointerOut(e: GestureEvent) {
      h.hover?.(false);
      // Without capture, sliding off the object cancels the press, as with a real button.
      if (!capture && active && e.pointerId === active.id) finish(null, false);
    },
  };
}

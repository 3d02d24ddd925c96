import { useEffect } from 'react';
import { Euler } from 'three';
import { useThree } from '@react-three/fiber';
import { claimedPointers } from '../world/pointer-gesture';
import { screenPointer } from '../world/reach';
import { bound } from '../input/bindings';
import { readPointer } from '../input/pointer-input';

/** Radians per CSS pixel of drag, and per arrow-key press. */
const DRAG_SPEED = 0.005;
const KEY_STEP = Math.PI / 24;
const MAX_PITCH = 1.2;

const view = new Euler(0, 0, 0, 'YXZ');

/**
 * Looking around from the work position on a computer or tablet: drag the empty room with the mouse
 * or a finger (the `look` input action), or use the arrow keys. The camera turns, it never moves;
 * in VR the headset alone decides where the trainee looks.
 */
export function DesktopLook() {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);

  useEffect(() => {
    const el = gl.domElement;
    el.style.touchAction = 'none';
    let dragging: number | null = null;
    let lastX = 0;
    let lastY = 0;
    const turn = (dx: number, dy: number) => {
      if (gl.xr.isPresenting) return;
      view.setFromQuaternion(camera.quaternion, 'YXZ');
      view.y += dx;
      view.x = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, view.x + dy));
      view.z = 0;
      camera.quaternion.setFromEuler(view);
    };
    const down = (e: PointerEvent) => {
      const input = readPointer({ pointerId: e.pointerId, pointerType: e.pointerType, button: e.button });
      if (!bound(input.device, input.kind, input.button, 'look')) return;
      dragging = e.pointerId;
      lastX = e.clientX;
      lastY = e.clientY;
    };
    const move = (e: PointerEvent) => {
      // Checked on move, not down: R3F may dispatch the down after us. A pointer an interactable
      // took (a carried tool, a dial) is never a look.
      if (dragging !== e.pointerId || claimedPointers.has(e.pointerId)) return;
      // The room turns under the pointer: no danger area it sweeps over is a hand reaching in.
      screenPointer.looking = true;
      turn((e.clientX - lastX) * DRAG_SPEED, (e.clientY - lastY) * DRAG_SPEED);
      lastX = e.clientX;
      lastY = e.clientY;
    };
    const up = (e: PointerEvent) => {
      if (dragging !== e.pointerId) return;
      dragging = null;
      screenPointer.looking = false;
    };
    const key = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea')) return;
      const d = { ArrowLeft: [KEY_STEP, 0], ArrowRight: [-KEY_STEP, 0], ArrowUp: [0, KEY_STEP], ArrowDown: [0, -KEY_STEP] }[e.key];
      if (!d) return;
      e.preventDefault();
      turn(d[0]!, d[1]!);
    };
    const menu = (e: Event) => e.preventDefault();
    el.addEventListener('pointerdown', down);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    window.addEventListener('keydown', key);
    el.addEventListener('contextmenu', menu);
    return () => {
      el.removeEventListener('pointerdown', down);
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
      window.removeEventListener('keydown', key);
      el.removeEventListener('contextmenu', menu);
    };
  }, [camera, gl]);
  return null;
}

import { describe, expect, test } from 'vitest';
import { bindings, bound, keyAction, type InputAction } from '../../src/input/bindings';
import { performs, readPointer } from '../../src/input/pointer-input';

describe('bindings: every device reaches the same named actions', () => {
  test('each device can use and carry; only the screen devices look around', () => {
    for (const device of ['desktop', 'touch', 'vr-controller', 'vr-hand'] as const) {
      const actions = new Set(bindings.filter((b) => b.device === device).flatMap((b) => b.actions));
      expect([...actions].sort(), device).toEqual((device === 'desktop' || device === 'touch' ? ['carry', 'look', 'use'] : ['carry', 'use']) as InputAction[]);
    }
  });
  test('the right mouse button only looks; a poking fingertip presses but does not carry', () => {
    expect(bound('desktop', 'mouse', 2, 'use')).toBe(false);
    expect(bound('desktop', 'mouse', 2, 'look')).toBe(true);
    expect(bound('vr-hand', 'poke', 0, 'use')).toBe(true);
    expect(bound('vr-hand', 'poke', 0, 'carry')).toBe(false);
  });
  test('keys for the HUD', () => {
    expect(keyAction('Escape')).toBe('stop');
    expect(keyAction('h')).toBe('hint');
    expect(keyAction('x')).toBeNull();
  });
});

describe('readPointer: any pointer event to device, kind and button', () => {
  test('XR pointers: the input state decides the device, an XR touch pointer is a poke', () => {
    expect(readPointer({ pointerId: 1, pointerType: 'ray', pointerState: { type: 'controller' } })).toEqual({ id: 1, device: 'vr-controller', kind: 'ray', button: 0 });
    expect(readPointer({ pointerId: 2, pointerType: 'grab', pointerState: { type: 'controller' } }).kind).toBe('grab');
    expect(readPointer({ pointerId: 3, pointerType: 'touch', pointerState: { type: 'hand' } })).toMatchObject({ device: 'vr-hand', kind: 'poke' });
  });
  test('screen pointers: mouse, finger and pen', () => {
    expect(readPointer({ pointerId: 4, pointerType: 'mouse', button: 2 })).toEqual({ id: 4, device: 'desktop', kind: 'mouse', button: 2 });
    expect(readPointer({ pointerId: 5, pointerType: 'touch' })).toMatchObject({ device: 'touch', kind: 'touch' });
    expect(readPointer({ pointerId: 6, pointerType: 'pen' })).toMatchObject({ device: 'touch', kind: 'pen' });
  });
  test('a trigger, a pinch and a left click all use; a right click does not', () => {
    expect(performs(readPointer({ pointerId: 1, pointerType: 'ray', pointerState: { type: 'controller' } }), 'use')).toBe(true);
    expect(performs(readPointer({ pointerId: 1, pointerType: 'ray', pointerState: { type: 'hand' } }), 'use')).toBe(true);
    expect(performs(readPointer({ pointerId: 1, pointerType: 'mouse', button: 0 }), 'use')).toBe(true);
    expect(performs(readPointer({ pointerId: 1, pointerType: 'mouse', button: 2 }), 'use')).toBe(false);
  });
});

import { describe, expect, test } from 'vitest';
import { pointerDevice } from '../../src/input/pointer-device';

describe('pointerDevice', () => {
  test('XR controller and hand pointers carry their input state type', () => {
    expect(pointerDevice({ pointerType: 'ray', pointerState: { type: 'controller' } })).toBe('vr-controller');
    expect(pointerDevice({ pointerType: 'ray', pointerState: { type: 'hand' } })).toBe('vr-hand');
    expect(pointerDevice({ pointerType: 'touch', pointerState: { type: 'hand' } })).toBe('vr-hand');
  });
  test('DOM pointers: mouse is desktop, touch and pen are touch', () => {
    expect(pointerDevice({ pointerType: 'mouse' })).toBe('desktop');
    expect(pointerDevice({ pointerType: 'touch' })).toBe('touch');
    expect(pointerDevice({ pointerType: 'pen' })).toBe('touch');
    expect(pointerDevice({})).toBe('desktop');
  });
});

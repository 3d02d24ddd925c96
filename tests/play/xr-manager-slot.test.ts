import type { WebGLRenderer } from 'three';
import { WebXRManager as ThreeWebXRManager } from 'three/src/renderers/webxr/WebXRManager.js';
import { describe, expect, test } from 'vitest';
import { XRManagerOff, WebXRManager, provideWebXRManager } from '../../src/play/xr-manager-slot';

const renderer = {} as WebGLRenderer;
// Enough of a context for three's manager to be made (it reads the attributes once, in its constructor).
const gl = { getContextAttributes: () => ({ alpha: true, antialias: false }) } as unknown as WebGLRenderingContext;
/** As three's renderer makes it: `new WebXRManager(renderer, gl)`. */
const make = () => new (WebXRManager as unknown as new (r: WebGLRenderer, g: WebGLRenderingContext) => object)(renderer, gl);

describe("the renderer's XR manager, real only where the XR runtime was loaded", () => {
  test("before the XR runtime provides three's manager, a renderer gets one that never presents", () => {
    const off = make();
    expect(off).toBeInstanceOf(XRManagerOff);
    const m = off as XRManagerOff;
    expect(m.isPresenting).toBe(false);
    expect(m.enabled).toBe(false);
    expect(m.hasDepthSensing()).toBe(false);
    // react-three-fiber listens for sessions and hands the renderer's loop over; nothing happens.
    const listener = () => {};
    m.addEventListener('sessionstart', listener);
    expect(m.hasEventListener('sessionstart', listener)).toBe(true);
    m.removeEventListener('sessionstart', listener);
    expect(() => m.setAnimationLoop()).not.toThrow();
    // Starting a session on it says why it cannot, instead of failing somewhere inside three.
    expect(() => m.setSession()).toThrow(/WebXRManager was not loaded before this renderer was made/);
  });

  test("it has every property and method of three's WebXRManager", () => {
    const real = new ThreeWebXRManager(renderer, gl) as unknown as Record<string, unknown>;
    const off = new XRManagerOff() as unknown as Record<string, unknown>;
    const keys = Object.keys(real);
    expect(keys).toEqual(expect.arrayContaining(['enabled', 'isPresenting', 'setSession', 'getCamera', 'updateCamera', 'setAnimationLoop', 'dispose']));
    for (const key of keys) {
      expect(off[key], key).toBeDefined();
      expect(typeof off[key], key).toBe(typeof real[key]);
    }
  });

  test("once the XR runtime provided three's manager, renderers get the real one", () => {
    provideWebXRManager(ThreeWebXRManager);
    expect(make()).toBeInstanceOf(ThreeWebXRManager);
  });
});

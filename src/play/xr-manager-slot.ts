import { EventDispatcher } from 'three/src/core/EventDispatcher.js';
import type { WebGLRenderer, WebXRManager as ThreeWebXRManager } from 'three';
import type { WebXRManagerEventMap } from 'three/src/renderers/webxr/WebXRManager.js';

type XRManagerClass = new (renderer: WebGLRenderer, gl: WebGLRenderingContext) => ThreeWebXRManager;

let provided: XRManagerClass | null = null;

/**
 * three's WebXRManager (~4 KB gzip with its controller and depth-sensing helpers) is given to the
 * renderer by the XR runtime (xr-runtime.ts), which is only loaded where a headset can present; a
 * desktop trainee's renderer gets a manager that never presents. The build points three's renderer
 * here (scripts/vite-three-xr-on-demand.ts). A renderer is made when a station starts, after the
 * start screen has loaded the runtime on a headset (xr-setup.ts), so the one that enters VR has the real one.
 */
export function provideWebXRManager(manager: XRManagerClass): void {
  provided = manager;
}

const notLoaded = (what: string) => () => {
  throw new Error(`WebXR ${what}: three's WebXRManager was not loaded before this renderer was made (src/play/xr-manager-slot.ts)`);
};

/** What the renderer and react-three-fiber read of a WebXRManager outside a session: never presenting. */
export class XRManagerOff extends EventDispatcher<WebXRManagerEventMap> {
  enabled = false;
  readonly isPresenting = false;
  cameraAutoUpdate = true;
  setAnimationLoop(): void {}
  dispose(): void {}
  getSession(): null {
    return null;
  }
  getFrame(): null {
    return null;
  }
  getEnvironmentBlendMode(): undefined {
    return undefined;
  }
  hasDepthSensing(): boolean {
    return false;
  }
  getDepthSensingMesh(): null {
    return null;
  }
  getDepthTexture(): null {
    return null;
  }
  getFoveation(): undefined {
    return undefined;
  }
  setFoveation(): void {}
  setFramebufferScaleFactor(): void {}
  setReferenceSpaceType(): void {}
  getReferenceSpace(): null {
    return null;
  }
  setReferenceSpace(): void {}
  getBaseLayer(): null {
    return null;
  }
  getBinding(): null {
    return null;
  }
  getCameraTexture(): null {
    return null;
  }
  // Only asked for while presenting, or to start presenting: a renderer without the manager cannot.
  setSession = notLoaded('session');
  getController = notLoaded('controller');
  getControllerGrip = notLoaded('controller grip');
  getHand = notLoaded('hand');
  getCamera = notLoaded('camera');
  updateCamera = notLoaded('camera');
}

/**
 * Called by three's renderer as `new WebXRManager(renderer, gl)`: a constructor that returns an object
 * makes `new` return it, so the renderer keeps the real manager once the XR runtime provided it.
 */
export function WebXRManager(renderer: WebGLRenderer, gl: WebGLRenderingContext): ThreeWebXRManager | XRManagerOff {
  return provided ? new provided(renderer, gl) : new XRManagerOff();
}

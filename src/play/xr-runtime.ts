import { XR, createXRStore } from '@react-three/xr';
import { WebXRManager } from 'three/src/renderers/webxr/WebXRManager.js';
import { provideWebXRManager } from './xr-manager-slot';
import { XRLocomotion } from './xr-locomotion';
import { TraineeController, TraineeHand } from './xr-trainee-input';

// Renderers made from now on can present (xr-manager-slot.ts): this module loads only where a headset can.
provideWebXRManager(WebXRManager);

function createWerkvloerXRStore(href: string) {
  return createXRStore({
    // Never @react-three/xr's own emulator injection (it would offer a fake headset on localhost).
    emulate: false,
    // Controller and hand models come from our own server (see scripts/vite-xr-profiles.ts).
    baseAssetPath: new URL('xr-profiles/', new URL('/', href)).href,
    offerSession: false,
    enterGrantedSession: false,
    controller: TraineeController,
    hand: TraineeHand,
  });
}

/** Everything of @react-three/xr the app uses, behind one dynamic import (see xr-setup.ts). */
export const xrRuntime = { XR, XRLocomotion, createWerkvloerXRStore };
export type XRRuntime = typeof xrRuntime;

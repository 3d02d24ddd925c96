import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * three's renderer makes its WebXRManager (with the XR controllers and depth sensing, ~4 KB gzip)
 * whether or not the page can ever present. The build points the renderer's import at
 * src/play/xr-manager-slot.ts: the XR runtime, loaded only where a headset can present, provides the
 * real manager; a desktop trainee's renderer gets one that never presents.
 */
export const rendererImport = "import { WebXRManager } from './webxr/WebXRManager.js';";

export function threeXrOnDemandPlugin(): Plugin {
  let slot = resolve('src/play/xr-manager-slot.ts');
  return {
    name: 'werkvloer-three-xr-on-demand',
    enforce: 'pre',
    configResolved(config) {
      slot = resolve(config.root, 'src/play/xr-manager-slot.ts');
    },
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('/three/src/renderers/WebGLRenderer.js')) return null;
      // A three.js that makes its XR manager otherwise must be looked at again, not silently kept whole.
      if (!code.includes(rendererImport) || !code.includes('new WebXRManager( _this, _gl )')) {
        throw new Error(`three's WebGLRenderer.js no longer imports and makes its WebXRManager as expected: update scripts/vite-three-xr-on-demand.ts`);
      }
      return { code: code.replace(rendererImport, `import { WebXRManager } from ${JSON.stringify(slot)};`), map: null };
    },
  };
}

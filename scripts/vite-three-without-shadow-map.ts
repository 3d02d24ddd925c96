import type { Plugin } from 'vite';

/**
 * werkvloer draws without real-time shadows: shading is baked or vertex-coloured so a Quest keeps its
 * frame rate (DESIGN.md, issue 19). three.js's renderer still builds its shadow map, and with it the
 * depth and distance materials, the VSM blur shader and the depth packing GLSL (~3 KB gzip before
 * every station's first frame), although with `shadowMap.enabled` false it returns at once each frame.
 * This plugin gives the renderer a shadow map that stays off: turning it on fails with the reason
 * instead of drawing nothing.
 */
const stubId = 'virtual:werkvloer/three-shadow-map-off';

export const shadowMapOffModule = `import { PCFShadowMap } from 'three/src/constants.js';
export function WebGLShadowMap() {
\tthis.autoUpdate = true;
\tthis.needsUpdate = false;
\tthis.type = PCFShadowMap;
\tObject.defineProperty(this, 'enabled', {
\t\tenumerable: true,
\t\tget() { return false; },
\t\tset(on) {
\t\t\tif (on) throw new Error('three.js real-time shadows are not in this build: werkvloer shades with baked or vertex colours (scripts/vite-three-without-shadow-map.ts)');
\t\t},
\t});
\tthis.render = function () {};
}
`;

const rendererImport = "import { WebGLShadowMap } from './webgl/WebGLShadowMap.js';";

export function threeWithoutShadowMapPlugin(): Plugin {
  return {
    name: 'werkvloer-three-without-shadow-map',
    enforce: 'pre',
    resolveId(id) {
      return id === stubId ? `\0${id}` : null;
    },
    load(id) {
      return id === `\0${stubId}` ? shadowMapOffModule : null;
    },
    transform(code, id) {
      if (!id.split('?')[0]!.endsWith('/three/src/renderers/WebGLRenderer.js')) return null;
      // A new three.js that imports its shadow map differently must be looked at again, not silently kept whole.
      if (!code.includes(rendererImport)) throw new Error(`three's WebGLRenderer.js no longer has "${rendererImport}": update scripts/vite-three-without-shadow-map.ts`);
      return { code: code.replace(rendererImport, `import { WebGLShadowMap } from '${stubId}';`), map: null };
    },
  };
}

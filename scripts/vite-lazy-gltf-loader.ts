import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const gltfLoaderPath = /three\/examples\/jsm\/loaders\/GLTFLoader(\.js)?$/;
const xrPackages = /node_modules\/@(pmndrs|react-three)\/xr\//;
const lazyId = '\0werkvloer-lazy-gltf-loader';

/**
 * @react-three/xr imports three's GLTFLoader at the top of its modules only to load controller
 * and hand models, which appear a few frames into a VR session anyway (they are fetched). Inside
 * those packages the import becomes a small stand-in with the same `load`/`loadAsync` surface that
 * imports the real loader once the first station frame is drawn, so its 13 KB gzip leave the
 * JavaScript a trainee waits for before the first XR frame. Everything else gets the real loader.
 */
export function lazyGltfLoaderPlugin(): Plugin {
  let gate = '';
  return {
    name: 'werkvloer-lazy-gltf-loader',
    enforce: 'pre',
    configResolved(config) {
      gate = JSON.stringify(resolve(config.root, 'src/world/first-station-frame.ts'));
    },
    resolveId(source, importer) {
      if (importer && xrPackages.test(importer) && gltfLoaderPath.test(source)) return lazyId;
      return null;
    },
    load(id) {
      if (id !== lazyId) return null;
      return `
import { firstStationFrame } from ${gate};
let real;
const realLoader = () =>
  (real ??= firstStationFrame.drawn().then(() => import('three/examples/jsm/loaders/GLTFLoader.js')).then((m) => m.GLTFLoader));
export class GLTFLoader {
  constructor(manager) { this.manager = manager; this.inner = undefined; }
  withInner(use) { return realLoader().then((Real) => use((this.inner ??= new Real(this.manager)))); }
  load(url, onLoad, onProgress, onError) {
    this.withInner((inner) => inner.load(url, onLoad, onProgress, onError)).catch((error) => onError?.(error));
  }
  loadAsync(url, onProgress) { return this.withInner((inner) => inner.loadAsync(url, onProgress)); }
}
`;
    },
  };
}

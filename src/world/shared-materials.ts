import { MeshBasicMaterial, MeshLambertMaterial, type Material } from 'three';

/**
 * Materials the shared interactables use, made once: every station reuses them, so a hundred
 * buttons do not mean a hundred materials (and shader switches).
 */
const make = {
  progress: () => new MeshBasicMaterial({ color: '#2da44e' }),
  dropZone: () => new MeshBasicMaterial({ color: '#58a6ff', transparent: true, opacity: 0.25, depthWrite: false }),
  hazard: () => new MeshBasicMaterial({ color: '#ff7b72', transparent: true, opacity: 0.18, depthWrite: false }),
  track: () => new MeshLambertMaterial({ color: '#3e4c59' }),
  knob: () => new MeshLambertMaterial({ color: '#f7c948' }),
  tick: () => new MeshBasicMaterial({ color: '#ffffff' }),
  card: () => new MeshLambertMaterial({ color: '#f0f4f8' }),
  panel: () => new MeshBasicMaterial({ color: '#102a43', transparent: true, opacity: 0.92 }),
} satisfies Record<string, () => Material>;

export type SharedMaterial = keyof typeof make;
const made = new Map<SharedMaterial, Material>();

export function sharedMaterial(name: SharedMaterial): Material {
  let m = made.get(name);
  if (!m) {
    m = make[name]();
    made.set(name, m);
  }
  return m;
}

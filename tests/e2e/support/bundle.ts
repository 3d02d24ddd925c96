import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtAppDir } from './built-app';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const distDir = builtAppDir;

export function viteManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

/** The built file of a station's own 3D composition chunk, e.g. `assets/station-abc123.js`. */
export function stationChunkFile(folder: string): string {
  // A station with a layout.json is composed by the build (scripts/vite-stations.ts); otherwise its station.tsx is the chunk.
  const manifest = viteManifest();
  const entry = manifest[`virtual:werkvloer/composition/${folder}`] ?? manifest[`scenes/${folder}/station.tsx`];
  if (!entry) throw new Error(`no chunk for scenes/${folder} (layout composition or station.tsx) in the Vite manifest`);
  return entry.file;
}

/** Gzip size (level 9, as a server would send it) of a built file, by its URL path. */
export function gzipBytes(urlPath: string): number {
  return gzipSync(readFileSync(join(distDir, urlPath.replace(/^\//, ''))), { level: 9 }).length;
}

function closure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string, dynamic: boolean) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k, dynamic);
    if (dynamic) for (const k of chunk.dynamicImports ?? []) visit(k, dynamic);
  };
  for (const k of keys) visit(k, true);
  return files;
}

/**
 * Entry points of emulator code: ours (IWER, only with `?emulate=quest3`) and @react-three/xr's own
 * emulator, which the app switches off (`emulate: false`) but which still exists as a lazy chunk.
 */
const emulatorKeys = ['src/play/xr-emulator.ts', 'node_modules/@pmndrs/xr/dist/emulate.js'];

/**
 * Files only the emulators need. A trainee's headset never loads them, so they do not count
 * against the budget of the VR path.
 */
export function emulatorOnlyFiles(): Set<string> {
  const manifest = viteManifest();
  const emulator = closure(manifest, emulatorKeys.filter((k) => manifest[k]));
  const manifestWithoutEmulator = Object.fromEntries(
    Object.entries(manifest).map(([k, v]) => [k, { ...v, dynamicImports: (v.dynamicImports ?? []).filter((d) => !emulatorKeys.includes(d)) }]),
  );
  const rest = closure(manifestWithoutEmulator, Object.keys(manifest).filter((k) => manifest[k]!.isEntry));
  return new Set([...emulator].filter((f) => !rest.has(f)));
}

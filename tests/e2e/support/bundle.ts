import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtAppDir } from './built-app';
import { languageInfo } from '../../../src/i18n/languages';

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

function closure(manifest: Record<string, ManifestChunk>, keys: string[], dynamic = true, skip: (chunk: ManifestChunk) => boolean = () => false): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string, dynamic: boolean) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk || skip(chunk)) return;
    files.add(chunk.file);
    for (const k of chunk.imports ?? []) visit(k, dynamic);
    if (dynamic) for (const k of chunk.dynamicImports ?? []) visit(k, dynamic);
  };
  for (const k of keys) visit(k, dynamic);
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
  return onlyReachableFrom(emulatorKeys);
}

/**
 * Entry points of what the start screen loads once it has been idle a while (src/results/when-idle.ts):
 * the outbox and the service worker's registration. A trainee who picks a station at once never loads
 * them before its first frame; one who lingers loads them while lingering, off the station's way.
 */
const idleKeys = ['src/results/outbox-status.tsx', 'src/app/service-worker-register.ts'];

/**
 * Of the scripts loaded before a station's first frame, those only the start screen's idle work
 * brought: reachable from its entries and imported by no other loaded script. Counted, they say how
 * long the test sat on the start screen (on a loaded machine), not what the station needs.
 */
export function idleLoadedOnly(scripts: readonly string[]): string[] {
  const manifest = viteManifest();
  const missing = idleKeys.filter((k) => !manifest[k]);
  if (missing.length > 0) throw new Error(`idle-loaded modules not in the Vite manifest (moved or renamed?): ${missing.join(', ')}`);
  const keyOf = new Map(Object.entries(manifest).map(([k, v]) => [v.file, k]));
  // The registration chunk imports the page's entry (the bundler's shared helpers): an entry and what
  // it brings are the page's own, never idle work's.
  const page = closure(manifest, Object.keys(manifest).filter((k) => manifest[k]!.isEntry), false);
  const idle = new Set([...closure(manifest, idleKeys, true, (c) => c.isEntry === true)].filter((f) => !page.has(f)));
  const file = (s: string) => s.replace(/^\//, '');
  const others = scripts.map(file).filter((f) => !idle.has(f) && keyOf.has(f)).map((f) => keyOf.get(f)!);
  const needed = closure(manifest, others, false);
  return scripts.filter((s) => idle.has(file(s)) && !needed.has(file(s)));
}

/** Files reachable from `keys` that nothing else reaches: neither an entry's imports nor another lazy chunk. */
function onlyReachableFrom(keys: readonly string[]): Set<string> {
  const manifest = viteManifest();
  const own = closure(manifest, keys.filter((k) => manifest[k]));
  const manifestWithout = Object.fromEntries(
    Object.entries(manifest).map(([k, v]) => [k, { ...v, dynamicImports: (v.dynamicImports ?? []).filter((d) => !keys.includes(d)) }]),
  );
  const rest = closure(manifestWithout, Object.keys(manifest).filter((k) => manifest[k]!.isEntry));
  return new Set([...own].filter((f) => !rest.has(f)));
}

/** The stations in the build, by folder (found by their scenario chunk, as the app finds them by scenario.json). */
export function builtStations(): string[] {
  const prefix = 'virtual:werkvloer/scenario/';
  return Object.keys(viteManifest())
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length))
    .sort();
}

/**
 * The scripts a station's first frame needs, read from the build's chunk graph alone: the page's entry,
 * the station's scenario and composition, the texts and station titles of the languages shown (the
 * browser's suggestion first, then the one picked on the start screen) with the bidi post-processor of a
 * right-to-left one, and the view
 * the first frame is drawn with (desktop look, or the XR stack in a headset), each with the chunks it
 * imports statically. What is imported lazily is not on the way (the browser runs confirm the same list:
 * tests/e2e/support/station-matrix.ts). The emulators' own files are left out: a headset never loads them.
 */
export function firstFrameFiles(folder: string, way: 'desktop' | 'vr', languages: readonly string[] = ['nl']): Set<string> {
  const manifest = viteManifest();
  const composition = manifest[`virtual:werkvloer/composition/${folder}`] ? `virtual:werkvloer/composition/${folder}` : `scenes/${folder}/station.tsx`;
  const keys = [
    'index.html',
    `virtual:werkvloer/scenario/${folder}`,
    composition,
    ...languages.flatMap((l) => [`virtual:werkvloer/locale-files/${l}`, `virtual:werkvloer/station-titles/${l}`]),
    way === 'desktop' ? 'src/play/desktop-look.tsx' : 'src/play/xr-runtime.ts',
    // Arabic and Dari texts wait for their bidi post-processor (src/i18n/rtl-ready.ts).
    ...(languages.some((l) => languageInfo(l).dir === 'rtl') ? ['src/i18n/bidi-quantities.ts'] : []),
  ];
  const missing = keys.filter((k) => !manifest[k]);
  if (missing.length > 0) throw new Error(`not in the Vite manifest (moved or renamed?): ${missing.join(', ')}`);
  const files = closure(manifest, keys, false);
  if (way === 'vr') for (const f of emulatorOnlyFiles()) files.delete(f);
  return files;
}

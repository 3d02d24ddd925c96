// What a headset keeps for playing offline: the files the service worker precaches (dist/app/sw.js,
// written by vite-plugin-pwa from the whole build), summed by kind, by sector and, for audio, by
// language. Run after a production build:
//   npx vite build && npx tsx scripts/offline-size.ts [dist/app]
// Issue 22 asks for this size after each sector's stations; docs/performance.md keeps the figures.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const sectors = ['wood', 'food', 'plastics', 'textile'] as const;
export type Sector = (typeof sectors)[number];
export type Kind = 'code' | 'texts' | 'audio' | 'fonts' | 'models' | 'xr-profiles' | 'images' | 'other';

export interface PrecacheFile {
  url: string;
  bytes: number;
}

export interface OfflineSizes {
  files: number;
  total: number;
  byKind: Record<Kind, number>;
  /** Files that belong to one sector's stations (their chunks, texts, audio, tiles), by sector. */
  bySector: Record<Sector, number>;
  /** Everything not tied to one sector: the app, the kit, fonts, profiles, feedback and UI audio. */
  shared: number;
  /** Audio by language (every sector and the shared audio). */
  audioByLanguage: Record<string, number>;
  /** Audio of one sector's stations by language. */
  sectorAudioByLanguage: Record<Sector, Record<string, number>>;
}

/** The URLs of a workbox precache manifest, as vite-plugin-pwa writes it into sw.js. */
export function precacheUrls(swSource: string): string[] {
  return [...swSource.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1]!);
}

export function kindOf(url: string): Kind {
  if (url.startsWith('xr-profiles/')) return 'xr-profiles';
  if (url.startsWith('audio/')) return 'audio';
  if (/\.(js|mjs|css|html)$/.test(url)) return 'code';
  if (/\.json$/.test(url)) return 'texts';
  if (/\.(ttf|otf|woff2?)$/.test(url)) return 'fonts';
  if (/\.(glb|gltf|ktx2)$/.test(url)) return 'models';
  if (/\.(png|svg|jpe?g|webp)$/.test(url)) return 'images';
  return 'other';
}

/**
 * The sector a file belongs to, from a scenario id in its path or name (`wood-panel-saw`): audio
 * folders, locale namespaces and station tiles are named after it. Station chunks have hashed names
 * (`station-B7NDeZNi.js`): Vite's manifest says which scene each came from (`chunks`, see
 * chunkSectors). The shared Dutch word audio (audio/nl/terms) and the feedback and UI voices belong to
 * no sector.
 */
export function sectorOf(url: string, chunks: ReadonlyMap<string, Sector> = new Map()): Sector | null {
  const chunk = chunks.get(url);
  if (chunk) return chunk;
  const m = /(?:^|[/_.-])(wood|food|plastics|textile)-[a-z0-9]/.exec(url);
  return m ? (m[1] as Sector) : null;
}

/** Built file → sector, for the chunks of scenes/<sector>/… and the stations' virtual modules, from Vite's manifest. */
export function chunkSectors(manifest: Record<string, { file: string; css?: string[] }>): Map<string, Sector> {
  const out = new Map<string, Sector>();
  for (const [key, chunk] of Object.entries(manifest)) {
    const m = /^(?:scenes|virtual:werkvloer\/[a-z-]+)\/(wood|food|plastics|textile)\//.exec(key);
    if (!m) continue;
    for (const file of [chunk.file, ...(chunk.css ?? [])]) out.set(file, m[1] as Sector);
  }
  return out;
}

const languageOf = (url: string): string | null => /^audio\/([a-z]{2,3})\//.exec(url)?.[1] ?? null;

export function offlineSizes(files: readonly PrecacheFile[], chunks: ReadonlyMap<string, Sector> = new Map()): OfflineSizes {
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const out: OfflineSizes = {
    files: files.length,
    total: 0,
    byKind: zero(['code', 'texts', 'audio', 'fonts', 'models', 'xr-profiles', 'images', 'other'] as const),
    bySector: zero(sectors),
    shared: 0,
    audioByLanguage: {},
    sectorAudioByLanguage: { wood: {}, food: {}, plastics: {}, textile: {} },
  };
  for (const f of files) {
    out.total += f.bytes;
    const kind = kindOf(f.url);
    out.byKind[kind] += f.bytes;
    // A path inside xr-profiles never names a station, whatever its file is called.
    const sector = kind === 'xr-profiles' ? null : sectorOf(f.url, chunks);
    if (sector) out.bySector[sector] += f.bytes;
    else out.shared += f.bytes;
    const lng = kind === 'audio' ? languageOf(f.url) : null;
    if (lng) {
      out.audioByLanguage[lng] = (out.audioByLanguage[lng] ?? 0) + f.bytes;
      if (sector) out.sectorAudioByLanguage[sector][lng] = (out.sectorAudioByLanguage[sector][lng] ?? 0) + f.bytes;
    }
  }
  return out;
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

function main(outDir: string): void {
  const sw = join(outDir, 'sw.js');
  if (!existsSync(sw)) throw new Error(`${sw} is missing: run \`npx vite build\` first`);
  const files = precacheUrls(readFileSync(sw, 'utf8')).map((url) => ({ url, bytes: statSync(join(outDir, url)).size }));
  const manifestPath = join(outDir, '.vite/manifest.json');
  const chunks = existsSync(manifestPath) ? chunkSectors(JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; css?: string[] }>) : new Map<string, Sector>();
  const s = offlineSizes(files, chunks);
  console.log(`precache of ${outDir}: ${s.files} files, ${mb(s.total)} (bytes on disk, as cached; not gzip)`);
  console.log(`by kind: ${Object.entries(s.byKind).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${mb(n)}`).join(', ')}`);
  console.log(`shared (app, kit, fonts, profiles, feedback/UI/word audio): ${mb(s.shared)}`);
  for (const sector of sectors) {
    const audio = Object.entries(s.sectorAudioByLanguage[sector]).map(([l, n]) => `${l} ${mb(n)}`).join(', ');
    console.log(`${sector}: own files ${mb(s.bySector[sector])}; shared + own ${mb(s.shared + s.bySector[sector])}; own audio by language: ${audio}`);
  }
  console.log(`all audio by language: ${Object.entries(s.audioByLanguage).map(([l, n]) => `${l} ${mb(n)}`).join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv[2] ?? 'dist/app');

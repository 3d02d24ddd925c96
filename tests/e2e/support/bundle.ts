import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const distDir = join(process.cwd(), 'dist/app');

export function viteManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
}

/** The built file of a station's own 3D composition chunk, e.g. `assets/station-abc123.js`. */
export function stationChunkFile(folder: string): string {
  const entry = viteManifest()[`scenes/${folder}/station.tsx`];
  if (!entry) throw new Error(`no chunk for scenes/${folder}/station.tsx in the Vite manifest`);
  return entry.file;
}

/** Gzip size (level 9, as a server would send it) of a built file, by its URL path. */
export function gzipBytes(urlPath: string): number {
  return gzipSync(readFileSync(join(distDir, urlPath.replace(/^\//, ''))), { level: 9 }).length;
}

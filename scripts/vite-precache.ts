import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * Entry points of emulator code: ours (IWER, only with `?emulate=quest3`) and @react-three/xr's own
 * emulator, which the app switches off but which still exists as a lazy chunk. Same list as the
 * budget checks (tests/e2e/support/bundle.ts).
 */
const emulatorKeys = ['src/play/xr-emulator.ts', 'node_modules/@pmndrs/xr/dist/emulate.js'];

function closure(manifest: Record<string, ManifestChunk>, keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    files.add(chunk.file);
    for (const k of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(k);
  };
  for (const k of keys) visit(k);
  return files;
}

/**
 * Built files only the headset emulators need (their virtual rooms alone are about 5 MB). A trainee
 * device never loads them, so the service worker does not precache them.
 */
export function emulatorOnlyFiles(outDir: string): Set<string> {
  const path = join(outDir, '.vite/manifest.json');
  if (!existsSync(path)) return new Set();
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  const emulator = closure(manifest, emulatorKeys.filter((k) => manifest[k]));
  const withoutEmulator = Object.fromEntries(
    Object.entries(manifest).map(([k, v]) => [k, { ...v, dynamicImports: (v.dynamicImports ?? []).filter((d) => !emulatorKeys.includes(d)) }]),
  );
  const rest = closure(withoutEmulator, Object.keys(manifest).filter((k) => manifest[k]!.isEntry));
  return new Set([...emulator].filter((f) => !rest.has(f)));
}

/** A workbox manifest transform that leaves the emulator-only files out of the precache list. */
export function withoutEmulatorFiles(outDir: string) {
  return async <T extends { url: string }>(entries: T[]) => {
    const skip = emulatorOnlyFiles(outDir);
    return { manifest: entries.filter((e) => !skip.has(e.url)), warnings: [] as string[] };
  };
}

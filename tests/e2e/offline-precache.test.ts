import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtAppDir } from './support/built-app';
import { emulatorOnlyFiles, viteManifest } from './support/bundle';

const distDir = builtAppDir;

/** The URLs the built service worker precaches (its manifest is inlined in sw.js). */
function precached(): string[] {
  const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[0-9a-f]+"|null)\}/g)].map((m) => m[1]!);
}

function builtFiles(dir = distDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? builtFiles(join(dir, e.name)) : [relative(distDir, join(dir, e.name))]));
}

/**
 * What only the replay page's own build wrote (scripts/vite-replay-page.ts): every replay reads its
 * session from the server, so nothing of it is kept for offline, like the dashboard's page.
 */
function replayOnlyFiles(): Set<string> {
  const path = join(distDir, '.vite/replay-manifest.json');
  if (!existsSync(path)) return new Set();
  type Chunk = { file: string; css?: string[]; assets?: string[] };
  const filesOf = (m: Record<string, Chunk>) => Object.values(m).flatMap((c) => [c.file, ...(c.css ?? []), ...(c.assets ?? [])]);
  const app = new Set(filesOf(viteManifest() as Record<string, Chunk>));
  return new Set(['replay.html', ...filesOf(JSON.parse(readFileSync(path, 'utf8')) as Record<string, Chunk>).filter((f) => !app.has(f))]);
}

describe('what the service worker keeps for offline start (the built sw.js)', () => {
  test('every file the trainee app can load is precached: page, every chunk (stations, languages), fonts, controller profiles', () => {
    const urls = new Set(precached());
    const emulator = emulatorOnlyFiles();
    // The trainer dashboard's page is not the trainee app's: trainers need the server anyway.
    const replayOnly = replayOnlyFiles();
    // Generated speech is kept per language the headset uses (src/audio/audio-offline.ts), not precached.
    const speech = (f: string) => /^audio\/[a-z]{2,3}\/.+\.ogg$/.test(f);
    const needed = builtFiles().filter((f) => !f.startsWith('.vite/') && f !== 'sw.js' && f !== 'dashboard.html' && !/^workbox-[\w-]+\.js$/.test(f) && !emulator.has(f) && !replayOnly.has(f) && !speech(f));
    expect(needed.filter((f) => !urls.has(f))).toEqual([]);
    // Each language's list of what it can say is precached; its files are not, and are served from the per-language cache.
    const languages = readdirSync(join(distDir, 'audio'));
    expect(languages.length).toBe(8);
    for (const lng of languages) expect(urls.has(`audio/${lng}/manifest.json`), lng).toBe(true);
    expect(builtFiles().filter(speech).length).toBeGreaterThan(1000);
    expect([...urls].filter(speech)).toEqual([]);
    expect(readFileSync(join(distDir, 'sw.js'), 'utf8')).toContain('cacheName:"werkvloer-audio"');
    // The parts the offline promise names, each present by kind.
    expect(urls.has('index.html')).toBe(true);
    const manifest = viteManifest();
    const stationChunks = Object.entries(manifest).filter(([src]) => /^scenes\/[^/]+\/[^/]+\/station\.tsx$/.test(src));
    expect(stationChunks.length).toBeGreaterThan(0);
    for (const [, chunk] of stationChunks) expect(urls.has(chunk.file)).toBe(true);
    const localeChunks = Object.entries(manifest).filter(([src]) => src.startsWith('locales/'));
    expect(localeChunks.length).toBeGreaterThanOrEqual(8);
    for (const [, chunk] of localeChunks) expect(urls.has(chunk.file)).toBe(true);
    expect([...urls].filter((u) => u.endsWith('.ttf')).length).toBeGreaterThanOrEqual(3);
    for (const profile of ['profilesList.json', 'meta-quest-touch-plus/profile.json', 'generic-hand/left.glb']) expect(urls.has(`xr-profiles/${profile}`)).toBe(true);
  });

  test('nothing from the API, no emulator rooms, and the API is kept out of the navigation fallback', () => {
    const urls = precached();
    expect(urls.filter((u) => u.startsWith('api/'))).toEqual([]);
    const emulator = emulatorOnlyFiles();
    expect(emulator.size).toBeGreaterThan(0);
    expect(urls.filter((u) => emulator.has(u))).toEqual([]);
    const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
    expect(sw).toContain('denylist:[/^\\/api\\//]');
    // `prompt`: the new version waits for the start screen's restart button, never skips waiting by itself.
    expect(sw).toContain('SKIP_WAITING');
    expect(sw).not.toMatch(/self\.skipWaiting\(\)\s*[,;]\s*\w+\.clientsClaim\(\)/);
  });
});

import type { AudioManifest } from './spoken-keys';

/**
 * Generated audio is kept for offline play per language, not all of it: every language of every
 * station is some 70 MB and grows with each station, while a headset speaks the one or two languages
 * its trainees chose. The service worker precaches each language's manifest with the build and
 * serves files from this cache (vite.config.ts, runtimeCaching); the app fills it for the language
 * in use (`keepLanguageOffline`) and the Dutch words, which every trainee hears in Dutch.
 */
export const audioCache = 'werkvloer-audio';

type Entry = AudioManifest['files'][string];

function base(): string {
  return `${import.meta.env.BASE_URL}audio/`;
}

/**
 * Where a generated file is fetched and kept. The file name is the text's key, so the same name
 * holds new speech after a text changes: the manifest's hash in the query makes that a new entry,
 * and the cache-first service worker never answers it with the old speech.
 */
export function generatedFileUrl(lng: string, entry: Pick<Entry, 'file' | 'sha256'>): string {
  return `${base()}${lng}/${entry.file}?v=${entry.sha256.slice(0, 16)}`;
}

/** The URLs of a manifest's generated files (a centre's recordings, absolute paths, have their own cache). */
function generatedUrls(lng: string, files: AudioManifest['files'], keep: (key: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const [key, entry] of Object.entries(files)) if (!entry.file.startsWith('/') && keep(key)) out.add(generatedFileUrl(lng, entry));
  return out;
}

const pathOf = (url: string) => {
  const u = new URL(url, location.href);
  return `${u.pathname}${u.search}`;
};

/** Where a language's list of generated files is served (precached by the service worker). */
export function manifestUrl(lng: string): string {
  return `${base()}${lng}/manifest.json`;
}

async function fetchManifest(lng: string): Promise<AudioManifest | null> {
  try {
    const res = await fetch(manifestUrl(lng));
    return res.ok ? ((await res.json()) as AudioManifest) : null;
  } catch {
    return null;
  }
}

/** Several at a time, not thousands at once: the start screen stays responsive. */
async function eachLimited<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * Puts a language's generated audio in the offline cache (and the Dutch words in Dutch), and drops
 * that language's files the current manifest no longer names (older speech of a changed text).
 * Returns how many files were added. Without Cache Storage (an insecure origin) it does nothing.
 */
export async function keepLanguageOffline(lng: string): Promise<number> {
  if (typeof caches === 'undefined') return 0;
  const wanted = new Map<string, Set<string>>();
  const own = await fetchManifest(lng);
  if (own) wanted.set(lng, generatedUrls(lng, own.files, () => true));
  if (lng !== 'nl') {
    const dutch = await fetchManifest('nl');
    if (dutch) wanted.set('nl', generatedUrls('nl', dutch.files, (key) => key.startsWith('terms:')));
  }
  const cache = await caches.open(audioCache);
  const have = new Set((await cache.keys()).map((r) => pathOf(r.url)));
  // A file of an older text version: only in its own language's folder, and only the full language (not nl's words).
  if (own) {
    const folder = `${base()}${lng}/`;
    const current = wanted.get(lng)!;
    await Promise.all([...have].filter((p) => p.startsWith(folder) && !current.has(p)).map((p) => cache.delete(p)));
  }
  const missing = [...wanted.values()].flatMap((urls) => [...urls]).filter((u) => !have.has(u));
  let added = 0;
  await eachLimited(missing, 6, async (url) => {
    try {
      await cache.add(url);
      added++;
    } catch {
      // Offline or the server went away: the next start fills in the rest.
    }
  });
  return added;
}

/** Which of these generated files are in the offline cache (their URLs, as `generatedFileUrl` makes them). */
export async function cachedOffline(urls: readonly string[]): Promise<Set<string>> {
  if (typeof caches === 'undefined') return new Set();
  const cache = await caches.open(audioCache);
  const have = new Set((await cache.keys()).map((r) => pathOf(r.url)));
  return new Set(urls.filter((u) => have.has(u)));
}

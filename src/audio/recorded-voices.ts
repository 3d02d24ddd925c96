import { readTrainee } from '../results/trainee-identity';
import type { AudioManifest } from './spoken-keys';

type Files = AudioManifest['files'];

/** The files are kept by the service worker in this cache (vite.config.ts, runtimeCaching). */
export const voicesCache = 'werkvloer-voices';

function validFiles(v: unknown): Files {
  const out: Files = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const [key, e] of Object.entries(v as Record<string, unknown>)) {
    const f = e as { file?: unknown; sha256?: unknown } | null;
    // Only our own server's recording files: a tampered copy must not make the player fetch elsewhere.
    if (f && typeof f.file === 'string' && /^\/voices\/[0-9a-f-]{36}\.ogg$/.test(f.file) && typeof f.sha256 === 'string') out[key] = { file: f.file, sha256: f.sha256, voice: 'recorded' };
  }
  return out;
}

/**
 * The centre's own recordings in a language for the signed-in trainee (GET /api/trainee/voices/:lng):
 * they replace the generated line, or give a voice where none exists (Tigrinya). Loaded after the
 * first frame, with the audio player (only late parts of the play screen import it). The list is
 * kept on the device and every file is put in the offline cache at once, so a reload without
 * network still speaks them.
 */
export async function recordedFiles(lng: string): Promise<Files> {
  const trainee = readTrainee();
  if (!trainee) return {};
  // Per trainee: on a shared headset the next trainee may belong to another organisation.
  const kept = `werkvloer.voices.${trainee.code}.${lng}`;
  try {
    const res = await fetch(`/api/trainee/voices/${encodeURIComponent(lng)}`, { headers: { authorization: `Bearer ${trainee.token}` } });
    if (res.ok) {
      const files = validFiles(((await res.json()) as { files?: unknown }).files);
      localStorage.setItem(kept, JSON.stringify(files));
      if (typeof caches !== 'undefined') {
        const cache = await caches.open(voicesCache);
        await Promise.all(Object.values(files).map(async (f) => ((await cache.match(f.file)) ? undefined : cache.add(f.file).catch(() => undefined))));
      }
      return files;
    }
    if (res.status === 401) return {};
  } catch {
    // Offline: what the device kept from the last time.
  }
  try {
    return validFiles(JSON.parse(localStorage.getItem(kept) ?? '{}'));
  } catch {
    return {};
  }
}

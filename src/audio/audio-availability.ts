import { useEffect, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { manifest, manifestId } from './audio-player';
import { cachedOffline, generatedFileUrl } from './audio-offline';
import type { AudioManifest } from './spoken-keys';

/** Keys that can be heard, per language, signed-in trainee (manifestId) and network state, once known. */
const recorded = createStore<Record<string, ReadonlySet<string>>>(() => ({}));

const onLine = () => (typeof navigator === 'undefined' ? true : navigator.onLine);
function subscribeNetwork(changed: () => void): () => void {
  window.addEventListener('online', changed);
  window.addEventListener('offline', changed);
  return () => {
    window.removeEventListener('online', changed);
    window.removeEventListener('offline', changed);
  };
}

/**
 * Online every key of the manifest can be fetched. Offline only what the device kept: a centre's
 * recordings (kept when listed) and the generated files of the languages it cached
 * (src/audio/audio-offline.ts) — a language first chosen without network has none.
 */
async function audible(lng: string, m: AudioManifest | null, online: boolean): Promise<ReadonlySet<string>> {
  const files = m?.files ?? {};
  const keys = Object.keys(files);
  if (online) return new Set(keys);
  const generated = new Map(keys.filter((k) => !files[k]!.file.startsWith('/')).map((k) => [k, generatedFileUrl(lng, files[k]!)]));
  const kept = await cachedOffline([...generated.values()]);
  return new Set(keys.filter((k) => !generated.has(k) || kept.has(generated.get(k)!)));
}

function load(lng: string, id: string, online: boolean): void {
  if (recorded.getState()[id]) return;
  void manifest(lng)
    .then((m) => audible(lng, m, online))
    .then((set) => recorded.setState({ [id]: set }));
}

/**
 * Whether any of these keys can be heard in this language now. False until the manifest is known,
 * for a language without a voice (Tigrinya), and offline for a file the device does not hold: a
 * listen button is hidden then, never silent.
 */
export function useHasAudio(lng: string, keys: readonly (string | null | undefined)[]): boolean {
  const online = useSyncExternalStore(subscribeNetwork, onLine, () => true);
  const id = `${manifestId(lng)} ${online ? 'online' : 'offline'}`;
  useEffect(() => load(lng, id, online), [lng, id, online]);
  const set = useStore(recorded, (s) => s[id]);
  return set !== undefined && keys.some((k) => k != null && set.has(k));
}

import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { manifest, manifestId } from './audio-player';

/** Keys with a recording, per language and signed-in trainee (manifestId), once its manifest has loaded. */
const recorded = createStore<Record<string, ReadonlySet<string>>>(() => ({}));

function load(lng: string, id: string): void {
  if (recorded.getState()[id]) return;
  void manifest(lng).then((m) => recorded.setState({ [id]: new Set(Object.keys(m?.files ?? {})) }));
}

/**
 * Whether any of these keys can be heard in this language. False until the manifest is known, and
 * for a language without a voice (Tigrinya): a listen button is hidden then, never silent.
 */
export function useHasAudio(lng: string, keys: readonly (string | null | undefined)[]): boolean {
  const id = manifestId(lng);
  useEffect(() => load(lng, id), [lng, id]);
  const set = useStore(recorded, (s) => s[id]);
  return set !== undefined && keys.some((k) => k != null && set.has(k));
}

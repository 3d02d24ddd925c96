import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { manifest } from './audio-player';

/** Keys with a recording, per language, once its manifest has loaded. */
const recorded = createStore<Record<string, ReadonlySet<string>>>(() => ({}));

function load(lng: string): void {
  if (recorded.getState()[lng]) return;
  void manifest(lng).then((m) => recorded.setState({ [lng]: new Set(Object.keys(m?.files ?? {})) }));
}

/**
 * Whether any of these keys can be heard in this language. False until the manifest is known, and
 * for a language without a voice (Tigrinya): a listen button is hidden then, never silent.
 */
export function useHasAudio(lng: string, keys: readonly (string | null | undefined)[]): boolean {
  useEffect(() => load(lng), [lng]);
  const set = useStore(recorded, (s) => s[lng]);
  return set !== undefined && keys.some((k) => k != null && set.has(k));
}

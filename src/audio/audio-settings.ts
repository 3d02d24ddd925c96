import { createStore } from 'zustand/vanilla';

export interface AudioSettings {
  /** 0 … 1. */
  volume: number;
  /** Both ears hear the same sound: for a trainee who hears on one side, or one earbud. */
  mono: boolean;
  setVolume(volume: number): void;
  setMono(mono: boolean): void;
}

const storageKey = 'werkvloer.audio';

function stored(): Pick<AudioSettings, 'volume' | 'mono'> {
  try {
    const raw = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as { volume?: unknown; mono?: unknown };
    const volume = typeof raw.volume === 'number' && raw.volume >= 0 && raw.volume <= 1 ? raw.volume : 0.8;
    return { volume, mono: raw.mono === true };
  } catch {
    return { volume: 0.8, mono: false };
  }
}

/** Volume and mono, kept on this device (localStorage) across sessions and trainees. */
export const audioSettings = createStore<AudioSettings>()((set, get) => {
  const save = () => {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ volume: get().volume, mono: get().mono }));
    } catch {
      // Private mode or full storage: the setting still holds for this visit.
    }
  };
  return {
    ...(typeof localStorage === 'undefined' ? { volume: 0.8, mono: false } : stored()),
    setVolume: (volume) => {
      set({ volume: Math.round(Math.min(1, Math.max(0, volume)) * 10) / 10 });
      save();
    },
    setMono: (mono) => {
      set({ mono });
      save();
    },
  };
});

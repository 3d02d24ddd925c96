import { createStore } from 'zustand/vanilla';
import type { Mode } from '../engine';

export type Screen = 'start' | 'play';
export type UploadStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; score: number }
  | { kind: 'failed'; reason: string };

export interface AppState {
  screen: Screen;
  language: string;
  stationFolder: string | null;
  mode: Mode;
  /** The trainee asked for VR; the canvas enters the session as soon as it exists. */
  wantsVr: boolean;
  upload: UploadStatus;
  setLanguage(code: string): void;
  chooseStation(folder: string): void;
  setMode(mode: Mode): void;
  play(vr: boolean): void;
  backToStart(): void;
  setUpload(status: UploadStatus): void;
}

export function createAppStore(initialLanguage: string) {
  return createStore<AppState>()((set) => ({
    screen: 'start',
    language: initialLanguage,
    stationFolder: null,
    mode: 'practice',
    wantsVr: false,
    upload: { kind: 'idle' },
    setLanguage: (language) => set({ language }),
    chooseStation: (stationFolder) => set({ stationFolder }),
    setMode: (mode) => set({ mode }),
    play: (wantsVr) => set({ screen: 'play', wantsVr, upload: { kind: 'idle' } }),
    backToStart: () => set({ screen: 'start', wantsVr: false, upload: { kind: 'idle' } }),
    setUpload: (upload) => set({ upload }),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

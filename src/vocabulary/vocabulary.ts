import { createStore } from 'zustand/vanilla';

export interface VocabularyState {
  /** The station object the trainee points at (mouse hover, VR ray), or null. */
  pointed: string | null;
  /** Object ids whose Dutch word the trainee met in this session, in the order met. */
  met: string[];
  point(object: string, on: boolean): void;
  meet(object: string): void;
  reset(): void;
}

/** The Dutch words of the job the trainee sees: pointed at now, and met during the session. */
export const vocabulary = createStore<VocabularyState>()((set, get) => ({
  pointed: null,
  met: [],
  point(object, on) {
    if (on) {
      set({ pointed: object });
      get().meet(object);
    } else if (get().pointed === object) set({ pointed: null });
  },
  meet(object) {
    if (!get().met.includes(object)) set({ met: [...get().met, object] });
  },
  reset: () => set({ pointed: null, met: [] }),
}));

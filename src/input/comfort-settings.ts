import { createStore } from 'zustand/vanilla';

export interface ComfortState {
  /** Seated play: the view is raised so the bench is where a standing worker has it. */
  seated: boolean;
  /** Smooth locomotion with the left thumbstick (off by default: teleport causes less sickness). */
  smoothMove: boolean;
  /** Start the next VR visit with the tutorial (on until it was done or skipped once on this headset). */
  tutorial: boolean;
  /** Bumped by "recenter": the origin goes back to the work position, facing the bench. */
  recenters: number;
  setSeated(on: boolean): void;
  setSmoothMove(on: boolean): void;
  setTutorial(on: boolean): void;
  recenter(): void;
}

/** How high a seated trainee's view is lifted (m): eyes at ~1.2 m seated, ~1.6 m standing. */
export const seatedLift = 0.4;

const storageKey = 'werkvloer.comfort';

interface SavedComfort {
  seated: boolean;
  smoothMove: boolean;
  tutorial: boolean;
}

/** What this device remembers (a wheelchair user's headset stays seated); anything unreadable is ignored. */
function loadSaved(storage: Storage | undefined): SavedComfort {
  const fallback = { seated: false, smoothMove: false, tutorial: true };
  try {
    const raw: unknown = JSON.parse(storage?.getItem(storageKey) ?? 'null');
    if (raw === null || typeof raw !== 'object') return fallback;
    const { seated, smoothMove, tutorial } = raw as Record<string, unknown>;
    return { seated: seated === true, smoothMove: smoothMove === true, tutorial: tutorial !== false };
  } catch {
    return fallback;
  }
}

/** A comfort store that remembers its choices in `storage` (localStorage in the app). */
export function createComfortSettings(storage: Storage | undefined) {
  const saved = loadSaved(storage);
  const store = createStore<ComfortState>()((set) => ({
    ...saved,
    recenters: 0,
    setSeated: (seated) => set({ seated }),
    setSmoothMove: (smoothMove) => set({ smoothMove }),
    setTutorial: (tutorial) => set({ tutorial }),
    recenter: () => set((s) => ({ recenters: s.recenters + 1 })),
  }));
  store.subscribe((s, before) => {
    if (s.seated === before.seated && s.smoothMove === before.smoothMove && s.tutorial === before.tutorial) return;
    try {
      storage?.setItem(storageKey, JSON.stringify({ seated: s.seated, smoothMove: s.smoothMove, tutorial: s.tutorial }));
    } catch {
      // Private mode or a full disk: the choice still holds for this visit.
    }
  });
  return store;
}

/** VR comfort choices, set on the start screen or in VR; the XR stack reads them. */
export const comfortSettings = createComfortSettings(typeof localStorage === 'undefined' ? undefined : localStorage);

import { createStore } from 'zustand/vanilla';

export interface ComfortState {
  /** Seated play: the view is raised so the bench is where a standing worker has it. */
  seated: boolean;
  /** Smooth locomotion with the left thumbstick (off by default: teleport causes less sickness). */
  smoothMove: boolean;
  /** Bumped by "recenter": the origin goes back to the work position, facing the bench. */
  recenters: number;
  setSeated(on: boolean): void;
  setSmoothMove(on: boolean): void;
  recenter(): void;
}

/** How high a seated trainee's view is lifted (m): eyes at ~1.2 m seated, ~1.6 m standing. */
export const seatedLift = 0.4;

/** VR comfort choices, set on the start screen or in VR; the XR stack reads them. */
export const comfortSettings = createStore<ComfortState>()((set) => ({
  seated: false,
  smoothMove: false,
  recenters: 0,
  setSeated: (seated) => set({ seated }),
  setSmoothMove: (smoothMove) => set({ smoothMove }),
  recenter: () => set((s) => ({ recenters: s.recenters + 1 })),
}));

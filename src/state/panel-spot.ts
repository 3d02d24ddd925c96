import { createStore } from 'zustand/vanilla';

type Vec3 = readonly [number, number, number];

/**
 * Where the station on show wants the VR instruction panel (its layout's `panel.position`): set by
 * the station's composition while it is mounted, read by the play shell that hangs the panel. Null:
 * the shell's default spot.
 */
export const panelSpot = createStore<{ position: Vec3 | null }>()(() => ({ position: null }));

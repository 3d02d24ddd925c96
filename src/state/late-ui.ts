import { createStore } from 'zustand/vanilla';

/**
 * Set once the 3D instruction panel has loaded, i.e. after the station's first frame. The overlay's
 * extras (settings, spoken audio, vocabulary) load then, so they never delay that frame nor count
 * against the JavaScript budget before it (tests/e2e/budgets.test.ts). `vr`: the panel is drawn in
 * a headset (the live progress says so before the trainee's first action does).
 */
export const lateUi = createStore<{ ready: boolean; vr?: boolean }>()(() => ({ ready: false }));

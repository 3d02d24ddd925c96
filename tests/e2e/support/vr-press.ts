import type { Page } from 'playwright-core';
import { aimAt, restingRightHand } from './aim';
import { nextFrames, setButton, setPose } from './emulator';

type Vec3 = [number, number, number];

/**
 * Aims the right controller's ray from the hand (resting by default; `hand` in the XR origin's space)
 * at a world point and pulls the trigger, then lets go.
 */
export async function pressAt(page: Page, target: Vec3, hand: readonly [number, number, number] = restingRightHand): Promise<void> {
  await setPose(page, 'right-controller', { position: [...hand], quaternion: aimAt(hand, target) });
  await nextFrames(page, 4);
  await setButton(page, 'trigger', 1);
  await nextFrames(page, 4);
  await setButton(page, 'trigger', 0);
  await nextFrames(page, 4);
}

/** Where an interactable of the station is (the render probe's registry). */
export const objectAt = (page: Page, id: string): Promise<Vec3> => page.evaluate((o) => window.__werkvloer!.worldPosition(o), id).then((p) => p!);

/** Where a named 3D panel button is (`panel-settings`, `language:ar`). */
export const namedAt = (page: Page, name: string): Promise<Vec3> => page.evaluate((n) => window.__werkvloerNamed!(n), name).then((p) => p!);

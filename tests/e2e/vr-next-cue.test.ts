import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { heading } from './support/aim';
import { nextFrames, setPose } from './support/emulator';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { openStation } from './support/station-matrix';

/**
 * In VR, where the next thing to do is out of view, an arrow at the edge of the view points to it
 * (issue 21). The emulated headset turns away from the bench: the arrow appears, lies toward the
 * glasses from the view's centre and points that way, both within 15° of where the glasses are as
 * the head sees them; facing the bench again, it goes.
 */

interface CueSeen {
  visible: boolean;
  /** From the view's centre to the arrow, on the view plane (degrees, 0 right, 90 up). */
  placed: number;
  /** The way the arrow's tip points, on the view plane. */
  pointing: number;
  /** The way to the object from the view's centre, on the view plane. */
  object: number;
  /** The arrow's distance from the eyes (m). */
  distance: number;
}

function cueSeen(page: Page, objectId: string): Promise<CueSeen | null> {
  return page.evaluate((id) => {
    const probe = window.__werkvloer!;
    const { scene, camera } = probe.three();
    const arrow = scene.getObjectByName('vr-cue');
    const at = probe.worldPosition(id);
    if (!arrow || !at) return null;
    const deg = (y: number, x: number) => (Math.atan2(y, x) * 180) / Math.PI;
    // In a headset the renderer keeps the head's pose in the scene's camera.
    const headInverse = camera.matrixWorld.clone().invert();
    const arrowAt = arrow.getWorldPosition(arrow.position.clone()).applyMatrix4(headInverse);
    const objectAt = arrow.position.clone().set(at[0], at[1], at[2]).applyMatrix4(headInverse);
    const headTurn = camera.getWorldQuaternion(arrow.quaternion.clone()).invert();
    const tip = arrow.position.clone().set(1, 0, 0).applyQuaternion(arrow.getWorldQuaternion(arrow.quaternion.clone())).applyQuaternion(headTurn);
    return { visible: arrow.visible, placed: deg(arrowAt.y, arrowAt.x), pointing: deg(tip.y, tip.x), object: deg(objectAt.y, objectAt.x), distance: arrowAt.length() };
  }, objectId);
}

const apart = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe('VR: a cue to the next thing to do', () => {
  const g = guardedPageForTests();

  test('turned away from the bench, an arrow at the edge of the view points to the glasses; facing them, it goes', async () => {
    const { page } = g;
    // In the headset, in Dutch, at the intro workbench, controllers tracked and the station's parts placed.
    await openStation(page, 'wood/intro-workbench', true, { language: 'nl' });
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('vr-cue') === true, undefined, { timeout: 60_000 });
    await nextFrames(page, 5);
    expect((await cueSeen(page, 'safety-glasses'))!.visible).toBe(false);

    // Turn the head 90° to the right: the glasses are on the left now.
    await setPose(page, 'headset', { quaternion: heading(-Math.PI / 2) });
    await expect.poll(async () => (await cueSeen(page, 'safety-glasses'))?.visible, { timeout: 20_000 }).toBe(true);
    await nextFrames(page, 5);
    const left = (await cueSeen(page, 'safety-glasses'))!;
    expect(apart(left.object, 180)).toBeLessThan(60);
    expect(apart(left.placed, left.object)).toBeLessThanOrEqual(15);
    expect(apart(left.pointing, left.object)).toBeLessThanOrEqual(15);
    // Close enough to read at a glance, never at the eyes.
    expect(left.distance).toBeGreaterThan(0.5);
    expect(left.distance).toBeLessThan(1.2);

    // Turn the other way, past the bench: the glasses are behind on the right; the arrow turns to point right.
    await setPose(page, 'headset', { quaternion: heading((3 * Math.PI) / 4) });
    await expect.poll(async () => (await cueSeen(page, 'safety-glasses'))?.pointing ?? 180, { timeout: 20_000 }).toSatisfy((a: number) => Math.cos((a * Math.PI) / 180) > 0);
    await nextFrames(page, 5);
    const behind = (await cueSeen(page, 'safety-glasses'))!;
    expect(behind.visible).toBe(true);
    expect(apart(behind.pointing, behind.object)).toBeLessThanOrEqual(15);

    // Facing the bench again: no arrow.
    await setPose(page, 'headset', { quaternion: heading(0) });
    await expect.poll(async () => (await cueSeen(page, 'safety-glasses'))?.visible, { timeout: 20_000 }).toBe(false);
    expect(g.consoleErrors).toEqual([]);
  });
});

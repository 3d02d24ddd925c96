import type { Page } from 'playwright-core';
import { Quaternion, Vector3 } from 'three';
import { describe, expect, inject, test } from 'vitest';
import { restingRightHand } from './support/aim';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { nextFrames, setButton, setPose, waitForTrackedInputs } from './support/emulator';

type Vec3 = [number, number, number];
const eyes: Vec3 = [0, 1.6, 0];

const viewer = (page: Page) => page.evaluate(() => window.__werkvloer!.viewerPosition());
const viewerHeading = (page: Page) => page.evaluate(() => window.__werkvloer!.viewerHeading());

/**
 * Aims the right controller at a world point, wherever the trainee now stands: the controller's
 * pose is local to the XR origin, which teleport, snap turns and seated play move.
 */
async function aimRight(page: Page, target: Vec3) {
  const [vx, vy, vz] = await viewer(page);
  const turn = new Quaternion().setFromAxisAngle(new Vector3(0, 1, 0), await viewerHeading(page));
  const origin = new Vector3(vx, vy, vz).sub(new Vector3(...eyes).applyQuaternion(turn));
  const hand = new Vector3(...restingRightHand).applyQuaternion(turn).add(origin);
  const worldAim = new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), new Vector3(...target).sub(hand).normalize());
  const local = turn.clone().invert().multiply(worldAim);
  await setPose(page, 'right-controller', { position: restingRightHand, quaternion: { x: local.x, y: local.y, z: local.z, w: local.w } });
  await nextFrames(page, 4);
}

async function pull(page: Page) {
  await setButton(page, 'trigger', 1);
  await nextFrames(page, 4);
  await setButton(page, 'trigger', 0);
  await nextFrames(page, 6);
}

async function press(page: Page, name: string) {
  const at = await page.evaluate((n) => window.__werkvloer!.worldPosition(n), name);
  expect(at, `${name} is in the scene`).not.toBeNull();
  await aimRight(page, at!);
  await pull(page);
}

describe('VR comfort: seated play, teleport, snap turn and recenter, all from inside the headset', () => {
  const g = guardedPageForTests();

  test('the trainee changes comfort in VR with the controller; nothing moves them otherwise; the headset remembers seated play', async () => {
    const { page } = g;
    await page.goto(`${inject('baseUrl')}/?emulate=quest3`);
    await page.locator('[data-station="wood/intro-workbench"]').click();
    // Standing and teleport are the defaults on a fresh headset.
    expect(await page.locator('[data-comfort="seated"]').isChecked()).toBe(false);
    expect(await page.locator('[data-comfort="smooth-move"]').isChecked()).toBe(false);
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await setPose(page, 'headset', { position: eyes, quaternion: { x: 0, y: 0, z: 0, w: 1 } });
    await waitForTrackedInputs(page);
    await waitForFrames(page, 5);

    const standing = await viewer(page);
    expect(standing[1]).toBeCloseTo(1.6, 2);
    // Frames pass without input: the view stays put (no camera motion the trainee did not make).
    await nextFrames(page, 20);
    expect(await viewer(page)).toEqual(standing);

    // The comfort switches are on the settings panel, opened from the instruction panel.
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('panel-settings') === true, undefined, { timeout: 60_000 });
    await press(page, 'panel-settings');
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('comfort-seated') === true, undefined, { timeout: 60_000 });
    expect(await viewer(page), 'opening the settings moves nobody').toEqual(standing);
    await press(page, 'comfort-seated');
    const seated = await viewer(page);
    expect(seated[1] - standing[1], 'seated play lifts the view by 0.4 m').toBeCloseTo(0.4, 2);

    // Teleport: point at the floor beside the bench and pull the trigger.
    await aimRight(page, [1.2, 0, -0.1]);
    await pull(page);
    const moved = await viewer(page);
    expect(Math.hypot(moved[0] - seated[0], moved[2] - seated[2]), 'teleported across the floor').toBeGreaterThan(0.3);
    expect(moved[1], 'still seated after the teleport').toBeCloseTo(seated[1], 2);

    // Snap turn with the right thumbstick: one push, one 45° turn.
    const before = await viewerHeading(page);
    await page.evaluate(() => (window.__werkvloerEmulator as { controllers: { right: { updateAxes(id: string, x: number, y: number): void } } }).controllers.right.updateAxes('thumbstick', 1, 0));
    await nextFrames(page, 6);
    await page.evaluate(() => (window.__werkvloerEmulator as { controllers: { right: { updateAxes(id: string, x: number, y: number): void } } }).controllers.right.updateAxes('thumbstick', 0, 0));
    await nextFrames(page, 6);
    const turned = Math.abs(Math.atan2(Math.sin((await viewerHeading(page)) - before), Math.cos((await viewerHeading(page)) - before)));
    expect(turned).toBeCloseTo(Math.PI / 4, 2);

    // Recenter: back at the work position, facing the bench, still seated.
    await press(page, 'panel-recenter');
    const back = await viewer(page);
    expect(back.map((v) => Number(v.toFixed(2)))).toEqual(seated.map((v) => Number(v.toFixed(2))));
    expect(await viewerHeading(page)).toBeCloseTo(0, 2);

    // The headset remembers: the start screen shows seated play chosen after a reload.
    await page.reload();
    await page.locator('[data-station="wood/intro-workbench"]').click();
    expect(await page.locator('[data-comfort="seated"]').isChecked()).toBe(true);
  });
});

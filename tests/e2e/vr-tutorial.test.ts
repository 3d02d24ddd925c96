import type { Page } from 'playwright-core';
import { Quaternion, Vector3 } from 'three';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { restingRightHand } from './support/aim';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
import { storedSessions } from './support/database';
import { nextFrames, setButton, setPose, waitForTrackedInputs } from './support/emulator';

type Vec3 = [number, number, number];
const eyes: Vec3 = [0, 1.6, 0];

const viewer = (page: Page) => page.evaluate(() => window.__werkvloer!.viewerPosition());
const where = (page: Page, id: string) => page.evaluate((objectId) => window.__werkvloer!.worldPosition(objectId), id);

/**
 * Where the XR origin is now (teleport moves it): the camera's parent. Not the viewer's position minus
 * the head's: in VR three.js places the camera for both eyes' views, a few centimetres off the head.
 */
const xrOriginNow = (page: Page) =>
  page.evaluate(() => {
    const { camera } = window.__werkvloer!.three();
    const p = camera.parent!.matrixWorld.elements;
    return [p[12], p[13], p[14]] as [number, number, number];
  });

/** Aims the right controller at a world point from wherever the trainee stands now. */
async function aimRight(page: Page, target: Vec3) {
  const origin = new Vector3(...(await xrOriginNow(page)));
  const hand = new Vector3(...restingRightHand).add(origin);
  const q = new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), new Vector3(...target).sub(hand).normalize());
  await setPose(page, 'right-controller', { position: restingRightHand, quaternion: { x: q.x, y: q.y, z: q.z, w: q.w } });
  await nextFrames(page, 4);
}

async function trigger(page: Page, value: 0 | 1) {
  await setButton(page, 'trigger', value);
  await nextFrames(page, 4);
}

async function pressAt(page: Page, target: Vec3) {
  await aimRight(page, target);
  await trigger(page, 1);
  await trigger(page, 0);
}

async function enterVr(page: Page) {
  await page.goto(`${inject('baseUrl')}/?emulate=quest3`);
  await page.locator('[data-station="wood/intro-workbench"]').click();
  await page.locator('[data-action="enter-vr"]').click();
  await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
  await setPose(page, 'headset', { position: eyes, quaternion: { x: 0, y: 0, z: 0, w: 1 } });
    await waitForTrackedInputs(page);
  await waitForFrames(page, 5);
}

const instruction = (page: Page) => page.getByTestId('instruction').textContent();

describe('first time in VR: the tutorial before the first station', () => {
  let g: GuardedPage | null = null;
  afterEach(async () => {
    await g?.close();
    expect(g?.foreignRequests ?? []).toEqual([]);
    g = null;
  });

  test('a new headset starts with the tutorial: point and press, grab and place, teleport there and back; then the station, whose record holds only its own actions', async () => {
    g = await openGuardedPage(inject('baseUrl'), undefined, { firstTimeInVr: true });
    const { page } = g;
    await enterVr(page);
    await page.waitForFunction(() => window.__werkvloer?.objectIds().includes('big-button') === true, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__werkvloer!.objectIds().includes('safety-glasses'))).toBe(false);

    await pressAt(page, (await where(page, 'big-button'))!);
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('tutorial-skip') === true, undefined, { timeout: 60_000 });

    // Grab the block with the trigger held, swing the ray over to the crate, let go.
    const block = (await where(page, 'block'))!;
    await aimRight(page, block);
    await trigger(page, 1);
    const crate: Vec3 = [0.35, 0.94, -0.65];
    for (let i = 1; i <= 4; i++) {
      const f = i / 4;
      await aimRight(page, [block[0] + (crate[0] - block[0]) * f, block[1] + (crate[1] - block[1]) * f, block[2] + (crate[2] - block[2]) * f]);
    }
    await trigger(page, 0);
    const placed = (await where(page, 'block'))!;
    expect(Math.hypot(placed[0] - crate[0], placed[2] - crate[2]), 'the block snapped into the crate').toBeLessThan(0.02);

    // Teleport onto the green circle, then back to the table. The teleport ray is an arc: aimed
    // at a point 0.6 m above the circle, it comes down on it.
    const spot = (await where(page, 'floor-spot'))!;
    const start = await viewer(page);
    await pressAt(page, [spot[0], 0.6, spot[2]]);
    const there = await viewer(page);
    expect(Math.hypot(there[0] - spot[0], there[2] - spot[2]), 'standing on the circle').toBeLessThan(0.45);
    await pressAt(page, [start[0], 0.6, start[2]]);

    // The tutorial is over: the station appears and its own session begins.
    await page.waitForFunction(() => window.__werkvloer?.objectIds().includes('safety-glasses') === true, undefined, { timeout: 60_000 });
    await expect.poll(() => instruction(page)).toContain('veiligheidsbril');
    expect(await viewer(page)).toEqual(start.map((v) => expect.closeTo(v, 2)));
    for (const id of ['safety-glasses', 'start-button', 'stop-button']) {
      const before = await instruction(page);
      await pressAt(page, (await where(page, id))!);
      if (id !== 'stop-button') await expect.poll(() => instruction(page), { timeout: 20_000 }).not.toBe(before);
    }
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
    const sessionId = await page.locator('[data-session-id]').getAttribute('data-session-id');
    const rows = storedSessions(inject('dataDir'));
    const row = rows.find((r) => r.id === sessionId)!;
    expect(JSON.parse(row.events_json).map((e: { object: string }) => e.object)).toEqual(['safety-glasses', 'start-button', 'stop-button']);
    expect(rows.some((r) => r.scenario_id === 'vr-tutorial'), 'the tutorial is never uploaded').toBe(false);

    // Next time this headset goes straight to the station; the start screen can bring the tutorial back.
    await page.goto(`${inject('baseUrl')}/?emulate=quest3`);
    await page.locator('[data-station="wood/intro-workbench"]').click();
    expect(await page.locator('[data-comfort="tutorial"]').isChecked()).toBe(false);
  });

  test('the tutorial can be skipped from inside the headset', async () => {
    g = await openGuardedPage(inject('baseUrl'), undefined, { firstTimeInVr: true });
    const { page } = g;
    await enterVr(page);
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('tutorial-skip') === true, undefined, { timeout: 60_000 });
    await pressAt(page, (await where(page, 'tutorial-skip'))!);
    await page.waitForFunction(() => window.__werkvloer?.objectIds().includes('safety-glasses') === true, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__werkvloer!.objectIds().includes('big-button'))).toBe(false);
  });
});

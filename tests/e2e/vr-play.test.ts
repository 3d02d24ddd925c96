import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { aimAt, restingLeftHand, restingRightHand } from './support/aim';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { storedSessions } from './support/database';
import { nextFrames, setButton, setPinch, setPose, useHands, type Side, waitForTrackedInputs } from './support/emulator';
import { joinAsNewTrainee } from './support/trainees';
import { expectBusiestXrFrameWithinBudget } from './support/xr-budget';

const idealPath = ['safety-glasses', 'start-button', 'stop-button'];

interface Way {
  name: string;
  side: Side;
  hands: boolean;
  device: 'vr-controller' | 'vr-hand';
}

const ways: Way[] = [
  { name: 'the right controller (ray + trigger)', side: 'right', hands: false, device: 'vr-controller' },
  { name: 'only the left controller (one-handed)', side: 'left', hands: false, device: 'vr-controller' },
  { name: 'tracked hands (pinch)', side: 'right', hands: true, device: 'vr-hand' },
];

/** Points the hand or controller at an object and pulls the trigger (or pinches), then lets go. */
async function pressWith(page: Page, way: Way, id: string) {
  const target = await page.evaluate((objectId) => window.__werkvloer!.worldPosition(objectId), id);
  expect(target, `${id} exists`).not.toBeNull();
  const rest = way.side === 'left' ? restingLeftHand : restingRightHand;
  await setPose(page, `${way.side}-${way.hands ? 'hand' : 'controller'}`, { position: rest, quaternion: aimAt(rest, target!) });
  await nextFrames(page, 4);
  if (way.hands) await setPinch(page, 1, way.side);
  else await setButton(page, 'trigger', 1, way.side);
  await nextFrames(page, 4);
  if (way.hands) await setPinch(page, 0, way.side);
  else await setButton(page, 'trigger', 0, way.side);
  await nextFrames(page, 4);
}

describe('VR: play the sample station with controllers and hands, entering through the real button', () => {
  const g = guardedPageForTests();

  test.each(ways)('with $name: score 100, row stored as $device', async (way) => {
    const { page } = g;
    const trainee = await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'), '?emulate=quest3');
    await page.locator('[data-station="wood/intro-workbench"]').click();
    // The button appears only once the (explicitly requested) emulator reports immersive-vr support.
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await waitForFrames(page, 10);
    await waitForTrackedInputs(page);
    await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
    if (way.side === 'left') {
      // The other hand hangs down at the side, pointing at the floor: it plays no part.
      await setPose(page, 'right-controller', { position: [0.3, 0.8, 0.1], quaternion: aimAt([0.3, 0.8, 0.1], [0.3, 0, 0.6]) });
    }
    if (way.hands) {
      await useHands(page, true);
      await nextFrames(page, 30);
    }

    for (const id of idealPath) {
      const before = await page.getByTestId('instruction').textContent();
      await pressWith(page, way, id);
      if (id !== idealPath[idealPath.length - 1]) {
        await expect.poll(() => page.getByTestId('instruction').textContent(), { timeout: 20_000 }).not.toBe(before);
      }
    }

    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
    const sessionId = await page.locator('[data-session-id]').getAttribute('data-session-id');
    const row = storedSessions(inject('dataDir')).find((r) => r.id === sessionId);
    expect(row, 'the row of this very session').toBeDefined();
    expect(row!.trainee_id, 'stored under the trainee who played').toBe(trainee.id);
    const events = JSON.parse(row!.events_json) as { action: string; object: string; device: string }[];
    expect(events.map((e) => `${e.action} ${e.object} ${e.device}`)).toEqual([
      `wear safety-glasses ${way.device}`,
      `press start-button ${way.device}`,
      `press stop-button ${way.device}`,
    ]);
    expect(row).toMatchObject({ scenario_id: 'wood-intro-workbench', language: 'nl', device: way.device, score: 100 });
    await expectBusiestXrFrameWithinBudget(page, `wood/intro-workbench with ${way.name}`);
  });
});

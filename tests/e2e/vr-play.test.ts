import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { aimAt, restingRightHand } from './support/aim';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
import { storedSessions } from './support/database';
import { nextFrames, setButton, setPose } from './support/emulator';

const idealPath = ['safety-glasses', 'start-button', 'stop-button'];

describe('VR: play the sample station with the emulated right controller', () => {
  let g: GuardedPage;
  beforeEach(async () => {
    g = await openGuardedPage(inject('baseUrl'));
  });
  afterEach(async () => {
    await g.close();
    expect(g.foreignRequests).toEqual([]);
  });

  test('enter VR through the button, point and pull the trigger, row stored as vr-controller', async () => {
    const { page } = g;
    await page.goto(`${inject('baseUrl')}/?emulate=quest3`);
    await page.locator('[data-station="wood/intro-workbench"]').click();
    // The button appears only once the (explicitly requested) emulator reports immersive-vr support.
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await waitForFrames(page, 10);
    // Controllers exist only if their profiles loaded from our own server.
    await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);

    for (const id of idealPath) {
      const before = await page.getByTestId('instruction').textContent();
      const target = await page.evaluate((objectId) => window.__werkvloer!.worldPosition(objectId), id);
      expect(target, `${id} exists`).not.toBeNull();
      await setPose(page, 'right-controller', { position: restingRightHand, quaternion: aimAt(restingRightHand, target!) });
      await nextFrames(page, 4);
      await setButton(page, 'trigger', 1);
      await nextFrames(page, 4);
      await setButton(page, 'trigger', 0);
      await nextFrames(page, 4);
      if (id !== idealPath[idealPath.length - 1]) {
        await expect.poll(() => page.getByTestId('instruction').textContent(), { timeout: 20_000 }).not.toBe(before);
      }
    }

    await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
    const rows = storedSessions(inject('dataDir')).filter((r) => r.device === 'vr-controller');
    expect(rows).toHaveLength(1);
    // The row is this very session: the id the app made is the idempotency key the server kept.
    const sessionId = await page.locator('[data-session-id]').getAttribute('data-session-id');
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows[0]!.id).toBe(sessionId);
    expect(rows[0]).toMatchObject({ scenario_id: 'wood-intro-workbench', language: 'nl', score: 100 });
    const devices = JSON.parse(rows[0]!.events_json).map((e: { device: string }) => e.device);
    expect(devices).toEqual(['vr-controller', 'vr-controller', 'vr-controller']);
  });
});

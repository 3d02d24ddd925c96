import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
import { storedSessions } from './support/database';
import { joinAsNewTrainee } from './support/trainees';

const idealPath = ['safety-glasses', 'start-button', 'stop-button'];

async function storedEvents(page: Page, traineeId: string) {
  await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('saved');
  const sessionId = await page.locator('[data-session-id]').getAttribute('data-session-id');
  const row = storedSessions(inject('dataDir')).find((r) => r.id === sessionId);
  expect(row, 'the row of this very session').toBeDefined();
  expect(row!.trainee_id, 'stored under the trainee who played').toBe(traineeId);
  return { row: row!, events: JSON.parse(row!.events_json) as { action: string; object: string; device: string }[] };
}

async function waitForStation(page: Page) {
  await waitForFrames(page, 5);
  await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
}

describe('desktop: touch and keyboard', () => {
  let g: GuardedPage;
  afterEach(async () => {
    await g.close();
    expect(g.foreignRequests).toEqual([]);
    expect(g.consoleErrors).toEqual([]);
  });

  test('a tablet: tap the menus and every object, stored as touch with score 100', async () => {
    g = await openGuardedPage(inject('baseUrl'), { width: 640, height: 400 }, { hasTouch: true });
    const { page } = g;
    const trainee = await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'));
    await page.locator('[data-station="wood/intro-workbench"]').tap();
    await page.locator('[data-action="play-desktop"]').tap();
    await waitForStation(page);
    for (const id of idealPath) {
      const before = await page.getByTestId('instruction').textContent();
      const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
      expect(at, `${id} is on screen`).not.toBeNull();
      await page.touchscreen.tap(at!.x, at!.y);
      if (id !== idealPath[idealPath.length - 1]) await expect.poll(() => page.getByTestId('instruction').textContent()).not.toBe(before);
    }
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score')).toBe('100');
    const { row, events } = await storedEvents(page, trainee.id);
    expect(events.map((e) => `${e.action} ${e.object} ${e.device}`)).toEqual(idealPath.map((id, i) => `${i === 0 ? 'wear' : 'press'} ${id} touch`));
    expect(row).toMatchObject({ device: 'touch', score: 100 });
  });

  test('menus by keyboard only: Tab and Enter to start, H for a hint, Escape to stop', async () => {
    g = await openGuardedPage(inject('baseUrl'));
    const { page } = g;
    const trainee = await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'));
    // The start screen shows once its texts have loaded: wait for it before pressing keys.
    await page.locator('[data-lang="en"]').waitFor();
    // Tab to the station button and choose it with Enter, then on to "Play on this computer".
    const focusOn = async (selector: string) => {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await focusOn('[data-lang="en"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await focusOn('[data-station="wood/intro-workbench"]');
    await page.keyboard.press('Enter');
    await focusOn('[data-action="play-desktop"]');
    await page.keyboard.press('Enter');
    await waitForStation(page);
    expect(await page.getByTestId('hint').count()).toBe(0);
    await page.keyboard.press('h');
    await expect.poll(() => page.getByTestId('hint').textContent()).toBeTruthy();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-action="play-desktop"]').count()).toBe(1);
    // Stopping ends the session; its result (with the hint) is still sent.
    const withHint = () => storedSessions(inject('dataDir')).filter((r) => r.trainee_id === trainee.id && r.language === 'en' && JSON.parse(r.events_json).some((e: { action: string }) => e.action === 'hint'));
    await expect.poll(() => withHint().length).toBe(1);
    const sessions = withHint();
    expect(JSON.parse(sessions[0]!.events_json)).toMatchObject([{ action: 'hint', object: 'wear-glasses', device: 'desktop' }]);
  });
});

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForFrames } from './browser';

/** Plays the sample station's ideal path with the mouse and returns the session id the app made. */
export async function playSampleStation(page: Page): Promise<string> {
  await page.locator('[data-station="wood/intro-workbench"]').click();
  await page.locator('[data-action="play-desktop"]').click();
  await waitForFrames(page, 5);
  await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
  for (const id of ['safety-glasses', 'start-button', 'stop-button']) {
    const before = await page.getByTestId('instruction').textContent().catch(() => null);
    const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
    await page.mouse.move(at!.x, at!.y);
    await page.mouse.down();
    await page.mouse.up();
    if (id !== 'stop-button') await expect.poll(() => page.getByTestId('instruction').textContent()).not.toBe(before);
  }
  await expect.poll(() => page.getByTestId('score').getAttribute('data-score')).toBe('100');
  return (await page.locator('[data-session-id]').getAttribute('data-session-id'))!;
}

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitForFrames } from './browser';

/** The objects of the sample station's ideal path, in order. */
export const sampleIdealPath = ['safety-glasses', 'start-button', 'stop-button'];

/**
 * Clicks each object with the mouse (down, then up, as a trainee would) and waits for the
 * instruction to move on after every step but the last; then the score must be 100.
 */
export async function clickIdealPath(page: Page, ids: readonly string[] = sampleIdealPath): Promise<void> {
  for (const id of ids) {
    const before = await page.getByTestId('instruction').textContent();
    const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
    expect(at, `${id} is on screen`).not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    await page.mouse.down();
    await page.mouse.up();
    if (id !== ids[ids.length - 1]) await expect.poll(() => page.getByTestId('instruction').textContent()).not.toBe(before);
  }
  await expect.poll(() => page.getByTestId('score').getAttribute('data-score')).toBe('100');
}

/** Opens the sample station on the desktop from the start screen, drawn with its three objects. */
export async function openSampleStation(page: Page): Promise<void> {
  await page.locator('[data-station="wood/intro-workbench"]').click();
  await page.locator('[data-action="play-desktop"]').click();
  await waitForFrames(page, 5);
  await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
}

/** Opens the sample station on the desktop, plays its ideal path and returns the session id the app made. */
export async function playSampleStation(page: Page): Promise<string> {
  await openSampleStation(page);
  await clickIdealPath(page);
  // The result panel's id: a refused result is also listed (with the same id) under "not accepted".
  return (await page.locator('aside.result[data-session-id]').getAttribute('data-session-id'))!;
}

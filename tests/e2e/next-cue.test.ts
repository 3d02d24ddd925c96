import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { nextFrames } from './support/emulator';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { saveScreenshot } from './support/screenshots';

/**
 * Where the next thing to do is out of view, a cue points to it (issue 21): on a computer, an arrow
 * on the overlay. The trainee turns away with the arrow keys; the arrow appears and points the way
 * the next step's object lies on the screen's plane (measured from the app's own camera); turning
 * back, it goes.
 */

async function cue(page: Page) {
  return page.evaluate(() => {
    const el = document.querySelector('[data-testid="next-cue"]');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { angle: Number(el.getAttribute('data-angle')), x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
}

/** The screen angle (0 right, 90 up) from the window's centre to where the object is drawn. */
async function directionOf(page: Page, id: string): Promise<number> {
  const at = (await page.evaluate((o) => window.__werkvloer!.screenPosition(o), id))!;
  const size = page.viewportSize()!;
  return (Math.atan2(size.height / 2 - at.y, at.x - size.width / 2) * 180) / Math.PI;
}

const apart = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe('a cue to the next thing to do', () => {
  const g = guardedPageForTests({ width: 1280, height: 800 });

  test('turned away from the glasses, an arrow points back to them; facing them, no arrow', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });
    await nextFrames(page, 5);
    expect(await cue(page)).toBeNull();

    // Turn right by 90°: the glasses are now far to the left.
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => cue(page), { timeout: 10_000 }).not.toBeNull();
    const left = (await cue(page))!;
    expect(apart(left.angle, await directionOf(page, 'safety-glasses'))).toBeLessThanOrEqual(15);
    // Leftward (the bench is also below the eyes, so down-left is right too).
    expect(Math.cos((left.angle * Math.PI) / 180)).toBeLessThan(0);
    expect(left.x).toBeLessThan(1280 / 2);
    await saveScreenshot(page, 'next-cue-left');

    // Look up at the ceiling: the way is down.
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await cue(page))?.angle ?? null, { timeout: 10_000 }).not.toBeNull();
    const down = (await cue(page))!;
    expect(apart(down.angle, await directionOf(page, 'safety-glasses'))).toBeLessThanOrEqual(15);
    expect(Math.sin((down.angle * Math.PI) / 180)).toBeLessThan(-0.7);
    expect(down.y).toBeGreaterThan(800 / 2);

    // Facing the bench again: no arrow.
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => cue(page), { timeout: 10_000 }).toBeNull();
    expect(g.consoleErrors).toEqual([]);
  });
});

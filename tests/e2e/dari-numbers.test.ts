import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import type { PathEvent } from './support/path-plan';
import { playPath } from './support/station-driver';
import { guardedPageForTests } from './support/guarded-page-for-tests';

/**
 * Dari numbers in 3D (issue 21): `toLocaleString('prs')` wrote Persian digits (۳٫۲) that the
 * thermometer's Latin font lacks, so troika went looking for a fallback font on the internet (two
 * page errors, a blank reading). The food station played to the end in Dari on a computer: every
 * number in the world has Western digits, no page error, no request leaves the local server (the
 * guarded page fails the test on one).
 */

const worldTexts = (page: Page) => page.evaluate(() => window.__werkvloerTexts?.() ?? []);

/** The food station's ideal path (the Belgian variant's), played by the generic driver. */
const foodIdeal = (JSON.parse(readFileSync('scenes/food/hygiene-sluice-line-be/ideal-path.json', 'utf8')) as { events: PathEvent[] }).events;

describe('Dari: the food station with its thermometer and scales', () => {
  const g = guardedPageForTests({ width: 1280, height: 800 });

  test('prs: played to 100, the readings in Western digits, no page error, nothing fetched from outside', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await page.locator('[data-lang="prs"]').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('prs');
    await page.locator('[data-station="food/hygiene-sluice-line-be"]').click();
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await page.waitForFunction(() => ['team-leader', 'temp-chicken', 'portion', 'tray:foreign-body'].every((id) => window.__werkvloer?.objectIds().includes(id)), undefined, { timeout: 60_000 });

    // The thermometer's display and the scales' readings are drawn, in digits every font has.
    await expect.poll(() => worldTexts(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['3.2\u00a0°C', '3.4\u00a0°C', '230\u00a0g', '0\u00a0°C']));
    await playPath(page, { kind: 'mouse' }, foodIdeal);
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');

    // The portion's scale reads what the ideal path set on it (the old food-only driver set 255 g; the path sets 254 g).
    const portion = foodIdeal.find((e) => e.action === 'set' && e.object === 'portion')!.value;
    const texts = await worldTexts(page);
    expect(texts).toEqual(expect.arrayContaining([`${portion}\u00a0g`]));
    // No Persian or Arabic-Indic digit, no Arabic decimal sign, no U+2212 in any 3D text.
    expect(texts.filter((t) => /[\u06f0-\u06f9\u0660-\u0669\u066b\u066c\u2212]/.test(t))).toEqual([]);
    expect(g.consoleErrors).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { clickIdealPath } from './support/play';
import { saveScreenshot } from './support/screenshots';

type StationTexts = { steps: Record<string, { instruction: string }>; objects: Record<string, string> };
const station = (lng: string) => JSON.parse(readFileSync(`locales/${lng}/wood-intro-workbench.json`, 'utf8')) as StationTexts;
const ui = (lng: string) => JSON.parse(readFileSync(`locales/${lng}/ui.json`, 'utf8')) as { vocabulary: { title: string } };

/** Presses one station object with the mouse, as a trainee would (down, then up). */
async function clickObject(page: Page, id: string): Promise<void> {
  const before = await page.getByTestId('instruction').textContent();
  const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
  await page.mouse.move(at!.x, at!.y);
  await page.mouse.down();
  await page.mouse.up();
  await expect.poll(() => page.getByTestId('instruction').textContent()).not.toBe(before);
}

describe('language: switching mid-session, Tigrinya in Ge\'ez, spoken steps, Dutch words', () => {
  const g = guardedPageForTests();

  test('start in Dutch, switch to Arabic and then Tigrinya mid-session: same session, score 100', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await page.locator('[data-lang="nl"]').click();
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
    expect(await page.getByTestId('instruction').textContent()).toBe(station('nl').steps['wear-glasses']!.instruction);
    // The pictogram of the step is in the overlay (the headset's 3D panel draws the same SVG).
    expect(await page.getByTestId('hud-pictogram').getAttribute('src')).toContain('pictograms/wear-safety-glasses.svg');

    // First step by mouse; hovering an object shows its Dutch word (in Dutch once, not twice).
    await clickObject(page, 'safety-glasses');
    await clickObject(page, 'start-button');
    await expect.poll(() => page.getByTestId('instruction').textContent()).toBe(station('nl').steps['stop-drill']!.instruction);
    await expect.poll(() => page.getByTestId('pointed-word').getAttribute('data-object')).toBe('start-button');
    expect(station('nl').objects['start-button']).toBe('startknop');
    expect(await page.getByTestId('pointed-word').textContent()).toBe('startknop');
    // The instruction was spoken in Dutch from the local recordings.
    await expect.poll(() => page.evaluate(() => [...(window.__werkvloerSpoken ?? [])])).toContain('nl:wood-intro-workbench:steps.wear-glasses.instruction');

    await page.locator('[data-testid="settings"] summary').click();
    await page.getByTestId('language-select').selectOption('ar');
    await expect.poll(() => page.getByTestId('instruction').textContent()).toBe(station('ar').steps['stop-drill']!.instruction);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The Dutch word now comes with its Arabic translation (the 3D panel's switch: language-vr.test.ts).
    const stop = await page.evaluate(() => window.__werkvloer!.screenPosition('stop-button'));
    await page.mouse.move(stop!.x, stop!.y);
    await expect.poll(() => page.getByTestId('pointed-word').textContent()).toBe(`stopknop · ${station('ar').objects['stop-button']}`);
    await saveScreenshot(page, 'language-switch-ar');

    await page.getByTestId('language-select').selectOption('ti');
    await expect.poll(() => page.getByTestId('instruction').textContent()).toBe(station('ti').steps['stop-drill']!.instruction);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    // Ge'ez in the overlay (local Noto Sans Ethiopic), for a reviewer to look at; the headset's 3D
    // panel in Ge'ez is in language-vr.test.ts.
    await waitForFrames(page, 5);
    await saveScreenshot(page, 'station-ti');

    // The session went on: the last step completes it with the full score.
    await clickIdealPath(page, ['stop-button']);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('saved');
    // The end screen lists the Dutch words met, each with the Tigrinya translation.
    const words = page.getByTestId('words-met');
    expect(await words.locator('h3').textContent()).toBe(ui('ti').vocabulary.title);
    const met = await words.locator('li').evaluateAll((li) => li.map((l) => l.getAttribute('data-object')));
    expect(met).toEqual(['safety-glasses', 'start-button', 'stop-button']);
    expect(await words.locator('li[data-object="stop-button"]').textContent()).toBe(`stopknop · ${station('ti').objects['stop-button']}`);
    expect(g.consoleErrors).toEqual([]);
    expect(g.foreignRequests).toEqual([]);
  });
});

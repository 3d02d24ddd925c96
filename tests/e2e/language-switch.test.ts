import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
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
  let g: GuardedPage;
  beforeAll(async () => {
    g = await openGuardedPage(inject('baseUrl'));
  });
  afterAll(async () => {
    await g?.close();
  });

  test('start in Dutch, switch to Arabic and then Tigrinya mid-session: same session, score 100', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await page.locator('[data-lang="nl"]').click();
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
    expect(await page.getByTestId('instruction').textContent()).toBe(station('nl').steps['wear-glasses']!.instruction);
    // The pictogram of the step is in the overlay and, drawn from the SVG, on the 3D panel.
    expect(await page.getByTestId('hud-pictogram').getAttribute('src')).toContain('pictograms/wear-safety-glasses.svg');

    // First step by mouse; hovering the glasses shows their Dutch word with the translation.
    await clickObject(page, 'safety-glasses');
    await clickObject(page, 'start-button');
    await expect.poll(() => page.getByTestId('instruction').textContent()).toBe(station('nl').steps['stop-drill']!.instruction);
    await expect.poll(() => page.getByTestId('pointed-word').getAttribute('data-object')).toBe('start-button');
    expect(await page.getByTestId('pointed-word').textContent()).toBe(`startknop · ${station('nl').objects['start-button']}`);
    // The instruction was spoken in Dutch from the local recordings.
    await expect.poll(() => page.evaluate(() => [...(window.__werkvloerSpoken ?? [])])).toContain('nl:wood-intro-workbench:steps.wear-glasses.instruction');

    await page.locator('[data-testid="settings"] summary').click();
    await page.getByTestId('language-select').selectOption('ar');
    await expect.poll(() => page.getByTestId('instruction').textContent()).toBe(station('ar').steps['stop-drill']!.instruction);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    // The 3D panel follows: its texts are Arabic now.
    await expect.poll(() => page.evaluate(() => window.__werkvloerTexts?.() ?? [])).toContain(station('ar').steps['stop-drill']!.instruction);
    await saveScreenshot(page, 'language-switch-ar');

    await page.getByTestId('language-select').selectOption('ti');
    await expect.poll(() => page.getByTestId('instruction').textContent()).toBe(station('ti').steps['stop-drill']!.instruction);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect.poll(() => page.evaluate(() => window.__werkvloerTexts?.() ?? [])).toContain(station('ti').steps['stop-drill']!.instruction);
    // Ge'ez on the 3D panel: a frame drawn with the Ethiopic font, for a reviewer to look at.
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

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
import { clickIdealPath } from './support/play';
import { saveScreenshot } from './support/screenshots';

const ar = {
  ui: JSON.parse(readFileSync('locales/ar/ui.json', 'utf8')) as { start: { chooseLanguage: string; playDesktop: string } },
  station: JSON.parse(readFileSync('locales/ar/wood-intro-workbench.json', 'utf8')) as { steps: Record<string, { instruction: string }> },
};
const viewport = { width: 640, height: 400 };

describe('right to left: the sample station in Arabic', () => {
  let g: GuardedPage;
  const fontRequests: string[] = [];
  beforeEach(async () => {
    g = await openGuardedPage(inject('baseUrl'), viewport);
    fontRequests.length = 0;
    g.context.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.ttf')) fontRequests.push(path);
    });
  });
  afterEach(async () => {
    await g.close();
    // Troika must never fetch a fallback font from a CDN: every font comes from the local server.
    expect(g.foreignRequests).toEqual([]);
  });

  test('pick العربية, the page mirrors, play by mouse to 100 in Arabic', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.locator('#lang-heading').textContent()).toBe(ar.ui.start.chooseLanguage);

    // The start screen mirrors: the language buttons run from the right, the station title leads on the right.
    const buttons = page.locator('[data-lang]');
    const first = (await buttons.nth(0).boundingBox())!;
    const second = (await buttons.nth(1).boundingBox())!;
    expect(first.x).toBeGreaterThan(second.x);
    const station = page.locator('[data-station="wood/intro-workbench"]');
    const title = (await station.locator('strong').boundingBox())!;
    const sector = (await station.locator('span').boundingBox())!;
    expect(title.x).toBeGreaterThan(sector.x);
    // Each language's name is shown in its own script and direction.
    expect(await page.locator('[data-lang="prs"]').textContent()).toBe('دری');
    expect(await page.locator('[data-lang="ti"]').textContent()).toBe('ትግርኛ');
    expect(await page.locator('[data-lang="prs"]').getAttribute('dir')).toBe('rtl');

    await station.click();
    await page.getByRole('button', { name: ar.ui.start.playDesktop }).click();
    await waitForFrames(page, 5);
    await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
    // The panel's voice and vocabulary have loaded (on a screen the panel itself is not drawn: the overlay says it).
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });

    // The desktop overlay stays on the left, where the station leaves room (the 3D world does not
    // mirror; on the right it would cover the drill's buttons), but its text runs right to left:
    // the label leads on the right, the Dutch word follows on its left.
    const hud = page.locator('.hud');
    expect(Math.round((await hud.boundingBox())!.x)).toBe(12);
    expect(await hud.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    const label = (await page.locator('.hud .term span').boundingBox())!;
    const word = (await page.locator('.hud .term strong').boundingBox())!;
    expect(word.x + word.width).toBeLessThanOrEqual(label.x + 1);
    expect(await page.locator('.hud .term strong').textContent()).toBe('veiligheidsbril');
    expect(await page.getByTestId('instruction').textContent()).toContain(ar.station.steps['wear-glasses']!.instruction);
    // For a reviewer: the overlay right to left, the Dutch word and digits in order.
    await saveScreenshot(page, 'station-ar');

    await clickIdealPath(page);
    expect(await page.getByTestId('score').textContent()).toBe('النتيجة: 100 من 100');
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('saved');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

    // Arabic text came with the local Arabic font; digits and Latin with local Noto Sans.
    expect(fontRequests).toEqual(expect.arrayContaining([expect.stringContaining('NotoSansArabic-Regular'), expect.stringContaining('NotoSans-Regular')]));
    expect(await page.evaluate(() => document.fonts.check("16px 'Werkvloer Sans'", 'النتيجة'))).toBe(true);
    expect(g.consoleErrors).toEqual([]);
  });
});

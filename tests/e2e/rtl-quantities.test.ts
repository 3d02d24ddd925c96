import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { revealOnScreen } from './support/desktop-view';
import type { PathEvent } from './support/path-plan';
import { playPath } from './support/station-driver';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { saveScreenshot } from './support/screenshots';
import { flippedQuantities, overlappingTexts, worldTextBoxes } from './support/world-text-layout';

/**
 * Right to left, measured (issue 21): in Arabic and Dari a bare "80 °C" showed as "C° 80", and the
 * food station's HACCP list title overlapped its reading. Checked by the drawn position of every
 * character and every text block, in 3D (troika's typesetting) and on the overlay (DOM ranges).
 */

/** The left edge of each UTF-16 unit of the element's text as laid out by the browser. */
function domCharLefts(page: Page, testId: string): Promise<{ text: string; left: number[] }> {
  return page.getByTestId(testId).evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = '';
    const left: number[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const value = node.nodeValue ?? '';
      for (let i = 0; i < value.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        left.push(r.width > 0 ? r.left : Number.NaN);
      }
      text += value;
    }
    return { text, left };
  });
}

/** The food station's ideal path (the Belgian variant's), played by the generic driver. */
const foodIdeal = (JSON.parse(readFileSync('scenes/food/hygiene-sluice-line-be/ideal-path.json', 'utf8')) as { events: PathEvent[] }).events;

describe('Arabic and Dari: quantities in order, texts apart', () => {
  const g = guardedPageForTests({ width: 1280, height: 800 }, { each: true });

  for (const lng of ['ar', 'prs']) {
    test(`${lng}: the food station's 3D texts do not overlap and read "4 °C", never "C° 4"; the overlay's hint too`, async () => {
      const { page } = g;
      await page.goto(inject('baseUrl'));
      await page.locator(`[data-lang="${lng}"]`).click();
      await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.locator('[data-station="food/hygiene-sluice-line-be"]').click();
      await page.locator('[data-action="play-desktop"]').click();
      await waitForFrames(page, 5);
      await page.waitForFunction(() => ['team-leader', 'temp-chicken', 'portion'].every((id) => window.__werkvloer?.objectIds().includes(id)), undefined, { timeout: 60_000 });
      // Every text of the station is typeset (the signs, the HACCP list, the readings).
      await expect.poll(async () => (await worldTextBoxes(page)).filter((b) => /°C/.test(b.text)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
      await page.waitForTimeout(500);

      const boxes = await worldTextBoxes(page);
      const withUnit = boxes.filter((b) => /\d[\s\u00a0\u2066\u2069]*°C/.test(b.text));
      // The norms on the HACCP list are in the trainee's language, right to left, with their quantities.
      expect(withUnit.some((b) => /[\u0600-\u06ff]/.test(b.text))).toBe(true);
      for (const b of withUnit) expect(flippedQuantities(b.text, (i) => b.charLeft[i]!), b.text).toEqual([]);
      expect(overlappingTexts(boxes)).toEqual([]);
      await revealOnScreen(page, [-0.15, 1.3, -0.78]);
      await saveScreenshot(page, `food-haccp-${lng}`);

      // On the overlay: the hint of the chicken's OK/NOK names the norm ("4 °C") inside the sentence.
      // The sluice and the first reading on the list (the chicken's temperature).
      await playPath(page, { kind: 'mouse' }, foodIdeal.slice(0, foodIdeal.findIndex((e) => e.object === 'temp-chicken') + 1));
      await page.locator('[data-action="hint"]').click();
      await expect.poll(() => page.getByTestId('hint').textContent()).toMatch(/4.°C/);
      const hint = await domCharLefts(page, 'hint');
      expect(hint.text).toMatch(/\u2066\d+ °C\u2069/);
      expect(flippedQuantities(hint.text, (i) => hint.left[i]!)).toEqual([]);
      // Hint and instruction stay apart on the overlay.
      const a = (await page.getByTestId('hint').boundingBox())!;
      const b = (await page.getByTestId('instruction').boundingBox())!;
      expect(a.y >= b.y + b.height - 0.5 || b.y >= a.y + a.height - 0.5 || a.x >= b.x + b.width || b.x >= a.x + a.width).toBe(true);
      expect(g.consoleErrors).toEqual([]);
    });
  }
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { PathEvent } from './support/path-plan';
import { playPath } from './support/station-driver';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { openStation } from './support/station-matrix';
import { flippedQuantities } from './support/world-text-layout';

/**
 * Right to left, measured (issue 21): in Arabic and Dari a bare "80 °C" showed as "C° 80". The 3D
 * texts are checked inside the food stations' mouse runs (Arabic on the NL variant, Dari on the BE
 * one: tests/e2e/support/food-language-checks.ts); a hint costs points, so the overlay's hint is
 * checked here, in one practice run that switches from Arabic to Dari mid-session.
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

/** The hint names the norm ("4 °C") inside the sentence, in reading order, and stays apart from the instruction. */
async function hintInOrder(page: Page, lng: string): Promise<string> {
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lng);
  await expect.poll(() => page.getByTestId('hint').textContent()).toMatch(/4.°C/);
  const hint = await domCharLefts(page, 'hint');
  expect(hint.text).toMatch(/\u2066\d+ °C\u2069/);
  expect(flippedQuantities(hint.text, (i) => hint.left[i]!)).toEqual([]);
  const a = (await page.getByTestId('hint').boundingBox())!;
  const b = (await page.getByTestId('instruction').boundingBox())!;
  expect(a.y >= b.y + b.height - 0.5 || b.y >= a.y + a.height - 0.5 || a.x >= b.x + b.width || b.x >= a.x + a.width).toBe(true);
  return hint.text;
}

/** The food station's ideal path (the Belgian variant's), played by the generic driver. */
const foodIdeal = (JSON.parse(readFileSync('scenes/food/hygiene-sluice-line-be/ideal-path.json', 'utf8')) as { events: PathEvent[] }).events;

describe('Arabic and Dari: the hint\'s quantity in order', () => {
  const g = guardedPageForTests({ width: 1280, height: 800 });

  test('ar, then prs mid-session: the hint of the chicken\'s OK/NOK reads "4 °C", never "C° 4", apart from the instruction', async () => {
    const { page } = g;
    await openStation(page, 'food/hygiene-sluice-line-be', false, { language: 'ar' });
    // The sluice and the first reading on the list (the chicken's temperature).
    await playPath(page, { kind: 'mouse' }, foodIdeal.slice(0, foodIdeal.findIndex((e) => e.object === 'temp-chicken') + 1));
    await page.locator('[data-action="hint"]').click();
    const arabic = await hintInOrder(page, 'ar');
    await page.getByTestId('settings').locator('summary').click();
    await page.getByTestId('language-select').selectOption('prs');
    await expect.poll(() => page.getByTestId('hint').textContent()).not.toBe(arabic);
    await hintInOrder(page, 'prs');
    expect(g.consoleErrors).toEqual([]);
  });
});

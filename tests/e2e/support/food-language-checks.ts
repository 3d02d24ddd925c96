import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { revealOnScreen } from './desktop-view';
import { saveScreenshot } from './screenshots';
import type { StationChecks } from './station-matrix';
import { flippedQuantities, overlappingTexts, worldTextBoxes } from './world-text-layout';

const worldTexts = (page: Page) => page.evaluate(() => window.__werkvloerTexts?.() ?? []);

/**
 * The food station's numbers in a right-to-left language, checked inside its mouse run (issue 20:
 * no run of their own). Right to left, measured (issue 21): in Arabic and Dari a bare "80 °C" showed
 * as "C° 80", and the HACCP list's title overlapped its reading — checked by the drawn position of
 * every character and text block (troika's typesetting). In Dari, `toLocaleString('prs')` wrote
 * Persian digits (۳٫۲) that the thermometer's Latin font lacks, so troika went looking for a fallback
 * font on the internet (page errors, a blank reading): every number in the world has Western digits,
 * before the path and after it (the guarded page fails the test on any request leaving the server,
 * the matrix on any page error).
 */
export function foodLanguageChecks(lng: 'ar' | 'prs'): StationChecks {
  return {
    async opened(page) {
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      if (lng === 'prs') {
        // The thermometer's display and the scales' readings are drawn, in digits every font has.
        await expect.poll(() => worldTexts(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['3.2\u00a0°C', '3.4\u00a0°C', '230\u00a0g', '0\u00a0°C']));
      }
    },
    async played(page) {
      if (lng === 'prs') {
        const texts = await worldTexts(page);
        expect(texts).toEqual(expect.arrayContaining(['255\u00a0g']));
        // No Persian or Arabic-Indic digit, no Arabic decimal sign, no U+2212 in any 3D text.
        expect(texts.filter((t) => /[\u06f0-\u06f9\u0660-\u0669\u066b\u066c\u2212]/.test(t))).toEqual([]);
      }
      // After the path, with every reading the trainee wrote on the HACCP list: every text of the
      // station typeset (the signs, the list, the readings). The view is turned to the list only now,
      // so the path is played from the view the trainee starts with.
      await expect.poll(async () => (await worldTextBoxes(page)).filter((b) => /°C/.test(b.text)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
      const boxes = await worldTextBoxes(page);
      const withUnit = boxes.filter((b) => /\d[\s\u00a0\u2066\u2069]*°C/.test(b.text));
      // The norms on the HACCP list are in the trainee's language, right to left, with their quantities.
      expect(withUnit.some((b) => /[\u0600-\u06ff]/.test(b.text))).toBe(true);
      for (const b of withUnit) expect(flippedQuantities(b.text, (i) => b.charLeft[i]!), b.text).toEqual([]);
      expect(overlappingTexts(boxes)).toEqual([]);
      await revealOnScreen(page, [-0.15, 1.3, -0.78]);
      await saveScreenshot(page, `food-haccp-${lng}`);
    },
  };
}

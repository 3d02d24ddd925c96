import { expect } from 'vitest';
import { revealOnScreen } from './desktop-view';
import { saveScreenshot } from './screenshots';
import type { StationChecks } from './station-matrix';
import { flippedQuantities, overlappingTexts, worldTextBoxes } from './world-text-layout';

/**
 * The food station's quantities in a right-to-left language, checked inside its mouse run (issue 20:
 * no run of their own). Right to left, measured (issue 21): in Arabic and Dari a bare "80 °C" showed
 * as "C° 80", and the HACCP list's title overlapped its reading — checked by the drawn position of
 * every character and text block (troika's typesetting). (The Dari digits keep their own run,
 * tests/e2e/dari-numbers.test.ts, for now.)
 */
export function foodLanguageChecks(lng: 'ar' | 'prs'): StationChecks {
  return {
    async opened(page) {
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    },
    async played(page) {
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

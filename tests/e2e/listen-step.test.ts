import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import type { PathEvent } from './support/path-plan';
import { playPath } from './support/station-driver';
import { openStation } from './support/station-matrix';

/**
 * A listening step (scenario `listen`, issues 22-25): the panel saw's team leader says the fence width
 * in Dutch. While it is due neither the overlay nor the VR panel shows its words (in the trainee's
 * language or in Dutch), only an ear and "listen again"; the Dutch file of the instruction is played
 * in an Arabic or Tigrinya session too; once done, the Dutch sentence is shown with its translation.
 */
const folder = 'wood/panel-saw';
const key = 'steps.set-fence.instruction';
const text = (lng: string): string => (JSON.parse(readFileSync(`locales/${lng}/wood-panel-saw.json`, 'utf8')) as { steps: Record<string, { instruction: string }> }).steps['set-fence']!.instruction;
const ui = (lng: string): Record<string, string> => (JSON.parse(readFileSync(`locales/${lng}/ui.json`, 'utf8')) as { play: Record<string, string> }).play;
/** Without the invisible marks that isolate numbers in right-to-left text (src/i18n/bidi-quantities.ts). */
const plain = (s: string) => s.replace(/[\u200e\u200f\u2066-\u2069]/g, '');
const ideal = (JSON.parse(readFileSync(`scenes/${folder}/ideal-path.json`, 'utf8')) as { events: PathEvent[] }).events;
const fence = ideal.findIndex((e) => e.action === 'set' && e.object === 'rip-fence');
const dutchFile = `/audio/nl/wood-panel-saw/${key}.ogg`;
const spokenFiles = (page: Page) => page.evaluate(() => (window.__werkvloerSpokenFiles ?? []).map((f) => new URL(f, location.href).pathname));
const spoken = (page: Page) => page.evaluate(() => [...(window.__werkvloerSpoken ?? [])]);
const domText = async (page: Page) => plain(await page.locator('body').innerText());
const panelTexts = async (page: Page) => (await page.evaluate(() => window.__werkvloerTexts!())).map(plain).join('\n');

describe('a listening step: heard in Dutch, no words on screen', () => {
  const g = guardedPageForTests({ width: 960, height: 600 }, { each: true });

  test('desktop, in Arabic: an ear and "listen again" while due, the Dutch file played; a hint shows the words; the sentence shown once done', async () => {
    const { page } = g;
    await openStation(page, folder, false, { language: 'ar' });
    await playPath(page, { kind: 'mouse' }, ideal.slice(0, fence));
    await page.getByTestId('listen-step').waitFor({ timeout: 60_000 });
    const shown = await domText(page);
    expect(shown).not.toContain(plain(text('ar')));
    expect(shown).not.toContain(text('nl'));
    // Not even the step's Dutch word: the trainee must hear it.
    expect(shown).not.toContain('parallelgeleider');
    expect(await page.locator('[data-action="listen-again"]').textContent()).toBe(ui('ar').listenAgain);
    await expect.poll(() => spoken(page), { timeout: 20_000 }).toContain(`nl:wood-panel-saw:${key}`);
    expect(await spoken(page)).not.toContain(`ar:wood-panel-saw:${key}`);
    expect(await spokenFiles(page)).toContain(dutchFile);
    // Listen again: the Dutch file once more.
    const before = (await spokenFiles(page)).filter((f) => f === dutchFile).length;
    await page.locator('[data-action="listen-again"]').click();
    await expect.poll(async () => (await spokenFiles(page)).filter((f) => f === dutchFile).length, { timeout: 20_000 }).toBe(before + 1);
    // A hint (charged as any hint) gives the words away in the trainee's language.
    await page.locator('[data-action="hint"]').click();
    await expect.poll(async () => plain((await page.getByTestId('instruction').textContent()) ?? ''), { timeout: 20_000 }).toBe(plain(text('ar')));
    expect(await page.getByTestId('listen-step').count()).toBe(0);

    await playPath(page, { kind: 'mouse' }, ideal.slice(fence, fence + 1), { after: ideal[fence - 1]!.t });
    await expect.poll(() => page.getByTestId('feedback').getAttribute('data-kind')).toBe('step-completed');
    await expect.poll(async () => plain((await page.getByTestId('heard-dutch').textContent()) ?? '')).toBe(text('nl'));
    expect(plain((await page.getByTestId('heard-translation').textContent()) ?? '')).toContain(plain(text('ar')));
    expect(await page.getByTestId('listen-step').count()).toBe(0);
    expect(g.consoleErrors).toEqual([]);
  });

  test('VR, in Tigrinya: the panel shows no words of it, the Dutch file is played; the sentence on the panel once done', async () => {
    const { page } = g;
    await openStation(page, folder, true, { language: 'ti' });
    await playPath(page, { kind: 'controller', hand: 'right' }, ideal.slice(0, fence));
    await expect.poll(() => panelTexts(page), { timeout: 30_000 }).toContain(ui('ti').listenAgain);
    const texts = await panelTexts(page);
    expect(texts).not.toContain(text('ti'));
    expect(texts).not.toContain(text('nl'));
    expect(texts).not.toContain('parallelgeleider');
    await expect.poll(() => spoken(page), { timeout: 20_000 }).toContain(`nl:wood-panel-saw:${key}`);
    expect(await spokenFiles(page)).toContain(dutchFile);

    await playPath(page, { kind: 'controller', hand: 'right' }, ideal.slice(fence, fence + 1), { after: ideal[fence - 1]!.t });
    await expect.poll(() => panelTexts(page), { timeout: 30_000 }).toContain(text('nl'));
    expect(await panelTexts(page)).toContain(text('ti'));
    expect(g.consoleErrors).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { waitForTrackedInputs } from './support/emulator';
import { clickIdealPath } from './support/play';
import { namedAt, objectAt, pressAt } from './support/vr-press';

/**
 * `?pseudo` wraps every text that comes through i18next in [« »], made from the nl texts at run
 * time (src/i18n/i18n.ts). Any visible text with a letter in it and without the markers was not
 * translated. Allowed unwrapped: the languages' own names (the picker) and the Dutch job words
 * from the scenario, which are Dutch on purpose.
 */
const languages = (JSON.parse(readFileSync('locales/languages.json', 'utf8')) as { languages: { nativeName: string }[] }).languages;
const scenario = JSON.parse(readFileSync('scenes/wood/intro-workbench/scenario.json', 'utf8')) as { objects: { term: string }[] };
const allowed = new Set([...languages.map((l) => l.nativeName), ...scenario.objects.flatMap((o) => [o.term, `NL · ${o.term}`]), 'werkvloer']);

function unmarked(texts: readonly string[]): string[] {
  return texts
    .map((t) => t.trim())
    .filter((t) => /\p{L}/u.test(t) && !allowed.has(t))
    .filter((t) => !(t.includes('[«') && t.includes('»]')));
}

async function visibleDomTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('script, style, noscript')) continue;
      // An option of a closed select is not shown; only the chosen one is (a language's own name).
      if (el.closest('option')) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if ((n.textContent ?? '').trim()) out.push(n.textContent!);
    }
    // Labels a screen reader reads out count as visible text too.
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const a of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v && el.getClientRects().length > 0) out.push(v);
      }
    }
    return out;
  });
}

describe('pseudo-locale: no hard-coded text', () => {
  // Wider than the default: the markers make every line longer, and the overlay must not cover the machine.
  const g = guardedPageForTests({ width: 800, height: 500 });

  test('desktop: start screen, play screen with its settings, end screen: every text is translated', async () => {
    const { page } = g;
    await page.goto(new URL('/?pseudo', inject('baseUrl')).href);
    await page.locator('[data-lang="nl"]').click();
    await expect.poll(async () => (await visibleDomTexts(page)).some((t) => t.includes('[«'))).toBe(true);
    expect(unmarked(await visibleDomTexts(page))).toEqual([]);

    await page.locator('[data-station="wood/intro-workbench"]').click();
    expect(unmarked(await visibleDomTexts(page))).toEqual([]);
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
    // The overlay's late parts (settings, the pointed word) come with the panel's code.
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });
    await page.locator('[data-testid="settings"] summary').click();
    expect(unmarked(await visibleDomTexts(page))).toEqual([]);
    // On a screen the 3D world draws no text of its own (the headset's panels: the next test).
    expect(await page.evaluate(() => window.__werkvloerTexts!())).toEqual([]);

    // Closed again: open, the settings cover the bench at this small size.
    await page.locator('[data-testid="settings"] summary').click();
    await clickIdealPath(page);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('saved');
    expect(unmarked(await visibleDomTexts(page))).toEqual([]);
    expect(g.consoleErrors).toEqual([]);
  });

  test('VR: the instruction panel, the settings panel and the end panel: every 3D text is translated', async () => {
    const { page } = g;
    const world = () => page.evaluate(() => window.__werkvloerTexts!());
    await page.goto(new URL('/?pseudo&emulate=quest3', inject('baseUrl')).href);
    await page.locator('[data-lang="nl"]').click();
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await waitForTrackedInputs(page);
    await page.waitForFunction(() => window.__werkvloerNamed?.('panel-settings') != null, undefined, { timeout: 60_000 });
    await expect.poll(async () => (await world()).length, { timeout: 20_000 }).toBeGreaterThan(3);
    expect(unmarked(await world())).toEqual([]);

    // The settings panel: languages in their own names, volume, mono, the comfort switches.
    await pressAt(page, await namedAt(page, 'panel-settings'));
    await page.waitForFunction(() => window.__werkvloerNamed?.('language:ar') != null, undefined, { timeout: 20_000 });
    await expect.poll(async () => (await world()).filter((t) => t.includes('[«')).length, { timeout: 20_000 }).toBeGreaterThan(8);
    expect(unmarked(await world())).toEqual([]);
    await pressAt(page, await namedAt(page, 'panel-settings'));

    for (const id of ['safety-glasses', 'start-button', 'stop-button']) {
      const before = await page.locator('.hud').innerText();
      await pressAt(page, await objectAt(page, id));
      await expect.poll(() => page.locator('.hud').innerText(), { timeout: 20_000 }).not.toBe(before);
    }
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');
    await expect.poll(async () => (await world()).some((t) => t.includes('100')), { timeout: 20_000 }).toBe(true);
    expect(unmarked(await world())).toEqual([]);
    expect(g.consoleErrors).toEqual([]);
  });
});

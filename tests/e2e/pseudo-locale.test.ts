import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
import { clickIdealPath } from './support/play';

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
  let g: GuardedPage;
  beforeAll(async () => {
    // Wider than the default: the markers make every line longer, and the overlay must not cover the machine.
    g = await openGuardedPage(inject('baseUrl'), { width: 800, height: 500 });
  });
  afterAll(async () => {
    await g?.close();
  });

  test('start screen, play screen with its 3D panel and end screen: every text is translated', async () => {
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
    await page.waitForFunction(() => (window.__werkvloerTexts?.().length ?? 0) > 3, undefined, { timeout: 60_000 });
    await page.locator('[data-testid="settings"] summary').click();
    expect(unmarked(await visibleDomTexts(page))).toEqual([]);
    const world = await page.evaluate(() => window.__werkvloerTexts!());
    expect(world.length).toBeGreaterThan(3);
    expect(unmarked(world)).toEqual([]);

    // Closed again: open, the settings cover the bench at this small size.
    await page.locator('[data-testid="settings"] summary').click();
    await clickIdealPath(page);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('saved');
    expect(unmarked(await visibleDomTexts(page))).toEqual([]);
    await expect.poll(async () => (await page.evaluate(() => window.__werkvloerTexts!())).some((t) => t.includes('100'))).toBe(true);
    expect(unmarked(await page.evaluate(() => window.__werkvloerTexts!()))).toEqual([]);
    expect(g.consoleErrors).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { aimAt, restingRightHand } from './support/aim';
import { nextFrames, setPose, waitForTrackedInputs } from './support/emulator';
import { namedAt, pressAt } from './support/vr-press';

/**
 * The Dutch word of the current step, with its picture, heard on a tap (desktop) or a point (VR)
 * (issue 21). Played in Tigrinya, a language without a voice of its own: the word is Dutch and is
 * said in Dutch, from the Dutch folder's file of that word.
 */

const spoken = (page: Page) => page.evaluate(() => [...(window.__werkvloerSpoken ?? [])]);
/** The files played, without the text's hash each carries (src/audio/audio-offline.ts). */
const spokenFiles = (page: Page) => page.evaluate(() => (window.__werkvloerSpokenFiles ?? []).map((f) => f.replace(/\?v=[0-9a-f]+$/, '')));

describe('the Dutch word heard on a tap or a point', () => {
  const g = guardedPageForTests({ width: 1280, height: 800 }, { each: true });

  test('desktop: a tap on the word with its picture says "veiligheidsbril" in Dutch', async () => {
    const { page } = g;
    const audio: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/audio/')) audio.push(new URL(r.url()).pathname);
    });
    await page.goto(inject('baseUrl'));
    await page.locator('[data-lang="ti"]').click();
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    const word = page.locator('button[data-action="say-word"]');
    await word.waitFor({ timeout: 60_000 });
    expect(await word.locator('strong').textContent()).toBe('veiligheidsbril');
    expect(await word.locator('strong').getAttribute('lang')).toBe('nl');
    // Its picture is the step's own pictogram, loaded from this server.
    const picture = await word.locator('img').evaluate((img: HTMLImageElement) => ({ src: new URL(img.src).pathname, loaded: img.complete && img.naturalWidth > 0 }));
    expect(picture.src).toBe(await page.getByTestId('hud-pictogram').evaluate((img: HTMLImageElement) => new URL(img.src).pathname));
    expect(picture.loaded).toBe(true);
    // Translated in the trainee's language, naming the word.
    expect(await word.getAttribute('aria-label')).toContain('veiligheidsbril');
    expect(await word.getAttribute('aria-label')).not.toBe('ui:play.sayWord');

    expect(await spoken(page)).not.toContain('nl:terms:veiligheidsbril');
    await word.click();
    await expect.poll(() => spoken(page), { timeout: 20_000 }).toContain('nl:terms:veiligheidsbril');
    expect(await spokenFiles(page)).toContain('/audio/nl/terms/veiligheidsbril.ogg');
    expect(audio).toContain('/audio/nl/terms/veiligheidsbril.ogg');
    expect(g.consoleErrors).toEqual([]);
  });

  test('VR: pointing at the word on the instruction panel and pulling the trigger says it in Dutch', async () => {
    const { page } = g;
    await page.goto(`${inject('baseUrl')}/?emulate=quest3`);
    await page.locator('[data-lang="ti"]').click();
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await waitForFrames(page, 10);
    await page.waitForFunction(() => window.__werkvloerNamed?.('panel-say-word') != null, undefined, { timeout: 60_000 });
    await waitForTrackedInputs(page);
    expect(await page.evaluate(() => window.__werkvloerTexts!())).toContain('NL · veiligheidsbril');
    expect(await spoken(page)).not.toContain('nl:terms:veiligheidsbril');

    // The ray rests on the word first (a trainee aims, then pulls), then the trigger.
    const word = await namedAt(page, 'panel-say-word');
    await setPose(page, 'right-controller', { position: restingRightHand, quaternion: aimAt(restingRightHand, word) });
    await nextFrames(page, 10);
    await pressAt(page, word);
    await expect.poll(() => spoken(page), { timeout: 20_000 }).toContain('nl:terms:veiligheidsbril');
    expect(await spokenFiles(page)).toContain('/audio/nl/terms/veiligheidsbril.ogg');
    // A press on the word is no action of the task: the step is still the glasses.
    expect(await page.evaluate(() => window.__werkvloerTexts!())).toContain('NL · veiligheidsbril');
    expect(g.consoleErrors).toEqual([]);
  });
});

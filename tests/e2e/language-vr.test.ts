import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { aimAt, restingRightHand } from './support/aim';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
import { nextFrames, setButton, setPose } from './support/emulator';

const station = (lng: string) => JSON.parse(readFileSync(`locales/${lng}/wood-intro-workbench.json`, 'utf8')) as { steps: Record<string, { instruction: string }>; objects: Record<string, string> };

/** Aims the right controller's ray at a world point and pulls the trigger, then lets go. */
async function pressAt(page: Page, target: [number, number, number]): Promise<void> {
  await setPose(page, 'right-controller', { position: restingRightHand, quaternion: aimAt(restingRightHand, target) });
  await nextFrames(page, 4);
  await setButton(page, 'trigger', 1);
  await nextFrames(page, 4);
  await setButton(page, 'trigger', 0);
  await nextFrames(page, 4);
}

const objectAt = (page: Page, id: string) => page.evaluate((o) => window.__werkvloer!.worldPosition(o), id).then((p) => p!);
const namedAt = (page: Page, name: string) => page.evaluate((n) => window.__werkvloerNamed!(n), name).then((p) => p!);

describe('VR: the language changes on the 3D settings panel mid-session', () => {
  let g: GuardedPage;
  beforeAll(async () => {
    g = await openGuardedPage(inject('baseUrl'));
  });
  afterAll(async () => {
    await g?.close();
  });

  test('point at an object for its Dutch word, switch to Arabic by controller, finish with 100', async () => {
    const { page } = g;
    await page.goto(`${inject('baseUrl')}/?emulate=quest3`);
    await page.locator('[data-lang="nl"]').click();
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await waitForFrames(page, 10);
    await page.waitForFunction(() => window.__werkvloerNamed?.('panel-settings') != null, undefined, { timeout: 60_000 });

    await pressAt(page, await objectAt(page, 'safety-glasses'));
    await expect.poll(() => page.getByTestId('instruction').textContent(), { timeout: 20_000 }).toBe(station('nl').steps['start-drill']!.instruction);
    // The ray over the start button: the 3D panel shows its Dutch word and the translation.
    const start = await objectAt(page, 'start-button');
    await setPose(page, 'right-controller', { position: restingRightHand, quaternion: aimAt(restingRightHand, start) });
    await expect.poll(() => page.evaluate(() => window.__werkvloerTexts!()), { timeout: 20_000 }).toEqual(expect.arrayContaining(['startknop', station('nl').objects['start-button']!]));

    await pressAt(page, await namedAt(page, 'panel-settings'));
    await page.waitForFunction(() => window.__werkvloerNamed?.('language:ar') != null, undefined, { timeout: 20_000 });
    await pressAt(page, await namedAt(page, 'language:ar'));
    await expect.poll(() => page.getByTestId('instruction').textContent(), { timeout: 20_000 }).toBe(station('ar').steps['start-drill']!.instruction);
    await expect.poll(() => page.evaluate(() => window.__werkvloerTexts!()), { timeout: 20_000 }).toContain(station('ar').steps['start-drill']!.instruction);

    await pressAt(page, start);
    await expect.poll(() => page.getByTestId('instruction').textContent(), { timeout: 20_000 }).toBe(station('ar').steps['stop-drill']!.instruction);
    await pressAt(page, await objectAt(page, 'stop-button'));
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
    expect(g.foreignRequests).toEqual([]);
  });
});

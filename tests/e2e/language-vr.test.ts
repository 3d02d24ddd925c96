import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { aimAt, restingRightHand } from './support/aim';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { openStation } from './support/station-matrix';
import { setPose } from './support/emulator';
import { namedAt, objectAt, pressAt } from './support/vr-press';

const station = (lng: string) => JSON.parse(readFileSync(`locales/${lng}/wood-intro-workbench.json`, 'utf8')) as { steps: Record<string, { instruction: string }>; objects: Record<string, string> };

describe('VR: the language changes on the 3D settings panel mid-session', () => {
  const g = guardedPageForTests();

  test('point at an object for its Dutch word, switch to Arabic and Tigrinya by controller, finish with 100', async () => {
    const { page } = g;
    // In the headset, in Dutch, at the intro workbench, controllers tracked and the station's parts placed.
    await openStation(page, 'wood/intro-workbench', true, { language: 'nl' });
    await page.waitForFunction(() => window.__werkvloerNamed?.('panel-settings') != null, undefined, { timeout: 60_000 });

    await pressAt(page, await objectAt(page, 'safety-glasses'));
    await expect.poll(() => page.getByTestId('instruction').textContent(), { timeout: 20_000 }).toBe(station('nl').steps['start-drill']!.instruction);
    // The ray over the start button: the 3D panel shows its Dutch word. In Dutch the translation is
    // the same word, so it is shown once, not "startknop · startknop".
    const start = await objectAt(page, 'start-button');
    await setPose(page, 'right-controller', { position: restingRightHand, quaternion: aimAt(restingRightHand, start) });
    expect(station('nl').objects['start-button']).toBe('startknop');
    await expect.poll(() => page.evaluate(() => window.__werkvloerTexts!().filter((t) => t === 'startknop').length), { timeout: 20_000 }).toBe(1);

    await pressAt(page, await namedAt(page, 'panel-settings'));
    await page.waitForFunction(() => window.__werkvloerNamed?.('language:ar') != null, undefined, { timeout: 20_000 });
    await pressAt(page, await namedAt(page, 'language:ar'));
    await expect.poll(() => page.getByTestId('instruction').textContent(), { timeout: 20_000 }).toBe(station('ar').steps['start-drill']!.instruction);
    await expect.poll(() => page.evaluate(() => window.__werkvloerTexts!()), { timeout: 20_000 }).toContain(station('ar').steps['start-drill']!.instruction);
    // Pointing in Arabic: the Dutch word and its Arabic translation, both.
    await setPose(page, 'right-controller', { position: restingRightHand, quaternion: aimAt(restingRightHand, start) });
    await expect.poll(() => page.evaluate(() => window.__werkvloerTexts!()), { timeout: 20_000 }).toEqual(expect.arrayContaining(['startknop', station('ar').objects['start-button']!]));

    // Tigrinya in Ge'ez on the 3D panel (the desktop overlay is HTML; only the headset draws it with troika).
    await pressAt(page, await namedAt(page, 'language:ti'));
    await expect.poll(() => page.evaluate(() => window.__werkvloerTexts!()), { timeout: 20_000 }).toContain(station('ti').steps['start-drill']!.instruction);

    await pressAt(page, start);
    await expect.poll(() => page.getByTestId('instruction').textContent(), { timeout: 20_000 }).toBe(station('ti').steps['stop-drill']!.instruction);
    await pressAt(page, await objectAt(page, 'stop-button'));
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
    expect(g.foreignRequests).toEqual([]);
    // No text asked troika for a fallback font (offline that is an error and a box).
    expect(g.consoleErrors).toEqual([]);
  });
});

import { describe, expect, inject, test } from 'vitest';
import { heading } from './support/aim';
import { nextFrames, setPose } from './support/emulator';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { saveScreenshot } from './support/screenshots';
import { stationFolders } from './support/stations';

/**
 * Every station at the work position, on the desktop and in VR (the emulator), left in
 * test-results/e2e/screenshots/ for a reviewer: stations are drawn from layout.json and the kit, and
 * a picture is how a person checks that a panel saw reads as a panel saw.
 */
describe.each(stationFolders())('%s at the work position', (folder) => {
  const g = guardedPageForTests();
  const name = folder.replace('/', '-');

  test('desktop', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await page.locator(`[data-station="${folder}"]`).click();
    await page.locator('[data-action="play-desktop"]').click();
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => (window.__werkvloer?.counts.calls ?? 0) > 0, undefined, { timeout: 60_000 });
    // Text and pictograms arrive after the first frame; give them a moment to be drawn.
    await page.waitForTimeout(1500);
    await saveScreenshot(page, `station-${name}-desktop`);
    const counts = await page.evaluate(() => ({ ...window.__werkvloer!.counts }));
    expect(counts.calls, 'the station is drawn').toBeGreaterThan(0);
  });

  test('VR, looking ahead', async () => {
    const { page } = g;
    await page.goto(`${inject('baseUrl')}/?emulate=quest3`);
    await page.locator(`[data-station="${folder}"]`).click();
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });
    await setPose(page, 'headset', { quaternion: heading(0) });
    await nextFrames(page, 20);
    await page.waitForTimeout(1500);
    await saveScreenshot(page, `station-${name}-vr`);
    const counts = await page.evaluate(() => ({ ...window.__werkvloer!.counts }));
    expect(counts.presenting).toBe(true);
    expect(counts.calls, 'the station is drawn in both eyes').toBeGreaterThan(0);
  });
});

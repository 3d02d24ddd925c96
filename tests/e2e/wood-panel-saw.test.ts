import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import type { PathEvent } from './support/path-plan';
import { playPath } from './support/station-driver';
import { stationMatrix } from './support/station-matrix';
import { waitForFrames } from './support/browser';

const folder = 'wood/panel-saw';
stationMatrix(folder, { viewport: { width: 960, height: 600 }, criticalRule: 'start-without-glasses', screenshots: { 'wood-panel-saw': 0 } });

describe('wood: the panel saw, feedback in numbers', () => {
  const g = guardedPageForTests({ width: 960, height: 600 });

  test('practice: a fence set to 80 mm is refused with the tolerance, in numbers; set again to 85 mm it is done', async () => {
    const { page } = g;
    const ideal = (JSON.parse(readFileSync(`scenes/${folder}/ideal-path.json`, 'utf8')) as { events: PathEvent[] }).events;
    const fence = ideal.findIndex((e) => e.action === 'set' && e.object === 'rip-fence');
    await page.goto(inject('baseUrl'));
    await page.locator(`[data-station="${folder}"]`).click();
    await page.locator('[data-mode="practice"]').click();
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await playPath(page, { kind: 'mouse' }, ideal.slice(0, fence));
    const at = ideal[fence]!.t;
    await playPath(page, { kind: 'mouse' }, [{ t: at, action: 'set', object: 'rip-fence', value: 80 }], { after: ideal[fence - 1]!.t });
    await expect.poll(() => page.getByTestId('feedback').textContent()).toBe('80 mm is niet goed. Het moet 85 mm zijn (± 0,5 mm).');
    expect(await page.getByTestId('feedback').getAttribute('data-kind')).toBe('out-of-tolerance');
    // The step stays open: the trainee sets it again.
    await playPath(page, { kind: 'mouse' }, [{ t: at + 2000, action: 'set', object: 'rip-fence', value: 85 }], { after: at });
    await expect.poll(() => page.getByTestId('feedback').getAttribute('data-kind')).toBe('step-completed');
  });
});

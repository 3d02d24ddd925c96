import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { storedSessions } from './support/database';
import { clickIdealPath, sampleIdealPath } from './support/play';
import { logBusiestDesktopFrame } from './support/desktop-busiest-frame';
import { joinAsNewTrainee } from './support/trainees';


describe('desktop: play the sample station with the mouse', () => {
  const g = guardedPageForTests(undefined, { each: true });

  test('choose English, play by mouse, see 100 and find the row in the database', async () => {
    const { page } = g;
    const trainee = await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'));
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('[data-station="wood/intro-workbench"]').click();
    // No headset and no emulator flag: a trainee on a PC must not be offered VR.
    expect(await page.locator('[data-action="enter-vr"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Play on this computer' }).click();
    await waitForFrames(page, 5);
    await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);

    await clickIdealPath(page);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('saved');
    // The row is this very session: the id the app made is the idempotency key the server kept
    // (other e2e files store desktop sessions in the same database too).
    const sessionId = await page.locator('[data-session-id]').getAttribute('data-session-id');
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    const rows = storedSessions(inject('dataDir')).filter((r) => r.id === sessionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scenario_id: 'wood-intro-workbench', language: 'en', score: 100, client_score: 100, trainee_id: trainee.id });
    expect(JSON.parse(rows[0]!.events_json).map((e: { object: string }) => e.object)).toEqual(sampleIdealPath);
    expect(g.consoleErrors).toEqual([]);
    await logBusiestDesktopFrame(page, 'wood/intro-workbench');
  });
});

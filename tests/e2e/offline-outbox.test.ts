import { describe, expect, inject, test } from 'vitest';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { playSampleStation } from './support/play';
import { readFileSync } from 'node:fs';
import { storedSessions } from './support/database';
import { joinAsNewTrainee } from './support/trainees';
import { downloadedFile } from './support/downloaded-file';

describe('never lose a result: the IndexedDB outbox in Chromium', () => {
  const g = guardedPageForTests(undefined, { each: true });

  test('a session finished while the server is unreachable waits, survives a reload, and arrives exactly once', async () => {
    const { page } = g;
    let attempts = 0;
    await page.route('**/api/sessions', (route) => {
      attempts++;
      return route.abort('internetdisconnected');
    });
    const trainee = await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'));
    const id = await playSampleStation(page);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload')).toBe('failed');
    await expect.poll(() => page.getByTestId('outbox-waiting').getAttribute('data-count')).toBe('1');
    expect(attempts).toBeGreaterThan(0);

    // A reload while still unreachable: the result is still there and still shown.
    await page.reload();
    await expect.poll(() => page.getByTestId('outbox-waiting').getAttribute('data-count')).toBe('1');
    expect(storedSessions(inject('dataDir')).filter((r) => r.id === id)).toHaveLength(0);

    // The network returns: the `online` event flushes the outbox.
    await page.unroute('**/api/sessions');
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await expect.poll(() => page.getByTestId('outbox').count()).toBe(0);
    expect(storedSessions(inject('dataDir')).filter((r) => r.id === id).map((r) => r.trainee_id)).toEqual([trainee.id]);
    // More flushes (visibility, another online) send nothing twice.
    await page.evaluate(() => dispatchEvent(new Event('online')));
    await page.reload();
    await page.locator('[data-station="wood/intro-workbench"]').waitFor();
    expect(storedSessions(inject('dataDir')).filter((r) => r.id === id)).toHaveLength(1);
    expect(g.consoleErrors.filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED') && !e.includes('Failed to load resource'))).toEqual([]);
  });

  test('a result the server refuses goes to the visible "not accepted" list with its reason', async () => {
    const { page } = g;
    await page.route('**/api/sessions', (route) =>
      route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ error: 'unknown-scenario', message: 'scenario wood-intro-workbench v1 is not known to this server' }) }),
    );
    await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'));
    await page.getByRole('button', { name: 'English' }).click();
    const id = await playSampleStation(page);
    const refused = page.getByTestId('outbox-refused');
    await expect.poll(() => refused.getAttribute('data-count')).toBe('1');
    await refused.locator('summary').click();
    await expect.poll(() => refused.locator(`[data-session-id="${id}"]`).textContent()).toContain('unknown-scenario');
    expect(await refused.locator('summary').textContent()).toBe('1 result was not accepted');
    const download = page.waitForEvent('download');
    await refused.getByRole('button', { name: 'Save as file' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^werkvloer-not-accepted-\d{4}-\d{2}-\d{2}\.json$/);
    // The file holds the whole record and the server's answer: enough to send it in again by hand.
    const saved = JSON.parse(readFileSync(await downloadedFile(file), 'utf8')) as Array<{ id: string; status: number; reason: string; message: string; record: { id: string; events: unknown[] } }>;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ id, status: 422, reason: 'unknown-scenario', message: 'scenario wood-intro-workbench v1 is not known to this server', record: { id } });
    expect(saved[0]!.record.events).toHaveLength(3);
  });
});

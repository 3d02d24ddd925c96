import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { builtAppDir } from './support/built-app';
import { openPersistentGuardedPage, type PersistentGuardedPage } from './support/persistent-browser';

const swFile = join(builtAppDir, 'sw.js');
const registration = (page: Page) =>
  page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => ({ active: r?.active?.state ?? null, waiting: r?.waiting?.state ?? null })));

describe('a new version of the app is offered between sessions, never in the middle of one', () => {
  let g: PersistentGuardedPage;
  let profile: string;
  let original: string;
  beforeAll(async () => {
    original = readFileSync(swFile, 'utf8');
    profile = mkdtempSync(join(tmpdir(), 'werkvloer-profile-'));
    g = await openPersistentGuardedPage(inject('baseUrl'), profile);
  });
  afterAll(async () => {
    writeFileSync(swFile, original);
    await g.close();
    rmSync(profile, { recursive: true, force: true });
    expect(g.foreignRequests).toEqual([]);
  });

  test('installed during a session it waits; back on the start screen "restart" switches to it', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await expect.poll(() => registration(page).then((r) => r.active), { timeout: 120_000, interval: 250 }).toBe('activated');
    // The next visit runs under it (a first visit is not controlled: nothing to wait for then).
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.getByTestId('update-offer').count()).toBe(0);

    await page.locator('[data-station="wood/intro-workbench"]').click();
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    // The server gets a new build while the trainee plays (here: sw.js changes, as a new build changes it).
    appendFileSync(swFile, '\n// e2e: a new version\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await expect.poll(() => registration(page).then((r) => r.waiting), { timeout: 60_000 }).toBe('installed');
    // Mid-session: no offer, no reload.
    await waitForFrames(page, 10);
    expect(await page.getByTestId('update-offer').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // Between sessions: the start screen offers it, in the trainee's language.
    await page.locator('[data-action="stop"]').click();
    const offer = page.getByTestId('update-offer');
    // The start screen hooks up the service worker once it is idle (a second or two).
    await expect.poll(() => offer.count(), { timeout: 15_000 }).toBe(1);
    await page.locator('[data-lang="uk"]').click();
    await expect.poll(() => offer.textContent()).toBe('Є нова версія застосунку.Перезапустити');
    await Promise.all([page.waitForEvent('load'), offer.locator('[data-action="update-restart"]').click()]);
    await expect.poll(() => registration(page), { timeout: 30_000 }).toEqual({ active: 'activated', waiting: null });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
    await page.locator('[data-station="wood/intro-workbench"]').waitFor();
    expect(await page.getByTestId('update-offer').count()).toBe(0);
    expect(g.consoleErrors).toEqual([]);
  });
});

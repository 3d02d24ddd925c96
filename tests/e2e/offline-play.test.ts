import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { storedSessions } from './support/database';
import { openPersistentGuardedPage, type PersistentGuardedPage } from './support/persistent-browser';
import { clickIdealPath, openSampleStation, playSampleStation } from './support/play';
import { waitForFrames } from './support/browser';
import { joinAsNewTrainee, joinByCard, traineesWithCards } from './support/trainees';

const rowsOf = (id: string) => storedSessions(inject('dataDir')).filter((r) => r.id === id);
/** What an offline page may log: its own failed uploads, nothing else. */
const unexpected = (errors: string[]) => errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_RESET|Failed to load resource|Failed to fetch/.test(e));

/** Waits until the service worker has precached the app and is active (the app registers it when the start screen is idle). */
async function serviceWorkerReady(page: Page): Promise<void> {
  const active = () => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated'));
  await expect.poll(active, { timeout: 120_000, interval: 250 }).toBe(true);
}

/**
 * Waits until the page's language's spoken files are kept for offline play (src/audio/audio-offline.ts
 * fills the cache once the service worker is registered): every file its manifest names, and the
 * Dutch words. Returns how many files the cache holds.
 */
async function spokenLanguageKept(page: Page, lng: string): Promise<number> {
  const kept = () =>
    page.evaluate(async (l) => {
      const manifestOf = async (x: string) => ((await (await fetch(`/audio/${x}/manifest.json`)).json()) as { files: Record<string, { file: string }> }).files;
      const wanted = Object.keys(await manifestOf(l)).length;
      const cache = await caches.open('werkvloer-audio');
      const held = (await cache.keys()).filter((r) => new URL(r.url).pathname.startsWith(`/audio/${l}/`)).length;
      return held >= wanted ? held : -held;
    }, lng);
  await expect.poll(kept, { timeout: 60_000, interval: 250 }).toBeGreaterThan(0);
  return kept();
}

/**
 * The headset's network off and on again. Chromium 150 keeps the context's offline emulation for a
 * reloaded page's requests (they fail) but not for its navigator.onLine (true) nor its online event:
 * the page's own emulation, kept while it is offline, says what the requests already feel.
 */
function headsetNetwork(context: BrowserContext, page: Page) {
  let own: CDPSession | null = null;
  const conditions = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  return {
    async off() {
      await context.setOffline(true);
    },
    /** After a reload while offline: the new page knows it is offline. */
    async reloaded() {
      own = await context.newCDPSession(page);
      await own.send('Network.emulateNetworkConditions', conditions(true));
    },
    async on() {
      await context.setOffline(false);
      if (!own) return;
      await own.send('Network.emulateNetworkConditions', conditions(false));
      await own.detach();
      own = null;
    },
  };
}

describe('offline first: the app plays without a network and every result arrives exactly once', () => {
  // Its own browser profile and no request interception (which would make Chromium bypass the service worker).
  let g: PersistentGuardedPage;
  let profile: string;
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'werkvloer-profile-'));
    g = await openPersistentGuardedPage(inject('baseUrl'), profile);
  });
  afterAll(async () => {
    await g.close();
    rmSync(profile, { recursive: true, force: true });
    expect(g.foreignRequests).toEqual([]);
  });

  test('loaded once, then offline: reload, play a whole station, finish; on reconnect one row, under the trainee; then the next trainee the same way', async () => {
    const { page, context } = g;
    const [a, b] = await traineesWithCards(inject('baseUrl'), inject('dataDir'), 2);
    await joinByCard(page, inject('baseUrl'), a!);
    await serviceWorkerReady(page);
    // Speech is kept for the language in use only (this browser's: English), not all eight.
    const lng = await page.evaluate(() => document.documentElement.lang);
    expect(lng).not.toBe('fr');
    const keptFiles = await spokenLanguageKept(page, lng);
    expect(await page.evaluate(async () => (await caches.open('werkvloer-audio')).keys().then((k) => k.filter((r) => new URL(r.url).pathname.startsWith('/audio/fr/')).length))).toBe(0);

    const network = headsetNetwork(context, page);
    await network.off();
    await page.reload();
    await network.reloaded();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // The page itself now comes from the service worker, and so does every chunk the station needs.
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => page.getByTestId('trainee').getAttribute('data-trainee-code')).toBe(a!.code);
    // Offline, the instruction is still heard: Repeat is offered and plays the kept file.
    await openSampleStation(page);
    const repeat = page.locator('[data-action="repeat"]');
    await repeat.waitFor();
    const heard = await page.evaluate(() => window.__werkvloerSpokenFiles?.length ?? 0);
    await repeat.click();
    await expect.poll(() => page.evaluate((n) => (window.__werkvloerSpokenFiles ?? []).slice(n), heard)).toEqual([expect.stringMatching(new RegExp(`^/audio/${lng}/.+\\.ogg\\?v=[0-9a-f]+$`))]);
    await clickIdealPath(page);
    const idA = (await page.locator('aside.result[data-session-id]').getAttribute('data-session-id'))!;
    console.info(`[offline] ${keptFiles} files of ${lng} kept for offline play`);
    await expect.poll(() => page.getByTestId('outbox-waiting').getAttribute('data-count')).toBe('1');
    expect(rowsOf(idA)).toHaveLength(0);
    await page.locator('[data-action="back"]').click();

    // Back on the network: the browser's `online` event sends it.
    await network.on();
    await expect.poll(() => rowsOf(idA).length, { timeout: 30_000 }).toBe(1);
    expect(rowsOf(idA)[0]).toMatchObject({ trainee_id: a!.id, score: 100 });
    await expect.poll(() => page.getByTestId('outbox-waiting').count()).toBe(0);

    // Shared headset: the next trainee signs in (that needs the server), then plays offline too.
    await page.locator('[data-action="next-trainee"]').click();
    await joinByCard(page, inject('baseUrl'), b!);
    await network.off();
    await page.reload();
    await network.reloaded();
    await expect.poll(() => page.getByTestId('trainee').getAttribute('data-trainee-code')).toBe(b!.code);
    // A language this headset never kept: its texts are there, its speech is not, so no Repeat button (never a silent one).
    await page.locator('[data-lang="fr"]').click();
    await openSampleStation(page);
    await expect.poll(() => page.getByTestId('instruction').textContent()).toMatch(/lunettes/i);
    await waitForFrames(page, 5);
    expect(await page.locator('[data-action="repeat"]').count()).toBe(0);
    await clickIdealPath(page);
    const idB = (await page.locator('aside.result[data-session-id]').getAttribute('data-session-id'))!;
    await expect.poll(() => page.getByTestId('outbox-waiting').getAttribute('data-count')).toBe('1');
    await network.on();
    await expect.poll(() => rowsOf(idB).length, { timeout: 30_000 }).toBe(1);
    expect(rowsOf(idB).map((r) => r.trainee_id)).toEqual([b!.id]);
    expect(rowsOf(idA).map((r) => r.trainee_id)).toEqual([a!.id]);
    expect(unexpected(g.consoleErrors)).toEqual([]);
  });

});

describe('a lost answer', () => {
  const g = guardedPageForTests();

  test('the server stores a session but its answer is lost: the app sends it again, and there is still one row', async () => {
    const { page } = g;
    const trainee = await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'));
    let posts = 0;
    await page.route('**/api/sessions', async (route) => {
      posts++;
      if (posts > 1) return route.continue();
      // The server gets the whole request and stores it; the Wi-Fi drops before the reply arrives.
      const reply = await route.fetch();
      expect(reply.status()).toBe(201);
      return route.abort('connectionreset');
    });
    const id = await playSampleStation(page);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 30_000 }).toBe('saved');
    expect(posts).toBeGreaterThanOrEqual(2);
    expect(rowsOf(id).map((r) => r.trainee_id)).toEqual([trainee.id]);
    await page.unroute('**/api/sessions');
  });
});

describe('a headset switched off with a result waiting', () => {
  test('the browser is killed with a result queued; relaunched on the same profile it delivers it, once', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'werkvloer-profile-'));
    try {
      const first = await openPersistentGuardedPage(inject('baseUrl'), profile);
      let id: string;
      let traineeId: string;
      try {
        await first.page.route('**/api/sessions', (route) => route.abort('internetdisconnected'));
        traineeId = (await joinAsNewTrainee(first.page, inject('baseUrl'), inject('dataDir'))).id;
        id = await playSampleStation(first.page);
        await expect.poll(() => first.page.getByTestId('outbox-waiting').getAttribute('data-count')).toBe('1');
        expect(unexpected(first.consoleErrors)).toEqual([]);
        expect(first.foreignRequests).toEqual([]);
      } finally {
        await first.kill();
      }
      expect(rowsOf(id)).toHaveLength(0);

      const second = await openPersistentGuardedPage(inject('baseUrl'), profile);
      try {
        await second.page.goto(inject('baseUrl'));
        // Sent at start, from IndexedDB, under the token it was made with.
        await expect.poll(() => rowsOf(id).length, { timeout: 30_000 }).toBe(1);
        expect(rowsOf(id)[0]!.trainee_id).toBe(traineeId);
        await expect.poll(() => second.page.getByTestId('outbox-waiting').count()).toBe(0);
        // Another start sends nothing twice.
        await second.page.reload();
        await second.page.locator('[data-station="wood/intro-workbench"]').waitFor();
        await second.page.evaluate(() => dispatchEvent(new Event('online')));
        expect(rowsOf(id)).toHaveLength(1);
        expect(unexpected(second.consoleErrors)).toEqual([]);
        expect(second.foreignRequests).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

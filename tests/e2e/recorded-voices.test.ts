import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server/support/server-process';
import { toneWav } from '../server/support/tone-wav';
import { chromiumPath, guardedChromiumArgs, waitForFrames } from './support/browser';
import { builtAppDir } from './support/built-app';
import { createOrganisation } from './support/create-organisation';
import { openPersistentGuardedPage, type PersistentGuardedPage } from './support/persistent-browser';
import { joinByCard } from './support/trainees';

/**
 * Issue 30, "Done when": a coach records a Tigrinya line in the dashboard (Chromium's fake microphone
 * plays a generated tone), publishes it; a Tigrinya trainee of the same centre hears that file on
 * "Repeat", still offline after a reload; a changed text makes it stale and the button hides again.
 * Its own server: the test changes a text in that server's copy of the locales (LOCALES_DIR).
 */
const line = 'wood-intro-workbench:steps.wear-glasses.instruction';
const email = 'coach@stemmen.test';
const password = 'amber lighthouse 71 meadow';

let server: ServerProcess;
let dataDir = '';
let localesDir = '';
let micFile = '';
let coachBrowser: Browser;
let coach: Page;
let trainee: PersistentGuardedPage;
let profile = '';

/** Waits until the service worker has precached the app and is active. */
async function serviceWorkerReady(page: Page): Promise<void> {
  const active = () => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated'));
  await expect.poll(active, { timeout: 120_000, interval: 250 }).toBe(true);
}

/** The sample station in Tigrinya on the desktop, until its late parts (Repeat among them) have had their chance. */
async function openStation(page: Page): Promise<void> {
  await page.locator('[data-lang="ti"]').click();
  await page.locator('[data-station="wood/intro-workbench"]').click();
  await page.locator('[data-action="play-desktop"]').click();
  await waitForFrames(page, 5);
  await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3, undefined, { timeout: 60_000 });
}

describe('a voice the centre recorded', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-voices-'));
    localesDir = join(dataDir, 'locales');
    cpSync(join(process.cwd(), 'locales'), localesDir, { recursive: true });
    micFile = join(dataDir, 'mic.wav');
    writeFileSync(micFile, toneWav({ toneMs: 1500, silenceMs: 300 }));
    // The test build the suite made (dist/e2e): `npm test` builds no other.
    server = await startServerProcess({ DATA_DIR: dataDir, LOCALES_DIR: localesDir, ANONYMOUS_PRACTICE: 'on', STATIC_DIR: builtAppDir });
    createOrganisation({ dataDir, name: 'Taalcentrum', country: 'BE', email, password });
    const host = new URL(server.url).hostname;
    coachBrowser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...guardedChromiumArgs(host), '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${micFile}`],
    });
    const context = await coachBrowser.newContext({ viewport: { width: 1200, height: 800 }, locale: 'nl-BE' });
    await context.grantPermissions(['microphone'], { origin: server.url });
    coach = await context.newPage();
    profile = mkdtempSync(join(tmpdir(), 'werkvloer-profile-'));
    trainee = await openPersistentGuardedPage(server.url, profile, { width: 1000, height: 700 });
  });
  afterAll(async () => {
    await coachBrowser?.close();
    await trainee?.close();
    expect(trainee?.foreignRequests ?? []).toEqual([]);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  test('recorded and published in the dashboard, heard on Repeat, offline too; stale once its text changes', async () => {
    // The coach: log in, agree, record the line, hear it back, publish.
    await coach.goto(`${server.url}/dashboard`);
    await coach.getByLabel('E-mailadres').fill(email);
    await coach.getByLabel('Wachtwoord').fill(password);
    await coach.keyboard.press('Enter');
    await coach.getByRole('link', { name: 'Stemmen' }).click();
    await coach.getByRole('heading', { name: 'Stemmen', level: 1 }).waitFor();
    await coach.getByTestId('voices-agree').check();
    await coach.locator('[data-action="voices-consent"]').click();
    await coach.getByTestId('voices-consent-given').waitFor();
    await coach.getByTestId('voices-station').selectOption('wood-intro-workbench');
    const row = coach.locator(`[data-line="${line}"]`);
    await expect.poll(() => row.getAttribute('data-status')).toBe('missing');
    await row.locator('[data-action="voices-record"]').click();
    await row.locator('[data-action="voices-stop"]').waitFor();
    await coach.waitForTimeout(2500);
    await row.locator('[data-action="voices-stop"]').click();
    const draft = row.getByTestId('voices-draft');
    await draft.waitFor({ timeout: 60_000 });
    // Heard back: the converted take plays in the page.
    const playable = await draft.locator('audio').evaluate(
      (a: HTMLAudioElement) => new Promise<number>((resolve) => (a.readyState >= 1 ? resolve(a.duration) : (a.addEventListener('loadedmetadata', () => resolve(a.duration)), a.load()))),
    );
    expect(playable).toBeGreaterThan(0.5);
    await draft.locator('[data-action="voices-publish"]').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('recorded');
    const file = await row.locator('audio').getAttribute('src');
    const id = /\/api\/voices\/recordings\/([0-9a-f-]{36})\/audio/.exec(file ?? '')?.[1];
    expect(id).toBeDefined();

    // A trainee of the centre, on the headset, in Tigrinya (no synthetic voice: Repeat only exists through the recording).
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const post = async (path: string, body: object) =>
      (await (await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) })).json()) as Record<string, string>;
    const group = await post('/api/groups', { name: 'Tigrinya' });
    const t = await post(`/api/groups/${group.id}/trainees`, {});
    const { page, context } = trainee;
    await joinByCard(page, server.url, { id: t.id!, code: t.code!, joinCode: t.joinCode!, country: 'BE' });
    await serviceWorkerReady(page);
    const played = () => page.evaluate(() => [...(window.__werkvloerSpokenFiles ?? [])]);
    const hearRepeat = async () => {
      await page.locator('[data-action="repeat"]').click({ timeout: 60_000 });
      await expect.poll(played, { timeout: 30_000 }).toContain(`/voices/${id}.ogg`);
      expect(await page.evaluate(() => [...(window.__werkvloerSpoken ?? [])])).toContain(`ti:${line}`);
    };
    await openStation(page);
    await hearRepeat();

    // Offline, after a reload: the list was kept on the device and the file in the offline cache.
    await context.setOffline(true);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect.poll(() => page.getByTestId('trainee').getAttribute('data-trainee-code')).toBe(t.code);
    await openStation(page);
    await hearRepeat();
    await context.setOffline(false);

    // A new text for the line (a new release): the recording is stale, the headset no longer offers it.
    const textsFile = join(localesDir, 'ti', 'wood-intro-workbench.json');
    const texts = JSON.parse(readFileSync(textsFile, 'utf8'));
    texts.steps['wear-glasses'].instruction = 'መከላኸሊ መነጽር ኣብ ዓይንኹም ግበሩ።';
    writeFileSync(textsFile, JSON.stringify(texts));
    await page.reload();
    const listed = page.waitForResponse((r) => r.url().endsWith('/api/trainee/voices/ti'));
    await openStation(page);
    expect(await (await listed).json()).toEqual({ language: 'ti', files: {} });
    // The HUD's late parts are there (the settings menu), and Repeat is not: no silent button.
    await page.getByTestId('settings').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-action="repeat"]').count()).toBe(0);
    await coach.reload();
    await coach.getByTestId('voices-station').selectOption('wood-intro-workbench');
    await expect.poll(() => coach.locator(`[data-line="${line}"]`).getAttribute('data-status')).toBe('stale');
  });
});

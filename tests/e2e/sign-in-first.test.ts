import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { startServerProcess, type ServerProcess } from '../server/support/server-process';
import { builtAppDir } from './support/built-app';
import { openGuardedPage, type GuardedPage } from './support/browser';
import { clickIdealPath } from './support/play';
import { traineesWithCards } from './support/trainees';
import { waitForFrames } from './support/browser';

/**
 * Sign in first (issue 21): a result played without signing in said "Result saved" although no
 * trainer would ever see it. On a centre's server (one with an organisation) the start screen asks
 * for the card's code before any station can be played; ANONYMOUS_PRACTICE=on allows practice
 * without, and the end screen says plainly that no trainer sees that result. Each case on its own
 * real server (src/server/main.ts), as `npm start` runs it.
 */

async function playSample(page: Page) {
  await page.locator('[data-station="wood/intro-workbench"]').click();
  await page.locator('[data-action="play-desktop"]').click();
  await waitForFrames(page, 5);
  await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3, undefined, { timeout: 60_000 });
  await clickIdealPath(page);
  await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
}

function serverFor(env: Record<string, string>) {
  const state: { server?: ServerProcess; dataDir: string; g?: GuardedPage } = { dataDir: '' };
  beforeAll(async () => {
    state.dataDir = mkdtempSync(join(tmpdir(), 'werkvloer-sign-in-'));
    // The test build the suite made (dist/e2e): `npm test` builds no other.
    state.server = await startServerProcess({ DATA_DIR: state.dataDir, STATIC_DIR: builtAppDir, ...env });
    state.g = await openGuardedPage(state.server.url, { width: 1280, height: 800 });
  });
  afterAll(async () => {
    await state.g?.close();
    expect(state.g?.foreignRequests ?? []).toEqual([]);
    await state.server?.stop();
    rmSync(state.dataDir, { recursive: true, force: true });
  });
  return state;
}

describe("a centre's server (default settings)", () => {
  const s = serverFor({});

  test('before any organisation anyone plays; once the centre has one, the station waits for the sign-in; signed in, the result is saved as theirs', async () => {
    const { page } = s.g!;
    const base = s.server!.url;
    await page.goto(base);
    await page.locator('[data-station="wood/intro-workbench"]').click();
    expect(await page.getByTestId('sign-in-first').count()).toBe(0);
    expect(await page.locator('[data-action="play-desktop"]').isEnabled()).toBe(true);

    const [trainee] = await traineesWithCards(base, s.dataDir, 1);
    await page.goto(base);
    await page.locator('[data-lang="ar"]').click();
    await expect.poll(() => page.getByTestId('sign-in-first').textContent()).toBe('سجّل الدخول أولاً بالرمز الموجود على بطاقتك. ثم اختر مكان العمل.');
    await page.locator('[data-station="wood/intro-workbench"]').click();
    expect(await page.locator('[data-action="play-desktop"]').isDisabled()).toBe(true);
    // The form to type the card's code is open already.
    await page.getByTestId('join-code').fill(trainee!.joinCode);
    await page.locator('[data-action="join-submit"]').click();
    await expect.poll(() => page.getByTestId('trainee').getAttribute('data-trainee-code'), { timeout: 30_000 }).toBe(trainee!.code);
    expect(await page.getByTestId('sign-in-first').count()).toBe(0);
    await page.locator('[data-lang="nl"]').click();
    await playSample(page);
    expect(await page.getByTestId('upload').textContent()).toBe('Resultaat opgeslagen');
    expect(s.g!.consoleErrors).toEqual([]);
  });
});

describe("a centre's server with ANONYMOUS_PRACTICE=on", () => {
  const s = serverFor({ ANONYMOUS_PRACTICE: 'on' });

  test('practice without signing in; the end screen says plainly that no trainer sees the result', async () => {
    const { page } = s.g!;
    await traineesWithCards(s.server!.url, s.dataDir, 1);
    await page.goto(s.server!.url);
    await page.locator('[data-lang="nl"]').click();
    expect(await page.getByTestId('sign-in-first').count()).toBe(0);
    await playSample(page);
    expect(await page.getByTestId('upload').textContent()).toBe('Opgeslagen zonder je naam: geen trainer ziet dit resultaat. Meld je de volgende keer eerst aan.');
    expect(s.g!.consoleErrors).toEqual([]);
  });
});

// The shared e2e server allows anonymous practice (global-setup.ts): what every other file relies on.
test('the shared e2e server answers the policy it was started with', async () => {
  const policy = (await (await fetch(`${inject('baseUrl')}/api/practice-policy`)).json()) as { anonymousPractice: boolean; signInFirst: boolean };
  expect(policy).toMatchObject({ anonymousPractice: true, signInFirst: false });
});

import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
import { createOrganisation } from './support/create-organisation';
import { nextFrames, setPose, waitForTrackedInputs } from './support/emulator';
import { saveScreenshot } from './support/screenshots';
import { sampleIdealPath } from './support/play';
import { groupWithTrainees, joinByCard, type CardTrainee } from './support/trainees';
import { objectAt, pressAt } from './support/vr-press';

const base = () => inject('baseUrl');
const email = `live-${randomUUID().slice(0, 8)}@e2e.test`;
const password = `class live ${randomUUID()}`;

const tile = (page: Page, code: string) => page.locator(`[data-testid="live-tile"][data-trainee="${code}"]`);

async function clickObject(page: Page, id: string) {
  const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
  expect(at, `${id} is on screen`).not.toBeNull();
  await page.mouse.move(at!.x, at!.y);
  await page.mouse.down();
  await page.mouse.up();
}

describe('live class view: two trainees play at once, the trainer follows them', () => {
  let trainer: GuardedPage;
  let desktop: GuardedPage;
  let vr: GuardedPage;
  let a: CardTrainee;
  let b: CardTrainee;

  beforeAll(async () => {
    createOrganisation({ dataDir: inject('dataDir'), name: 'Live centrum', country: 'NL', email, password });
    [a, b] = (await groupWithTrainees(base(), { email, password }, 'Hout live', ['Amina', 'Bram'], 'NL')) as [CardTrainee, CardTrainee];
    [trainer, desktop, vr] = await Promise.all([openGuardedPage(base(), { width: 1000, height: 700 }), openGuardedPage(base()), openGuardedPage(base())]);
  });
  afterAll(async () => {
    await Promise.all([trainer?.close(), desktop?.close(), vr?.close()]);
  });

  test('tiles change step by step, a call for help is acknowledged, a finished attempt shows its score', async () => {
    const t = trainer.page;
    await t.goto(`${base()}/dashboard`);
    await t.getByLabel('E-mailadres').fill(email);
    await t.getByLabel('Wachtwoord').fill(password);
    await t.keyboard.press('Enter');
    await t.getByRole('heading', { name: 'Sessies', level: 1 }).waitFor();
    await t.getByRole('link', { name: 'Klas live' }).click();
    await t.getByTestId('live-empty').waitFor();

    // A plays on the desktop, B in the VR emulator.
    await joinByCard(desktop.page, base(), a);
    await desktop.page.locator('[data-station="wood/intro-workbench"]').click();
    await desktop.page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(desktop.page, 5);
    await desktop.page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
    await joinByCard(vr.page, base(), b, '?emulate=quest3');
    await vr.page.locator('[data-station="wood/intro-workbench"]').click();
    await vr.page.locator('[data-action="enter-vr"]').click();
    await vr.page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await waitForTrackedInputs(vr.page);

    await expect.poll(() => tile(t, a.code).getAttribute('data-steps-done'), { timeout: 30_000 }).toBe('0');
    await expect.poll(() => tile(t, b.code).getAttribute('data-steps-done'), { timeout: 30_000 }).toBe('0');
    expect(await tile(t, b.code).textContent()).toContain('VR-bril');

    // Step by step: each tile follows its own trainee.
    await clickObject(desktop.page, sampleIdealPath[0]!);
    await expect.poll(() => tile(t, a.code).getAttribute('data-steps-done'), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => tile(t, a.code).getAttribute('data-step')).toBe('start-drill');
    await pressAt(vr.page, await objectAt(vr.page, sampleIdealPath[0]!));
    await expect.poll(() => tile(t, b.code).getAttribute('data-steps-done'), { timeout: 20_000 }).toBe('1');
    expect(await tile(t, a.code).getAttribute('data-steps-done')).toBe('1');

    // A asks for help: A's tile comes first, marked; the trainer answers; A's headset says help is coming.
    await desktop.page.locator('[data-action="help"]').click();
    await expect.poll(() => desktop.page.locator('[data-action="help"]').getAttribute('data-help')).toBe('asked');
    await expect.poll(() => tile(t, a.code).getAttribute('data-needs-help'), { timeout: 20_000 }).toBe('asked');
    expect(await t.getByTestId('live-tile').first().getAttribute('data-trainee')).toBe(a.code);
    await tile(t, a.code).locator('[data-action="acknowledge-help"]').click();
    await expect.poll(() => tile(t, a.code).getAttribute('data-needs-help')).toBe('');
    await expect.poll(() => desktop.page.locator('[data-action="help"]').getAttribute('data-help'), { timeout: 20_000 }).toBe('coming');

    // A finishes: the tile shows the score.
    for (const id of sampleIdealPath.slice(1)) {
      const before = await desktop.page.getByTestId('instruction').textContent();
      await clickObject(desktop.page, id);
      if (id !== sampleIdealPath.at(-1)) await expect.poll(() => desktop.page.getByTestId('instruction').textContent()).not.toBe(before);
    }
    await expect.poll(() => desktop.page.getByTestId('score').getAttribute('data-score')).toBe('100');
    await expect.poll(() => tile(t, a.code).getAttribute('data-finished'), { timeout: 20_000 }).toBe('100');
    expect(await tile(t, b.code).getAttribute('data-finished')).toBe('');

    // The trainer watches B, still playing, in 3D: B's headset adds its poses once watched, and the
    // live view draws B's head where the headset is — also after B steps aside.
    const bStep = await tile(t, b.code).getAttribute('data-step');
    await tile(t, b.code).locator('[data-action="watch-3d"]').click();
    await t.getByTestId('live-view').waitFor({ timeout: 60_000 });
    expect(await t.getByTestId('live-step').getAttribute('data-step')).toBe(bStep);
    await t.waitForFunction(() => window.__werkvloerReplay?.headMarker() != null, undefined, { timeout: 30_000 });
    const headAt = () => t.evaluate(() => window.__werkvloerReplay!.headMarker());
    const viewer = () => vr.page.evaluate(() => window.__werkvloer!.viewerPosition());
    const near = async (want: [number, number, number]) => {
      const head = await headAt();
      // Quantised to 2 mm on the way.
      return head !== null && head.every((v, k) => Math.abs(v - want[k]!) < 0.01);
    };
    const standing = await viewer();
    await expect.poll(() => near(standing), { timeout: 20_000 }).toBe(true);
    // B steps 30 cm to the side (the emulated headset, as a trainee's head would).
    const headset = await vr.page.evaluate(() => {
      const p = (window.__werkvloerEmulator as { position: { x: number; y: number; z: number } }).position;
      return [p.x + 0.3, p.y, p.z] as [number, number, number];
    });
    await setPose(vr.page, 'headset', { position: headset });
    await nextFrames(vr.page, 5);
    const aside = await viewer();
    expect(Math.hypot(aside[0] - standing[0], aside[2] - standing[2]), 'the headset moved 30 cm').toBeGreaterThan(0.25);
    await expect.poll(() => near(aside), { timeout: 20_000 }).toBe(true);
    await saveScreenshot(t, 'live-3d-view');
    for (const g of [trainer, desktop, vr]) expect(g.foreignRequests).toEqual([]);
  });
});

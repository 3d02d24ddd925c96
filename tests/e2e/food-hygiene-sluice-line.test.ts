import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { loadScene } from '../../scripts/check-scenes';
import { score, type SessionEvent } from '../../src/engine';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { nextFrames, waitForTrackedInputs } from './support/emulator';
import { storedSessions, type StoredSession } from './support/database';
import { seeResultAfterCriticalStop } from './support/stopped-practice';
import { chooseExam } from './support/exam-attempt';
import { ControllerTrainee, DesktopTrainee } from './support/food-station';
// The ideal path and how it is played, as the Dari and right-to-left tests play it too.
import { foodLine as line, foodSluice as sluice, playFoodMoves as play } from './support/food-ideal-path';
import { saveScreenshot } from './support/screenshots';
import { logBusiestDesktopFrame } from './support/desktop-busiest-frame';
import { expectBusiestXrFrameWithinBudget } from './support/xr-budget';

// The food station (hygiene sluice + meat line) played through the real UI: the mouse on a computer,
// the emulated controller in VR. Holds last as long as the step asks (20 s washing, 20 s
// disinfecting, 5 s wiping): that duration is what is tested, so those waits are real time.

const countries = ['be', 'nl'] as const;
type Country = (typeof countries)[number];
const folder = (c: Country) => `food/hygiene-sluice-line-${c}`;
const scenario = (c: Country) => loadScene(process.cwd(), join(process.cwd(), 'scenes', folder(c), 'scenario.json')).scenario!;

const instruction = (page: Page) => page.getByTestId('instruction').textContent();

/** Opens the station in practice, or (`chosen`) starts the one already chosen on the start screen. */
async function open(page: Page, c: Country, vr: boolean, chosen = false) {
  if (!chosen) {
    await page.goto(`${inject('baseUrl')}/${vr ? '?emulate=quest3' : ''}`);
    await page.locator(`[data-station="${folder(c)}"]`).click();
  }
  if (vr) {
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    // The controllers appear once their (local) profiles are loaded: a press before that is lost.
    // The instruction panel follows the first frame; start once the station has settled.
    await waitForTrackedInputs(page, 2);
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });
    await nextFrames(page, 10);
  } else {
    await page.locator('[data-action="play-desktop"]').click();
  }
  await waitForFrames(page, 5);
  // Scales and cards arrive a few frames after the station (they carry text).
  await page.waitForFunction(() => ['team-leader', 'temp-chicken', 'portion', 'tray:foreign-body'].every((id) => window.__werkvloer?.objectIds().includes(id)), undefined, { timeout: 60_000 });
}

/** The stored row of the session on screen, once the server has it. */
async function storedRow(page: Page): Promise<StoredSession> {
  await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
  const id = await page.locator('[data-session-id]').getAttribute('data-session-id');
  const row = storedSessions(inject('dataDir')).find((r) => r.id === id);
  expect(row, 'the row of this very session').toBeDefined();
  return row!;
}

const eventsOf = (row: StoredSession) => JSON.parse(row.events_json) as SessionEvent[];

describe('food station on a computer, mouse only', () => {
  const g = guardedPageForTests();

  test.each(countries)('%s: the ideal path scores 100 (screenshots of the sluice and the line)', async (c) => {
    const { page } = g;
    await open(page, c, false);
    const trainee = new DesktopTrainee(page);
    await play(page, trainee, sluice.slice(0, 2), false);
    if (c === 'be') await saveScreenshot(page, 'food-hygiene-sluice');
    await play(page, trainee, sluice.slice(2), false);
    await trainee.face([0, 1, -0.7]);
    if (c === 'be') await saveScreenshot(page, 'food-meat-line');
    await play(page, trainee, line, true);
    const row = await storedRow(page);
    expect(score(scenario(c), eventsOf(row), 'practice').mistakes).toEqual([]);
    expect(await page.getByTestId('score').getAttribute('data-score')).toBe('100');
    expect(row).toMatchObject({ scenario_id: `food-hygiene-sluice-line-${c}`, device: 'desktop', score: 100 });
    expect(eventsOf(row).filter((e) => e.action === 'hold-end').length).toBe(3);
    expect(g.consoleErrors).toEqual([]);
    await logBusiestDesktopFrame(page, folder(c));
  });

  test('entering without washing the hands is critical: the practice attempt stops, failed', async () => {
    const { page } = g;
    await open(page, 'be', false);
    const trainee = new DesktopTrainee(page);
    await play(page, trainee, sluice.slice(0, 3), false);
    await trainee.press('turnstile');
    await seeResultAfterCriticalStop(page);
    await expect.poll(() => page.locator('.hud.result .failed').count(), { timeout: 20_000 }).toBe(1);
    const row = await storedRow(page);
    expect(row).toMatchObject({ mode: 'practice', passed: 0 });
    expect(row.score).toBeLessThan(scenario('be').passScore);
    expect(score(scenario('be'), eventsOf(row), 'practice').violations.map((v) => v.rule)).toContain('enter-without-washing');
  });

  test('exam (unlocked by the trainer): entering the sluice without washing the hands fails the attempt', async () => {
    const { page } = g;
    const trainee = await chooseExam(page, inject('baseUrl'), inject('dataDir'), folder('nl'), '', 'NL');
    await open(page, 'nl', false, true);
    expect(await page.locator('[data-action="hint"]').count(), 'no hints in an exam').toBe(0);
    const desktop = new DesktopTrainee(page);
    await play(page, desktop, sluice.slice(0, 3), false);
    await desktop.press('turnstile');
    await expect.poll(() => page.locator('.hud.result .failed').count(), { timeout: 20_000 }).toBe(1);
    const row = await storedRow(page);
    expect(row).toMatchObject({ scenario_id: 'food-hygiene-sluice-line-nl', mode: 'exam', passed: 0, trainee_id: trainee.id });
    // The server's own scoring of the uploaded events, as stored.
    const result = JSON.parse(row.result_json) as { failedByCritical: boolean; violations: { rule: string; severity: string }[] };
    expect(result.failedByCritical).toBe(true);
    expect(result.violations).toContainEqual(expect.objectContaining({ rule: 'enter-without-washing', severity: 'critical' }));
    // Sign the trainee out: the other tests play both countries' stations, as a headset nobody signed in to.
    await page.goto(inject('baseUrl'));
    await page.locator('[data-action="next-trainee"]').click();
  });

  test('a 4 s wash is too short: the step stays open, and walking on counts as unwashed', async () => {
    const { page } = g;
    await open(page, 'nl', false);
    const trainee = new DesktopTrainee(page);
    await play(page, trainee, sluice.slice(0, 4), false);
    const washing = await instruction(page);
    await trainee.hold('sink', 4_000);
    await trainee.press('tap');
    expect(await instruction(page)).toBe(washing);
    await trainee.press('turnstile');
    await seeResultAfterCriticalStop(page);
    await expect.poll(() => page.locator('.hud.result .failed').count(), { timeout: 20_000 }).toBe(1);
    const row = await storedRow(page);
    const result = score(scenario('nl'), eventsOf(row), 'practice');
    expect(result.steps.find((s) => s.id === 'wash-hands')).toMatchObject({ done: false });
    expect(result.violations.map((v) => v.rule)).toContain('enter-without-washing');
  });

  test.each(countries)('%s: accepting the too-warm minced meat (3.4 °C, max. 2 °C) fails', async (c) => {
    const { page } = g;
    await open(page, c, false);
    const trainee = new DesktopTrainee(page);
    await trainee.set('temp-mince', 3.4);
    await trainee.press('ok-mince');
    await seeResultAfterCriticalStop(page);
    await expect.poll(() => page.locator('.hud.result .failed').count(), { timeout: 20_000 }).toBe(1);
    const row = await storedRow(page);
    expect(row.passed).toBe(0);
    const result = score(scenario(c), eventsOf(row), 'exam');
    expect(result).toMatchObject({ passed: false, failedByCritical: true });
    expect(result.violations.map((v) => v.rule)).toContain('accept-too-warm');
  });
});

describe('food station in VR, emulated controller', () => {
  const g = guardedPageForTests();

  test('be: entering through the Enter VR button, the ideal path scores 100 with the right controller', async () => {
    const { page } = g;
    await open(page, 'be', true);
    const trainee = new ControllerTrainee(page);
    await play(page, trainee, [...sluice, ...line], true);
    // The busiest moment of the whole scenario, both eyes (issue 10; bench/busiest-frame.ts reads this line).
    await expectBusiestXrFrameWithinBudget(page, 'food/hygiene-sluice-line-be');
    const row = await storedRow(page);
    expect(score(scenario('be'), eventsOf(row), 'practice').mistakes).toEqual([]);
    expect(row).toMatchObject({ scenario_id: 'food-hygiene-sluice-line-be', device: 'vr-controller', score: 100 });
    expect(new Set(eventsOf(row).map((e) => e.device))).toEqual(new Set(['vr-controller']));
  });
});

import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { storedSessions } from './support/database';
import { chooseExam } from './support/exam-attempt';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { saveScreenshot } from './support/screenshots';
import { joinAsNewTrainee, joinByCard } from './support/trainees';

/**
 * A failed attempt teaches: the end screen names each critical rule that fired and each step missed
 * or done wrong, with pictures, in the trainee's language (Arabic, and Tigrinya, which has no voice:
 * no listen or repeat button there, never a silent one); "Try again" starts a fresh attempt; practice
 * goes on after a critical error from the rule's safe state and the attempt still counts as failed.
 * Played on the sample station (wood/intro-workbench) by mouse.
 */

type Texts = { rules: Record<string, string>; steps: Record<string, { instruction: string }> };
const station = (lng: string) => JSON.parse(readFileSync(`locales/${lng}/wood-intro-workbench.json`, 'utf8')) as Texts;
const feedback = (lng: string) => JSON.parse(readFileSync(`locales/${lng}/feedback.json`, 'utf8')) as Record<string, string>;

async function pick(page: Page, lng: string) {
  await page.locator(`[data-lang="${lng}"]`).click();
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lng);
}

async function playDesktop(page: Page) {
  await page.locator('[data-action="play-desktop"]').click();
  await waitForFrames(page, 5);
  await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3, undefined, { timeout: 60_000 });
  await page.waitForFunction(() => window.__werkvloer?.sceneHas('instruction-panel') === true, undefined, { timeout: 60_000 });
}

/** A mouse press on a station object, as a trainee does it. */
async function press(page: Page, id: string) {
  const at = await page.evaluate((objectId) => window.__werkvloer!.screenPosition(objectId), id);
  expect(at, `${id} is on screen`).not.toBeNull();
  await page.mouse.move(at!.x, at!.y);
  await page.mouse.down();
  await page.mouse.up();
}

/** Every picture in this part of the page has loaded and shows (a broken image has no natural size). */
async function picturesShown(page: Page, selector: string): Promise<string[]> {
  return page.locator(`${selector} img`).evaluateAll((imgs) => imgs.map((i) => ((i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0 ? (i.getAttribute('src') ?? '') : 'broken')));
}

const instruction = (page: Page) => page.getByTestId('instruction').textContent();

describe('feedback on a failed attempt (issue 21)', () => {
  const g = guardedPageForTests({ width: 1280, height: 800 }, { each: true });

  test('ar, practice: a critical error stops the drill and explains; go on from the safe state; the attempt still fails and names the rule; Try again starts afresh', async () => {
    const { page } = g;
    const ar = station('ar');
    const fb = feedback('ar');
    await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'));
    await pick(page, 'ar');
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await playDesktop(page);

    // Start the drill without glasses: critical. The machine stops; why, and the right way, with pictures.
    await press(page, 'start-button');
    const halted = page.getByTestId('halted');
    await expect.poll(() => halted.count(), { timeout: 20_000 }).toBe(1);
    expect(await halted.locator('h2').textContent()).toBe(fb['review-machine-stopped']);
    expect(await halted.locator('[data-review-kind="rule"][data-id="start-without-glasses"] .what').textContent()).toBe(ar.rules['start-without-glasses']);
    expect(await halted.locator('.right-way[data-id="wear-glasses"] .right').textContent()).toContain(ar.steps['wear-glasses']!.instruction);
    expect(await halted.locator('.right-way img').getAttribute('data-src')).toBe('pictograms/wear-safety-glasses.svg');
    await expect.poll(() => picturesShown(page, '[data-testid="halted"]')).not.toContain('broken');
    expect((await picturesShown(page, '[data-testid="halted"]')).length).toBe(2);
    // Arabic has a voice: the explanation can be heard again.
    await expect.poll(() => halted.locator('[data-action="listen"]').count()).toBe(1);
    await saveScreenshot(page, 'attempt-halted-ar');

    // Go on from the safe state: the instruction is the step it resumes at.
    await page.locator('[data-action="continue"]').click();
    await expect.poll(() => instruction(page)).toContain(ar.steps['wear-glasses']!.instruction);
    for (const id of ['safety-glasses', 'start-button', 'stop-button']) {
      const before = await instruction(page);
      await press(page, id);
      if (id !== 'stop-button') await expect.poll(() => instruction(page), { timeout: 20_000 }).not.toBe(before);
    }
    // All done, still failed: 100 × 27.5 / 30 − 50 = 42 (docs/scoring.md), and it says it does not count.
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('42');
    expect(await page.getByTestId('not-counted').textContent()).toBe(fb['review-not-counted']);
    const review = page.getByTestId('review');
    expect(await review.locator('[data-review-kind="rule"][data-id="start-without-glasses"] .what').textContent()).toBe(ar.rules['start-without-glasses']);
    expect(await review.locator('[data-review-kind="rule"][data-id="start-without-glasses"] .right').textContent()).toContain(ar.steps['wear-glasses']!.instruction);
    // The first press of start was out of order: a step done wrong, named with its picture.
    expect(await review.locator('[data-review-kind="wrong"][data-id="start-drill"] .what').textContent()).toBe(ar.steps['start-drill']!.instruction);
    await expect.poll(() => picturesShown(page, '[data-testid="review"] [data-review-kind]')).not.toContain('broken');
    expect(await review.locator('[data-review-kind] img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('data-src')))).toEqual(
      expect.arrayContaining(['pictograms/wear-safety-glasses.svg', 'pictograms/press-start.svg']),
    );

    await saveScreenshot(page, 'attempt-review-ar');
    // The stored result: failed, the continuation in the record, never toward mastery (the server's own replay).
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
    const id = (await page.locator('[data-session-id]').getAttribute('data-session-id'))!;
    const row = storedSessions(inject('dataDir')).find((r) => r.id === id)!;
    expect(row).toMatchObject({ scenario_id: 'wood-intro-workbench', mode: 'practice', score: 42, passed: 0 });
    const result = JSON.parse(row.result_json) as { continuations: { rule: string; resumeAt: string }[]; countsForMastery: boolean; failedByCritical: boolean };
    expect(result).toMatchObject({ failedByCritical: true, countsForMastery: false });
    expect(result.continuations).toEqual([expect.objectContaining({ rule: 'start-without-glasses', resumeAt: 'wear-glasses' })]);
    expect((JSON.parse(row.events_json) as { action: string }[]).map((e) => e.action)).toEqual(['press', 'continue', 'wear', 'press', 'press']);

    // Try again: a new attempt from the start, played clean to 100.
    await page.locator('[data-action="try-again"]').click();
    await expect.poll(() => instruction(page)).toContain(ar.steps['wear-glasses']!.instruction);
    for (const obj of ['safety-glasses', 'start-button', 'stop-button']) {
      const before = await instruction(page);
      await press(page, obj);
      if (obj !== 'stop-button') await expect.poll(() => instruction(page), { timeout: 20_000 }).not.toBe(before);
    }
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
    const second = (await page.locator('[data-session-id]').getAttribute('data-session-id'))!;
    expect(second).not.toBe(id);
    expect(storedSessions(inject('dataDir')).find((r) => r.id === second)).toMatchObject({ score: 100, passed: 1 });
    expect(await page.getByTestId('went-well').textContent()).toContain('3');
  });

  test('ti, exam: the end screen names the critical rule and the missed step with pictures; no silent button; Try again works', async () => {
    const { page } = g;
    const ti = station('ti');
    const fb = feedback('ti');
    await chooseExam(page, inject('baseUrl'), inject('dataDir'), 'wood/intro-workbench');
    await pick(page, 'ti');
    await playDesktop(page);
    // Tigrinya has no voice: no Repeat button (it would be silent).
    await page.waitForFunction(() => document.querySelector('[data-action="stop"]') !== null);
    await page.waitForTimeout(1000);
    expect(await page.locator('[data-action="repeat"]').count()).toBe(0);

    await press(page, 'start-button');
    await expect.poll(() => page.getByTestId('score').count(), { timeout: 20_000 }).toBe(1);
    expect(Number(await page.getByTestId('score').getAttribute('data-score'))).toBeLessThan(70);
    const review = page.getByTestId('review');
    const rule = review.locator('[data-review-kind="rule"][data-id="start-without-glasses"]');
    expect(await rule.locator('.what').textContent()).toBe(ti.rules['start-without-glasses']);
    expect(await rule.locator('.right').textContent()).toBe(`${fb['review-right-way']}${ti.steps['wear-glasses']!.instruction}`);
    const missed = review.locator('[data-review-kind="missed"][data-id="wear-glasses"]');
    expect(await missed.locator('.tag').textContent()).toBe(fb['review-missed']);
    expect(await missed.locator('.what').textContent()).toBe(ti.steps['wear-glasses']!.instruction);
    expect(await missed.locator('img').getAttribute('data-src')).toBe('pictograms/wear-safety-glasses.svg');
    await expect.poll(() => picturesShown(page, '[data-testid="review"] [data-review-kind]')).not.toContain('broken');
    expect(await review.locator('h3').allTextContents()).toEqual(expect.arrayContaining([fb['review-practise-next']]));
    await saveScreenshot(page, 'attempt-review-ti');
    // No voice in Tigrinya: no listen button anywhere (hidden, never silent).
    expect(await page.locator('[data-action="listen"]').count()).toBe(0);

    // Try again: a fresh attempt at the start, the station as new (practice: exams start from the start screen).
    const first = await page.locator('[data-session-id]').getAttribute('data-session-id');
    await page.locator('[data-action="try-again"]').click();
    await expect.poll(() => instruction(page)).toBe(ti.steps['wear-glasses']!.instruction);
    expect(await page.getByTestId('score').count()).toBe(0);
    await press(page, 'safety-glasses');
    await press(page, 'start-button');
    await press(page, 'stop-button');
    await expect.poll(() => page.getByTestId('score').count(), { timeout: 20_000 }).toBe(1);
    const second = await page.locator('[data-session-id]').getAttribute('data-session-id');
    expect(second).not.toBe(first);
    expect(await page.getByTestId('score').getAttribute('data-score')).toBe('100');
    expect(await page.locator('[data-testid="review"] [data-review-kind="rule"]').count()).toBe(0);
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
    const rows = storedSessions(inject('dataDir'));
    expect(rows.find((r) => r.id === first)).toMatchObject({ mode: 'exam', passed: 0 });
    expect(rows.find((r) => r.id === second)).toMatchObject({ mode: 'practice', score: 100, passed: 1 });
  });

  test('ti, practice: "not yet" names the step that comes first, with its picture', async () => {
    const { page } = g;
    const ti = station('ti');
    await page.goto(inject('baseUrl'));
    await pick(page, 'ti');
    await page.locator('[data-station="wood/intro-workbench"]').click();
    await playDesktop(page);
    await press(page, 'stop-button');
    const said = page.getByTestId('feedback');
    await expect.poll(() => said.getAttribute('data-kind'), { timeout: 20_000 }).toBe('wrong-order');
    expect(await said.textContent()).toContain(ti.steps['wear-glasses']!.instruction);
    expect(await said.locator('[data-testid="first-step-pictogram"]').getAttribute('data-step')).toBe('wear-glasses');
    await expect.poll(() => picturesShown(page, '[data-testid="feedback"]')).toEqual([expect.stringContaining('wear-safety-glasses.svg')]);
  });

  test('the chosen language survives a reload, per device and per signed-in trainee', async () => {
    const { page } = g;
    await page.goto(inject('baseUrl'));
    await pick(page, 'tr');
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('tr');
    // A shared headset: trainee A chooses Tigrinya, the next trainee Ukrainian; A signs in again and gets Tigrinya back.
    const a = await joinAsNewTrainee(page, inject('baseUrl'), inject('dataDir'));
    await pick(page, 'ti');
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ti');
    await page.locator('[data-action="next-trainee"]').click();
    await pick(page, 'uk');
    await joinByCard(page, inject('baseUrl'), a);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ti');
  });
});

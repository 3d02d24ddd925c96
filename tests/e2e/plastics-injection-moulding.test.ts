import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { nextFrames, setPose, useHands, waitForTrackedInputs } from './support/emulator';
import { storedSessions, type StoredSession } from './support/database';
import { chooseExam } from './support/exam-attempt';
import { carryToZone, click, dragToZone, mouldCentre, screenPointOf, triggerOn, zones, type Zone } from './support/injection-moulding';
import { xrOrigin } from './support/aim';
import { saveScreenshot } from './support/screenshots';
import { logBusiestDesktopFrame } from './support/desktop-busiest-frame';
import { expectBusiestXrFrameWithinBudget } from './support/xr-budget';
import { seeResultAfterCriticalStop } from './support/stopped-practice';

const station = 'plastics/injection-moulding';

/** One way of acting: the mouse on the desktop, or the right controller's ray in VR. */
interface Hands {
  press(page: Page, id: string): Promise<void>;
  carry(page: Page, id: string, zone: Zone): Promise<void>;
}
const mouse: Hands = { press: click, carry: dragToZone };
const controller: Hands = { press: triggerOn, carry: carryToZone };

const traceStart = performance.now();
const instruction = (page: Page) => page.getByTestId('instruction').textContent();

/** Acts, then waits for the instruction to move on (the step was done). */
async function step(page: Page, act: () => Promise<void>) {
  if (process.env.E2E_TRACE) console.info(`[plastics] ${((performance.now() - traceStart) / 1000).toFixed(1)} s`);
  const before = await instruction(page);
  await act();
  await expect.poll(() => instruction(page), { timeout: 20_000 }).not.toBe(before);
}

/** PPE, the dryer and hopper checks, the interlock test and the start of the automatic cycle. */
async function upToRunning(page: Page, h: Hands, glassesOn = false) {
  if (!glassesOn) await step(page, () => h.press(page, 'safety-glasses'));
  await step(page, () => h.press(page, 'work-gloves'));
  await step(page, () => h.press(page, 'dryer-display:80'));
  await step(page, () => h.press(page, 'hopper:enough'));
  await h.press(page, 'safety-gate');
  await step(page, () => h.press(page, 'cycle-start'));
  await h.press(page, 'safety-gate');
  await step(page, () => h.press(page, 'cycle-start'));
}

const classes = ['short-shot', 'flash', 'sink-mark', 'burn-mark', 'good'];
const gone = (page: Page, id: string) => page.waitForFunction((objectId) => !window.__werkvloer!.objectIds().includes(objectId), id, { timeout: 20_000 });

/** The whole ideal path from the running machine on: judge, sort, count, the alarm, lockout and clearing. */
async function restOfIdealPath(page: Page, h: Hands, onParts?: () => Promise<void>) {
  if (onParts) await onParts();
  for (let i = 0; i < 5; i++) await step(page, () => h.press(page, `part-${i + 1}:${classes[i]}`));
  // Nearest first: the ray to a far part passes close over the nearer ones.
  for (let i = 4; i >= 1; i--) {
    await h.carry(page, `part-${i}`, zones.scrapBin);
    await gone(page, `part-${i}`);
  }
  await step(page, () => h.carry(page, 'part-5', zones.goodBox));
  await step(page, () => h.press(page, 'box-card:12'));
  // The machine stops with its alarm 30 s after the start: the answer cards appear then.
  await page.waitForFunction(() => window.__werkvloer!.objectIds().includes('alarm-display:part-stuck'), undefined, { timeout: 60_000 });
  await step(page, () => h.press(page, 'alarm-display:part-stuck'));
  await step(page, () => h.press(page, 'alarm-display:call-setter'));
  await step(page, () => h.press(page, 'main-switch'));
  await step(page, () => h.press(page, 'cycle-start'));
  await h.press(page, 'safety-gate');
  await step(page, () => h.carry(page, 'stuck-part', zones.scrapBin));
  await gone(page, 'stuck-part');
  await h.press(page, 'safety-gate');
  await h.press(page, 'main-switch');
}

async function storedRow(page: Page) {
  await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
  const sessionId = await page.locator('[data-session-id]').getAttribute('data-session-id');
  const row = storedSessions(inject('dataDir')).find((r) => r.id === sessionId);
  expect(row, 'the row of this very session').toBeDefined();
  return row!;
}

const lastEvent = (row: StoredSession) => (JSON.parse(row.events_json) as { action: string; object: string; device: string }[]).at(-1);

/**
 * The attempt stopped, failed on the critical mould rule: on screen (score below the pass mark, the
 * failed result) and in the stored row, which the server scored itself from the events.
 */
async function failedByMould(page: Page): Promise<StoredSession> {
  // Practice halts at the rule's safe state (issue 21); the trainee ends it there to see the result.
  await seeResultAfterCriticalStop(page);
  await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).not.toBeNull();
  expect(Number(await page.getByTestId('score').getAttribute('data-score'))).toBeLessThan(75);
  await expect.poll(() => page.locator('.hud.result .failed').count()).toBe(1);
  const row = await storedRow(page);
  expect(row.passed).toBe(0);
  expect(row.score).toBeLessThan(75);
  const result = JSON.parse(row.result_json) as { failedByCritical: boolean; violations: { rule: string; severity: string }[] };
  expect(result.failedByCritical).toBe(true);
  expect(result.violations).toContainEqual(expect.objectContaining({ rule: 'reach-into-running-mould', severity: 'critical' }));
  return row;
}

describe('plastics/injection-moulding: played through the real UI', () => {
  // 1024 x 640: the desktop overlay (420 px wide, top left) leaves the conveyor, the gate and the
  // mould in view; at 640 x 400 it covers them and the mouse would hit the overlay instead.
  const g = guardedPageForTests({ width: 1024, height: 640 });

  async function openOnDesktop(page: Page, chosen = false) {
    if (!chosen) {
      await page.goto(inject('baseUrl'));
      await page.locator(`[data-station="${station}"]`).click();
    }
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await page.waitForFunction(() => window.__werkvloer?.objectIds().includes('safety-glasses'));
  }

  test('desktop, mouse only: the ideal path scores 100 and is stored; a screenshot of the running cell', async () => {
    const { page } = g;
    await openOnDesktop(page);
    await upToRunning(page, mouse);
    await restOfIdealPath(page, mouse, async () => {
      await saveScreenshot(page, 'plastics-injection-moulding');
    });
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score'), { timeout: 20_000 }).toBe('100');
    const row = await storedRow(page);
    expect(row).toMatchObject({ scenario_id: 'plastics-injection-moulding', score: 100, device: 'desktop' });
    const events = JSON.parse(row.events_json) as { action: string; object: string; value?: string | number }[];
    expect(events.filter((e) => e.action === 'place').map((e) => `${e.object}>${e.value}`)).toEqual([
      'part-4>scrap-bin',
      'part-3>scrap-bin',
      'part-2>scrap-bin',
      'part-1>scrap-bin',
      'part-5>good-box',
      'stuck-part>scrap-bin',
    ]);
    expect(events.filter((e) => e.object === 'mould-zone').map((e) => e.action)).toEqual(['enter', 'exit']);
    expect(g.consoleErrors).toEqual([]);
    await logBusiestDesktopFrame(page, station);
  });

  test('desktop: a hand (the pointer) in the mould while the machine runs stops the attempt — failed', async () => {
    const { page } = g;
    await openOnDesktop(page);
    await upToRunning(page, mouse);
    const at = await screenPointOf(page, mouldCentre);
    await page.mouse.move(at.x, at.y);
    const row = await failedByMould(page);
    expect(row).toMatchObject({ mode: 'practice', device: 'desktop' });
    expect(lastEvent(row)).toMatchObject({ action: 'enter', object: 'mould-zone', device: 'desktop' });
  });

  test('exam (unlocked by the trainer): reaching into the running mould fails the attempt', async () => {
    const { page } = g;
    const trainee = await chooseExam(page, inject('baseUrl'), inject('dataDir'), station);
    await openOnDesktop(page, true);
    expect(await page.locator('[data-action="hint"]').count(), 'no hints in an exam').toBe(0);
    await upToRunning(page, mouse);
    const at = await screenPointOf(page, mouldCentre);
    await page.mouse.move(at.x, at.y);
    const row = await failedByMould(page);
    expect(row).toMatchObject({ mode: 'exam', passed: 0, trainee_id: trainee.id, device: 'desktop' });
    expect(lastEvent(row)).toMatchObject({ action: 'enter', object: 'mould-zone' });
  });
});

describe('plastics/injection-moulding in VR', () => {
  // The XR view has no desktop overlay: the default small viewport keeps SwiftShader's two eyes cheap.
  const vrPage = guardedPageForTests();

  async function enterVr(page: Page) {
    await page.goto(`${inject('baseUrl')}/?emulate=quest3`);
    await page.locator(`[data-station="${station}"]`).click();
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await waitForFrames(page, 10);
    // The controllers are tracked (and can point) before the first press.
    await waitForTrackedInputs(page);
    await page.waitForFunction(() => window.__werkvloer?.objectIds().includes('safety-glasses'));
  }

  /**
   * The first press of a VR attempt, repeated if it was lost: on a page that entered VR before, the
   * controller can be tracked a few frames before its ray dispatches presses. Only a press that
   * changed nothing is repeated (the instruction still asks for the glasses).
   */
  async function glassesOn(page: Page) {
    const before = await instruction(page);
    for (let attempt = 0; attempt < 3; attempt++) {
      await controller.press(page, 'safety-glasses');
      const moved = await expect
        .poll(() => instruction(page), { timeout: 8_000 })
        .not.toBe(before)
        .then(() => true)
        .catch(() => false);
      if (moved) return;
    }
    throw new Error('three presses on the safety glasses were lost');
  }

  /** The mould's centre in the XR origin's space, where emulator poses are given. */
  const mouldInOrigin: [number, number, number] = [mouldCentre[0] - xrOrigin[0], mouldCentre[1] - xrOrigin[1], mouldCentre[2] - xrOrigin[2]];

  test('right controller (entering through the Enter VR button): the ideal path scores 100', { timeout: 420_000 }, async () => {
    const { page } = vrPage;
    await enterVr(page);
    await glassesOn(page);
    await upToRunning(page, controller, true);
    await restOfIdealPath(page, controller);
    // The busiest moment of the whole scenario, both eyes (issue 10; bench/busiest-frame.ts reads this line).
    await expectBusiestXrFrameWithinBudget(page, 'plastics/injection-moulding');
    const row = await storedRow(page);
    expect(row).toMatchObject({ scenario_id: 'plastics-injection-moulding', score: 100, device: 'vr-controller' });
  });

  test('the controller itself (its grip, not the ray) in the running mould stops the attempt — failed', { timeout: 300_000 }, async () => {
    const { page } = vrPage;
    await enterVr(page);
    await glassesOn(page);
    await upToRunning(page, controller, true);
    // The trainee reaches in: the controller goes straight from the hip into the open mould area.
    await setPose(page, 'right-controller', { position: mouldInOrigin, quaternion: { x: 0, y: 0, z: 0, w: 1 } });
    const row = await failedByMould(page);
    expect(row).toMatchObject({ mode: 'practice', device: 'vr-controller' });
    expect(lastEvent(row)).toMatchObject({ action: 'enter', object: 'mould-zone', device: 'vr-controller' });
  });

  test('a tracked hand: the index fingertip in the running mould stops the attempt — failed', { timeout: 300_000 }, async () => {
    const { page } = vrPage;
    await enterVr(page);
    // The machine is started with the controller; then the trainee puts it down and reaches in bare-handed.
    await glassesOn(page);
    await upToRunning(page, controller, true);
    const [x, y, z] = mouldInOrigin;
    // Half a metre in front of the mould, fingers pointing at it.
    await setPose(page, 'right-hand', { position: [x, y, z + 0.5], quaternion: { x: 0, y: 0, z: 0, w: 1 } });
    await useHands(page, true);
    await page.waitForFunction(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      () => ((window.__werkvloerEmulator as any)?.inputSources ?? []).some((s: XRInputSource) => s.hand && s.handedness === 'right'),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForFunction(() => (window.__werkvloer?.trackedInputs() ?? 0) > 0, undefined, { timeout: 60_000 });
    await nextFrames(page, 10);
    expect(await page.getByTestId('score').count(), 'the hand in front of the mould did nothing').toBe(0);
    // The hand moves in, fingers first, a few centimetres at a time until the fingertip is inside.
    for (let dz = 0.45; dz >= -0.1; dz -= 0.05) {
      await setPose(page, 'right-hand', { position: [x, y, z + dz] });
      await nextFrames(page, 3);
      if ((await page.getByTestId('score').count()) > 0) break;
    }
    const row = await failedByMould(page);
    expect(lastEvent(row)).toMatchObject({ action: 'enter', object: 'mould-zone', device: 'vr-hand' });
  });
});

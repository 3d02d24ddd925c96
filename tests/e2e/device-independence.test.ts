import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { parseScenario, score, type Scenario, type SessionEvent } from '../../src/engine';
import { waitForFrames } from './support/browser';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { pressAt } from './support/vr-press';
import { storedSessions } from './support/database';
import { waitForTrackedInputs } from './support/emulator';
import { seeResultAfterCriticalStop } from './support/stopped-practice';

/**
 * One attempt with a hint, a mistake and a safety violation — asking for help, pressing stop before
 * anything runs, then starting the drill without glasses — played once with the mouse and once with
 * an emulated controller. The stored results must be the same step for step; only the device differs.
 */
const wrongPath = ['hint', 'stop-button', 'start-button'] as const;

const parsed = parseScenario(JSON.parse(readFileSync('scenes/wood/intro-workbench/scenario.json', 'utf8')), 'intro-workbench');
if (!parsed.ok) throw new Error('the sample scenario does not parse');
const scenario: Scenario = parsed.scenario;

async function clickTarget(page: Page, target: (typeof wrongPath)[number]) {
  if (target === 'hint') {
    await page.locator('[data-action="hint"]').click();
    return;
  }
  const at = await page.evaluate((id) => window.__werkvloer!.screenPosition(id), target);
  await page.mouse.move(at!.x, at!.y);
  await page.mouse.down();
  await page.mouse.up();
}

async function pointAndPull(page: Page, target: (typeof wrongPath)[number]) {
  const at = await page.evaluate((id) => window.__werkvloer!.worldPosition(id), target === 'hint' ? 'panel-hint' : target);
  expect(at, `${target} is in the scene`).not.toBeNull();
  await pressAt(page, at!);
}

/** Plays the wrong path and returns the stored row of that session. */
async function play(page: Page, vr: boolean) {
  await page.goto(`${inject('baseUrl')}/${vr ? '?emulate=quest3' : ''}`);
  await page.locator('[data-station="wood/intro-workbench"]').click();
  await page.locator(`[data-action="${vr ? 'enter-vr' : 'play-desktop'}"]`).click();
  if (vr) {
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => window.__werkvloer?.sceneHas('panel-hint') === true, undefined, { timeout: 60_000 });
    await waitForTrackedInputs(page);
  }
  await waitForFrames(page, 5);
  await page.waitForFunction(() => (window.__werkvloer?.objectIds().length ?? 0) >= 3);
  for (const target of wrongPath) {
    const before = await page.locator('.hud').innerText();
    if (vr) await pointAndPull(page, target);
    else await clickTarget(page, target);
    await expect.poll(() => page.locator('.hud').innerText(), { timeout: 20_000 }).not.toBe(before);
  }
  // The critical start halts practice at its safe state (issue 21): the trainee ends it there, on the overlay or the 3D panel.
  await seeResultAfterCriticalStop(page);
  await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 20_000 }).toBe('saved');
  const id = await page.locator('[data-session-id]').getAttribute('data-session-id');
  const row = storedSessions(inject('dataDir')).find((r) => r.id === id);
  expect(row).toBeDefined();
  return row!;
}

describe('device independence: the same attempt on the desktop and in VR scores the same', () => {
  const g = guardedPageForTests();

  test('a hint, a mistake and a critical violation: identical per-step results and score, only the device differs', async () => {
    const desktop = await play(g.page, false);
    const vr = await play(g.page, true);
    const events = (row: { events_json: string }) => JSON.parse(row.events_json) as SessionEvent[];
    const withoutDevice = (row: { events_json: string }) => events(row).map((e) => `${e.action} ${e.object}`);
    expect(withoutDevice(desktop)).toEqual(['hint wear-glasses', 'press stop-button', 'press start-button']);
    expect(withoutDevice(vr)).toEqual(withoutDevice(desktop));
    expect(new Set(events(desktop).map((e) => e.device))).toEqual(new Set(['desktop']));
    expect(new Set(events(vr).map((e) => e.device))).toEqual(new Set(['vr-controller']));

    const a = score(scenario, events(desktop), 'practice');
    const b = score(scenario, events(vr), 'practice');
    expect(a.failedByCritical, 'starting the drill without glasses is the critical violation').toBe(true);
    expect(a.steps.some((s) => s.hints > 0) && a.steps.some((s) => s.mistakes > 0)).toBe(true);
    expect(b.steps).toEqual(a.steps);
    expect(b.violations.map((v) => v.rule)).toEqual(a.violations.map((v) => v.rule));
    expect([b.total, b.passed]).toEqual([a.total, a.passed]);
    // The server's own re-score agrees, and the rows differ only in the device.
    const stored = (row: typeof desktop) => ({ scenario: row.scenario_id, score: row.score, passed: row.passed, client: row.client_score, language: row.language });
    expect(stored(vr)).toEqual(stored(desktop));
    expect(desktop.score).toBe(a.total);
    expect([desktop.device, vr.device]).toEqual(['desktop', 'vr-controller']);
  });
});

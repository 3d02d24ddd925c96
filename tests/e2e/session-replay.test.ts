import { AxeBuilder } from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { decodePoses, poseAt } from '../../src/engine/pose-codec';
import type { SessionReplayData } from '../../src/shared/session-replay-types';
import type { StepTimelineEntry, TimelineEntry } from '../../src/shared/timeline-types';
import { openGuardedPage, waitForFrames, type GuardedPage } from './support/browser';
import { createOrganisation } from './support/create-organisation';
import type { PathEvent } from './support/path-plan';
import { saveScreenshot } from './support/screenshots';
import { storedRow } from './support/station-matrix';
import { playPath } from './support/station-driver';
import { setPose, waitForControllerModels } from './support/emulator';
import { namedAt, pressAt } from './support/vr-press';
import { groupWithTrainees, joinByCard, type CardTrainee } from './support/trainees';

const base = () => inject('baseUrl');
const email = `replay-${randomUUID().slice(0, 8)}@e2e.test`;
const password = `replay debrief ${randomUUID()}`;

/** The intro workbench with one deliberate slip: the stop button pressed while the drill is not running. */
const pathWithMistake: PathEvent[] = [
  { t: 1500, action: 'wear', object: 'safety-glasses' },
  { t: 2600, action: 'press', object: 'stop-button' },
  { t: 3500, action: 'press', object: 'start-button' },
  { t: 6000, action: 'press', object: 'stop-button' },
];

/** What the replay page shows now: the current mark, the steps shown as done, the head marker as drawn. */
async function shown(page: Page) {
  const mark = page.getByTestId('replay-current-mark');
  return {
    markKind: await mark.getAttribute('data-kind'),
    markT: Number(await mark.getAttribute('data-t')),
    done: (await page.locator('[data-testid="replay-steps"] [data-state="done"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')!))).sort(),
    head: await page.evaluate(() => window.__werkvloerReplay!.headMarker()),
    t: await page.evaluate(() => window.__werkvloerReplay!.t()),
  };
}

/** No axe violation of any impact on the replay page as it is now. */
async function expectAccessible(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `${name}: axe`).toEqual([]);
}

describe('replay: the trainer opens a session from the dashboard and jumps to its first mistake', () => {
  let trainer: GuardedPage;
  let trainee: GuardedPage;
  let card: CardTrainee;
  let headsetCard: CardTrainee;
  let headset: GuardedPage;
  /** The stored session and its first mistake, as the server tells the trainer (the debrief opens the same). */
  let sessionId = '';
  let firstMistakeAt = -1;

  beforeAll(async () => {
    createOrganisation({ dataDir: inject('dataDir'), name: 'Replay centrum', country: 'BE', email, password });
    [card, headsetCard] = (await groupWithTrainees(base(), { email, password }, 'Hout replay', ['Yonas', 'Mira'], 'BE')) as [CardTrainee, CardTrainee];
    [trainer, trainee, headset] = await Promise.all([openGuardedPage(base(), { width: 800, height: 600 }), openGuardedPage(base(), { width: 800, height: 500 }), openGuardedPage(base())]);
  });
  afterAll(async () => {
    // Route callbacks still in flight (the trainee app's idle loads) must not outlive the pages.
    for (const g of [trainer, trainee, headset]) {
      await g?.context.unrouteAll({ behavior: 'ignoreErrors' });
      await g?.close();
    }
    expect([...(trainer?.foreignRequests ?? []), ...(trainee?.foreignRequests ?? []), ...(headset?.foreignRequests ?? [])]).toEqual([]);
  });

  test('the mark, the steps done and the head there are the recorded ones', async () => {
    const p = trainee.page;
    await joinByCard(p, base(), card);
    // The trainee works in French: the debrief shows the instruction in French.
    await p.locator('[data-lang="fr"]').click();
    await expect.poll(() => p.locator('html').getAttribute('lang')).toBe('fr');
    await p.locator('[data-station="wood/intro-workbench"]').click();
    await p.locator('[data-action="play-desktop"]').click();
    await waitForFrames(p, 5);
    await p.waitForFunction(() => (window.__werkvloerDriver?.parts().length ?? 0) > 0, undefined, { timeout: 60_000 });
    await playPath(p, { kind: 'mouse' }, pathWithMistake);
    const row = await storedRow(p);

    const t = trainer.page;
    await t.goto(`${base()}/dashboard`);
    await t.getByLabel('E-mailadres').fill(email);
    await t.getByLabel('Wachtwoord').fill(password);
    await t.keyboard.press('Enter');
    await t.getByRole('heading', { name: 'Sessies', level: 1 }).waitFor();
    // The session in the list, then its page, then its replay: the way a trainer goes.
    await t.locator(`a[href$="/sessions/${row.id}"]`).click();
    await t.getByTestId('replay-link').click();
    await t.getByTestId('replay-page').waitFor({ timeout: 60_000 });
    await t.waitForFunction(() => window.__werkvloerReplay !== undefined, undefined, { timeout: 60_000 });

    // The server's own account of the session, and the poses as it keeps them.
    const detail = (await t.evaluate(async (id) => (await fetch(`/api/dashboard/sessions/${id}`)).json(), row.id)) as { steps: StepTimelineEntry[]; events: TimelineEntry[] };
    const data = (await t.evaluate(async (id) => (await fetch(`/api/dashboard/sessions/${id}/replay`)).json(), row.id)) as SessionReplayData;
    const first = detail.events.find((e) => e.mistakes.length > 0 || e.violations.length > 0)!;
    expect(first, 'the session has its mistake').toBeDefined();
    expect(first.object).toBe('stop-button');
    sessionId = row.id;
    firstMistakeAt = first.t;

    await t.getByTestId('replay-next-mistake').click();
    await expect.poll(async () => (await shown(t)).markT, { timeout: 20_000 }).toBe(first.t);
    // Two drawn frames: the markers are placed in the frame after the jump.
    await t.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const now = await shown(t);
    expect(now.t).toBe(first.t);
    expect(now.markKind).toBe('mistake');
    expect(now.done).toEqual(detail.steps.filter((s) => s.doneAt !== null && s.doneAt <= first.t).map((s) => s.id).sort());
    expect(now.done).toEqual(['wear-glasses']);
    const recorded = poseAt(decodePoses(data.poses!.data), 'head', first.t);
    expect(recorded, 'a head pose was recorded by then').not.toBeNull();
    expect(now.head).not.toBeNull();
    now.head!.forEach((v, k) => expect(v).toBeCloseTo(recorded!.p[k]!, 5));
    await saveScreenshot(t, 'replay-first-mistake-side');
    await expectAccessible(t, 'replay (trainer)');
  });

  test('the trainee replays their own attempt from the end screen: at the mistake, with the instruction due then in French', async () => {
    expect(sessionId, 'the first test stored the session').not.toBe('');
    const p = trainee.page;
    expect(await p.locator('[data-session-id]').getAttribute('data-session-id')).toBe(sessionId);
    await p.locator('[data-action="replay-mistake"]').click();
    await p.getByTestId('replay-page').waitFor({ timeout: 60_000 });
    await p.waitForFunction(() => window.__werkvloerReplay !== undefined, undefined, { timeout: 60_000 });
    expect(await p.locator('html').getAttribute('lang')).toBe('fr');
    const now = await shown(p);
    expect(now).toMatchObject({ markKind: 'mistake', markT: firstMistakeAt, t: firstMistakeAt, done: ['wear-glasses'] });
    // Through their own eyes; the step due then was starting the drill, said in French.
    expect(await p.getByTestId('replay-view-trainee').getAttribute('aria-pressed')).toBe('true');
    const due = p.getByTestId('replay-due');
    expect(await due.getAttribute('data-step')).toBe('start-drill');
    const french = JSON.parse(readFileSync('locales/fr/wood-intro-workbench.json', 'utf8')) as { steps: Record<string, { instruction: string }> };
    expect(await due.innerText()).toContain(french.steps['start-drill']!.instruction);
    await saveScreenshot(p, 'replay-debrief-trainee-view');
    await expectAccessible(p, 'replay (trainee, French)');
  });

  test('in the headset too: the end panel offers the replay; pressed, the headset leaves VR and opens it at the mistake', async () => {
    const p = headset.page;
    await joinByCard(p, base(), headsetCard, '?emulate=quest3');
    await p.locator('[data-station="wood/intro-workbench"]').click();
    await p.locator('[data-action="enter-vr"]').click();
    await p.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await setPose(p, 'headset', { position: [0, 1.6, 0], quaternion: { x: 0, y: 0, z: 0, w: 1 } });
    await p.waitForFunction(() => (window.__werkvloer?.trackedInputs() ?? 0) >= 2, undefined, { timeout: 60_000 });
    await waitForControllerModels(p);
    await p.waitForFunction(() => (window.__werkvloerDriver?.parts().length ?? 0) > 0, undefined, { timeout: 60_000 });
    await playPath(p, { kind: 'controller', hand: 'right' }, pathWithMistake);
    const row = await storedRow(p);
    await p.waitForFunction(() => window.__werkvloerNamed?.('panel-replay-mistake') != null, undefined, { timeout: 30_000 });
    // The press leaves the page: the helper's frames after letting go have no page left to count in.
    await pressAt(p, await namedAt(p, 'panel-replay-mistake')).catch((error: unknown) => {
      if (!/Execution context was destroyed/.test(String(error))) throw error;
    });
    await p.waitForURL(/\/replay\.html\?/, { timeout: 30_000 });
    await p.getByTestId('replay-page').waitFor({ timeout: 60_000 });
    await p.waitForFunction(() => window.__werkvloerReplay !== undefined, undefined, { timeout: 60_000 });
    expect(new URL(p.url()).searchParams.get('session')).toBe(row.id);
    const now = await shown(p);
    expect(now).toMatchObject({ markKind: 'mistake', done: ['wear-glasses'] });
    expect(now.t).toBe(now.markT);
    expect(await p.getByTestId('replay-view-trainee').getAttribute('aria-pressed')).toBe('true');
    expect(await p.getByTestId('replay-due').getAttribute('data-step')).toBe('start-drill');
    // A headset's path by controller takes as long as the station matrix's VR runs (tests/e2e/support/station-matrix.ts).
  }, 420_000);
});

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { waitForFrames } from './support/browser';
import { createOrganisation } from './support/create-organisation';
import { examAttemptIssued, examAttemptOf } from './support/exam-attempt';
import { guardedPageForTests } from './support/guarded-page-for-tests';
import { setPose, waitForControllerModels } from './support/emulator';
import { namedAt, pressAt } from './support/vr-press';
import type { PathEvent } from './support/path-plan';
import { playPath } from './support/station-driver';
import { joinByCard, trainerApi } from './support/trainees';

/**
 * Issue 26's e2e: a two-module test path played from its first module to an unlocked, passed exam.
 * The two shortest stations the server holds: the intro workbench (mastered by one practice pass,
 * no exam) and then the panel saw (its exam opens as soon as the module opens: no practice asked).
 */
const first = { scenarioId: 'wood-intro-workbench', folder: 'wood/intro-workbench' };
const second = { scenarioId: 'wood-panel-saw', folder: 'wood/panel-saw' };
const testPath = {
  id: 'wood',
  sector: 'wood',
  name: 'E2E: werkbank, dan zaag',
  modules: [
    { scenarioId: first.scenarioId, mastery: { practicePasses: 1, practiceMinScore: 80, exam: false } },
    { scenarioId: second.scenarioId, mastery: { practicePasses: 0, practiceMinScore: 80, exam: true } },
  ],
};
const idealPath = (folder: string) => (JSON.parse(readFileSync(`scenes/${folder}/ideal-path.json`, 'utf8')) as { events: PathEvent[] }).events;

/** Each module on the map as `scenarioId:state` (the tiles' data, which the marks and captions follow). */
const mapStates = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid="path-map"] [data-path-module]')].map((li) => `${li.getAttribute('data-path-module')}:${li.getAttribute('data-path-state')}`));

/** Asks the server for an exam attempt with the signed-in trainee's own token, as the app does. */
const askExam = (page: Page, scenarioId: string) =>
  page.evaluate(async (id) => {
    const { token } = JSON.parse(localStorage.getItem('werkvloer.trainee')!) as { token: string };
    const res = await fetch('/api/exam-attempts', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ scenarioId: id }) });
    return { status: res.status, body: (await res.json()) as { error?: string; message?: string } };
  }, scenarioId);

/** One organisation and group with the test path for the file; each test joins a new trainee of it. */
let made: Promise<{ post: (path: string, body: object) => Promise<Record<string, string>>; groupId: string }> | undefined;
function pathGroup() {
  made ??= (async () => {
    const base = inject('baseUrl');
    const login = { email: `paths-${randomUUID().slice(0, 8)}@e2e.test`, password: `e2e ${randomUUID()}` };
    createOrganisation({ dataDir: inject('dataDir'), name: 'E2E leertraject', country: 'BE', ...login });
    const trainer = await trainerApi(base, login.email, login.password);
    const group = await trainer.post('/api/groups', { name: 'Leertraject' });
    await trainer.put(`/api/groups/${group.id}/path`, { path: testPath, sourcePathId: 'wood' });
    return { post: trainer.post, groupId: group.id! };
  })();
  return made;
}

/** A new trainee of the path's group, signed in by their card on `page` (`query`: e.g. the headset emulator). */
async function traineeOnPath(page: Page, query = ''): Promise<void> {
  const { post, groupId } = await pathGroup();
  const card = await post(`/api/groups/${groupId}/trainees`, {});
  await joinByCard(page, inject('baseUrl'), { id: card.id!, code: card.code!, joinCode: card.joinCode!, country: 'BE' }, query);
}

describe('learning path: from the first module to a passed exam (issue 26)', () => {
  const g = guardedPageForTests({ width: 960, height: 600 }, { each: true });

  test('the map shows first next and second locked; one practice pass opens the second, whose exam is refused before and passed after; then both are done', async () => {
    const { page } = g;
    const dataDir = inject('dataDir');
    // The trainer's side by API: an organisation, a group with the two-module path, a trainee's card.
    await traineeOnPath(page);

    // The map: the first module next, the second locked (its tile cannot be pressed), each with its drawn mark.
    await expect.poll(() => mapStates(page), { timeout: 30_000 }).toEqual([`${first.scenarioId}:next`, `${second.scenarioId}:locked`]);
    expect(await page.locator(`[data-path-module="${second.scenarioId}"] button`).isDisabled()).toBe(true);
    expect(await page.locator(`[data-path-module="${first.scenarioId}"] svg.path-mark-next`).count()).toBe(1);
    expect(await page.locator(`[data-path-module="${second.scenarioId}"] svg.path-mark-locked`).count()).toBe(1);
    // Only the path's modules are on the start screen: the station list gives way to the map.
    expect(await page.locator('[data-station]').count()).toBe(2);

    // The exam of the locked module is refused by the server, whatever a headset would claim.
    const early = await askExam(page, second.scenarioId);
    expect(early.status).toBe(403);
    expect(early.body.error).toBe('exam-not-unlocked');
    expect(early.body.message).toContain('still locked');

    // The first module's practice, by the generic driver with the mouse: one pass masters it.
    await page.locator(`[data-station="${first.folder}"]`).click();
    expect(await page.locator('[data-mode="exam"]').count(), 'no exam is offered for a module mastered by practice').toBe(0);
    await page.locator('[data-action="play-desktop"]').click();
    await waitForFrames(page, 5);
    await playPath(page, { kind: 'mouse' }, idealPath(first.folder));
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score')).toBe('100');
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 30_000 }).toBe('saved');

    // "What's next" on the end screen: the second module, now open, with its exam; one press starts the exam.
    const next = page.getByTestId('whats-next');
    await expect.poll(() => next.getAttribute('data-next'), { timeout: 30_000 }).toBe(second.scenarioId);
    expect(await next.getAttribute('data-next-mode')).toBe('exam');
    const issued = examAttemptIssued(page);
    await next.locator(`[data-station="${second.folder}"]`).click();
    const attemptId = await issued;
    await waitForFrames(page, 5);
    await playPath(page, { kind: 'mouse' }, idealPath(second.folder));
    await expect.poll(() => page.getByTestId('score').getAttribute('data-score')).toBe('100');
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 30_000 }).toBe('saved');
    const stored = examAttemptOf(dataDir, attemptId);
    expect(stored?.session_id, 'the exam is stored under the attempt the server issued').toBe(await page.locator('aside.result[data-session-id]').getAttribute('data-session-id'));
    expect(stored?.flags_json).toBe('[]');

    // The path is done: said on the end screen, and both modules done on the map.
    await expect.poll(() => next.getAttribute('data-next'), { timeout: 30_000 }).toBe('done');
    await page.locator('[data-action="back"]').click();
    await expect.poll(() => mapStates(page), { timeout: 30_000 }).toEqual([`${first.scenarioId}:done`, `${second.scenarioId}:done`]);
    expect(await page.locator('[data-testid="path-map"] svg.path-mark-done').count()).toBe(2);
    // The mastered exam does not open again.
    expect((await askExam(page, second.scenarioId)).body.message).toContain('already mastered');
    // Two stations played in one test (the panel saw's 29 events take most of it): twice a station test's time.
  }, 360_000);

  test('in the headset: the first module played by controller, the end panel offers the second module\'s exam and starts it in one press without leaving VR', async () => {
    const { page } = g;
    await traineeOnPath(page, '?emulate=quest3');
    await expect.poll(() => mapStates(page), { timeout: 30_000 }).toEqual([`${first.scenarioId}:next`, `${second.scenarioId}:locked`]);
    await page.locator(`[data-station="${first.folder}"]`).click();
    await page.locator('[data-action="enter-vr"]').click();
    await page.waitForFunction(() => window.__werkvloer?.counts.presenting === true, undefined, { timeout: 60_000 });
    await setPose(page, 'headset', { position: [0, 1.6, 0], quaternion: { x: 0, y: 0, z: 0, w: 1 } });
    await page.waitForFunction(() => (window.__werkvloer?.trackedInputs() ?? 0) >= 2, undefined, { timeout: 60_000 });
    await waitForControllerModels(page);
    await page.waitForFunction(() => (window.__werkvloerDriver?.parts().length ?? 0) > 0, undefined, { timeout: 60_000 });
    await playPath(page, { kind: 'controller', hand: 'right' }, idealPath(first.folder));
    await expect.poll(() => page.getByTestId('upload').getAttribute('data-upload'), { timeout: 30_000 }).toBe('saved');

    // The end panel's "what's next": the saw's exam, pressed with the controller's ray.
    await page.waitForFunction(() => window.__werkvloerNamed?.('panel-next-module') != null, undefined, { timeout: 30_000 });
    const issued = examAttemptIssued(page);
    await pressAt(page, await namedAt(page, 'panel-next-module'));
    await issued;
    // Still in VR, now at the panel saw: its parts are placed around the trainee.
    await page.waitForFunction(() => window.__werkvloer?.objectIds().includes('rip-fence') === true, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__werkvloer?.counts.presenting)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionEvent } from '../../src/engine';
import { databaseKinds } from './support/databases';
import { joinedTrainee, organisationWithTrainer, type LoggedIn } from './support/trainers';
import { idealEvents, sampleScenario, sessionBody, testApp } from './test-app';

// The sample station (wood-intro-workbench): the ideal path scores 100; starting the drill before the
// glasses is its critical rule (practice goes on after it); stopping before starting leaves steps out.
const critical: SessionEvent[] = [
  { t: 1000, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 2000, action: 'wear', object: 'safety-glasses', device: 'desktop' },
  { t: 3000, action: 'press', object: 'start-button', device: 'desktop' },
  { t: 4000, action: 'press', object: 'stop-button', device: 'desktop' },
];
const weak: SessionEvent[] = [{ t: 1000, action: 'wear', object: 'safety-glasses', device: 'desktop' }];

type Progress = { path: { id: string; sourcePathId: string } | null; modules: { scenarioId: string; state: string; next: boolean; practicePasses: number; examOpen: boolean; byHand: Record<string, boolean> }[] };

/** Issue 26: a group's learning path decides what opens and when the exam opens, on the server. */
describe.each(databaseKinds)('learning paths API on %s', (kind) => {
  let clock = Date.parse('2026-12-01T09:00:00.000Z');
  let t: Awaited<ReturnType<typeof testApp>>;
  let trainer: LoggedIn;
  let sam: Awaited<ReturnType<typeof joinedTrainee>>;
  const station = sampleScenario().id;
  const twoModules = { id: 'wood', sector: 'wood', name: 'Hout, eerst de boor', modules: [{ scenarioId: station, mastery: { practicePasses: 2, practiceMinScore: 80, exam: true } }, { scenarioId: 'wood-panel-saw' }] };

  const upload = async (who: { token: string }, events: SessionEvent[], mode: 'practice' | 'exam' = 'practice', attempt?: string) => {
    clock += 60_000;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/sessions',
      headers: { authorization: `Bearer ${who.token}`, ...(attempt ? { 'x-exam-attempt': attempt } : {}) },
      payload: sessionBody({ id: crypto.randomUUID(), mode, events, startedAt: new Date(clock - 10_000).toISOString(), endedAt: new Date(clock - 1000).toISOString() }),
    });
    return res;
  };
  const askExam = (who: { token: string }, scenarioId = station) => t.app.inject({ method: 'POST', url: '/api/exam-attempts', headers: { authorization: `Bearer ${who.token}` }, payload: { scenarioId } });
  const mine = async (who: { token: string }) => (await t.app.inject({ method: 'GET', url: '/api/trainee/path', headers: { authorization: `Bearer ${who.token}` } })).json() as Progress;

  beforeAll(async () => {
    t = await testApp({ kind, now: () => new Date(clock), app: { passportJob: false } });
    trainer = await organisationWithTrainer(t.app, t.db, 'Houtatelier');
    sam = await joinedTrainee(t.app, trainer, 'Sam');
  });
  afterAll(async () => {
    await t.close();
  });

  test('the default paths are offered; a group without a path keeps the exam closed until a trainer unlocks it', async () => {
    const defaults = (await trainer.call('GET', '/api/paths')).json() as { paths: { id: string }[] };
    // A Belgian organisation: the Belgian food path and the paths for every country, not the Dutch food path.
    expect(defaults.paths.map((p) => p.id).sort()).toEqual(['food-be', 'plastics', 'textile', 'wood']);
    expect(await mine(sam)).toEqual({ path: null });
    expect((await askExam(sam)).json().error).toBe('exam-not-unlocked');
  });

  test('a bad path is refused with the JSON path of each problem, and nothing is stored', async () => {
    const bad = await trainer.call('PUT', `/api/groups/${sam.groupId}/path`, { path: { ...twoModules, modules: [{ scenarioId: 'wood-panel-saw' }, { scenarioId: 'no-such-station' }, { scenarioId: 'food-hygiene-sluice-line-nl' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([
      { path: 'path.modules[1].scenarioId', message: expect.stringContaining('no scenario "no-such-station"') },
    ]);
    const foreign = await trainer.call('PUT', `/api/groups/${sam.groupId}/path`, { path: { ...twoModules, modules: [{ scenarioId: 'food-hygiene-sluice-line-nl' }] }, sourcePathId: 'wood' });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().message).toContain("follows another country's rules than your organisation's (BE)");
    const unknownSource = await trainer.call('PUT', `/api/groups/${sam.groupId}/path`, { path: twoModules, sourcePathId: 'metal' });
    expect(unknownSource.json().issues[0].path).toBe('sourcePathId');
    expect((await trainer.call('GET', `/api/groups/${sam.groupId}/path`)).json()).toEqual({ path: null });
  });

  test('the path opens the exam after two practice passes of 80, not counting a weak one or one after a critical error', async () => {
    const put = await trainer.call('PUT', `/api/groups/${sam.groupId}/path`, { path: twoModules });
    expect(put.statusCode, put.body).toBe(200);
    let p = await mine(sam);
    expect(p.modules.map((m) => `${m.scenarioId}:${m.state}`)).toEqual([`${station}:practice`, 'wood-panel-saw:locked']);
    expect((await upload(sam, idealEvents)).statusCode).toBe(201);
    expect((await upload(sam, weak)).statusCode).toBe(201);
    expect((await upload(sam, critical)).statusCode).toBe(201);
    p = await mine(sam);
    expect(p.modules[0]).toMatchObject({ state: 'practice', practicePasses: 1, examOpen: false });
    const early = await askExam(sam);
    expect(early.statusCode).toBe(403);
    expect(early.json().message).toBe(`the exam of ${station} opens after 2 practice attempts scored at least 80 (1 so far)`);
    // The second module is locked on the path: its exam is refused with the reason.
    expect((await askExam(sam, 'wood-panel-saw')).json().message).toContain('still locked');
    expect((await upload(sam, idealEvents)).statusCode).toBe(201);
    expect((await mine(sam)).modules[0]).toMatchObject({ state: 'exam', practicePasses: 2, examOpen: true, next: true });
  });

  test('the trainer sees every trainee of the group on the path: who is where, and who is stuck (four attempts without progress)', async () => {
    // Noor joins Sam's group and tries four times without a counting pass.
    const card = (await trainer.call('POST', `/api/groups/${sam.groupId}/trainees`, { alias: 'Noor' })).json() as { id: string; joinCode: string; code: string };
    const noor = { token: (await t.app.inject({ method: 'POST', url: '/api/join', payload: { code: card.joinCode } })).json().token as string };
    for (const events of [weak, weak, critical, weak]) expect((await upload(noor, events)).statusCode).toBe(201);
    const res = await trainer.call('GET', `/api/groups/${sam.groupId}/path/trainees`);
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as { path: { id: string; modules: string[] }; trainees: { id: string; code: string; alias: string | null; modules: { scenarioId: string; state: string; stuck: boolean; practicePasses: number }[] }[] };
    expect(view.path).toMatchObject({ id: 'wood', modules: [station, 'wood-panel-saw'] });
    const byAlias = Object.fromEntries(view.trainees.map((x) => [x.alias, x.modules.map((m) => `${m.scenarioId}:${m.state}:${m.practicePasses}${m.stuck ? ':stuck' : ''}`)]));
    expect(byAlias).toEqual({ Sam: [`${station}:exam:2`, 'wood-panel-saw:locked:0'], Noor: [`${station}:practice:0:stuck`, 'wood-panel-saw:locked:0'] });
    // One pass ends it.
    expect((await upload(noor, idealEvents)).statusCode).toBe(201);
    const after = (await trainer.call('GET', `/api/groups/${sam.groupId}/path/trainees`)).json() as typeof view;
    expect(after.trainees.find((x) => x.id === card.id)!.modules[0]).toMatchObject({ state: 'practice', practicePasses: 1, stuck: false });
    // Bad ids are named; another organisation's trainer sees nothing; a group without a path has none.
    expect((await trainer.call('GET', '/api/groups/not-an-id/path/trainees')).json().issues[0].path).toBe('id');
    expect((await (await organisationWithTrainer(t.app, t.db, 'Anders')).call('GET', `/api/groups/${sam.groupId}/path/trainees`)).statusCode).toBe(404);
    const empty = (await trainer.call('POST', '/api/groups', { name: 'Leeg' })).json() as { id: string };
    expect((await trainer.call('GET', `/api/groups/${empty.id}/path/trainees`)).json()).toEqual({ path: null, trainees: [] });
    await trainer.call('DELETE', `/api/trainees/${card.id}`);
  });

  test('a passed exam under its attempt masters the module and opens the next; the mastery stays when the trainee changes group', async () => {
    const attempt = await askExam(sam);
    expect(attempt.statusCode, attempt.body).toBe(201);
    const exam = await upload(sam, idealEvents, 'exam', attempt.json().attemptId);
    expect(exam.statusCode, exam.body).toBe(201);
    const p = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/path`)).json() as Progress;
    expect(p.modules.map((m) => `${m.scenarioId}:${m.state}`)).toEqual([`${station}:mastered`, 'wood-panel-saw:practice']);
    expect((await askExam(sam)).json().message).toContain('already mastered');
    const rows = await t.db.selectFrom('module_masteries').select(['scenario_id', 'version']).where('trainee_id', '=', sam.traineeId).execute();
    expect(rows.map((r) => [r.scenario_id, Number(r.version)])).toEqual([[station, sampleScenario().version]]);

    // Another group whose (edited) path starts with the saw: the drill stays mastered and the saw is next.
    const evening = (await trainer.call('POST', '/api/groups', { name: 'Avond' })).json() as { id: string };
    await trainer.call('PUT', `/api/groups/${evening.id}/path`, { path: { ...twoModules, modules: [{ scenarioId: 'wood-panel-saw' }, { scenarioId: station }] }, sourcePathId: 'wood' });
    await t.db.updateTable('trainees').set({ group_id: evening.id }).where('id', '=', sam.traineeId).execute();
    expect((await mine(sam)).modules.map((m) => `${m.scenarioId}:${m.state}${m.next ? '*' : ''}`)).toEqual(['wood-panel-saw:practice*', `${station}:mastered`]);
  });

  test('a trainer locks and opens by hand for one trainee; each choice is recorded with who and when', async () => {
    const lock = await trainer.call('PUT', `/api/trainees/${sam.traineeId}/modules/wood-panel-saw`, { what: 'module', open: false });
    expect(lock.statusCode, lock.body).toBe(200);
    expect((lock.json() as Progress).modules[0]).toMatchObject({ scenarioId: 'wood-panel-saw', state: 'locked', byHand: { module: false } });
    const exam = await trainer.call('PUT', `/api/trainees/${sam.traineeId}/modules/wood-panel-saw`, { what: 'exam', open: true });
    expect((exam.json() as Progress).modules[0]).toMatchObject({ state: 'exam', examOpen: true });
    expect((await askExam(sam, 'wood-panel-saw')).statusCode).toBe(201);
    const recorded = await t.db.selectFrom('module_overrides').select(['what', 'open', 'trainer_id']).where('trainee_id', '=', sam.traineeId).orderBy('at').execute();
    expect(recorded.map((r) => `${r.what}:${Number(r.open)}`)).toEqual(['module:0', 'exam:1']);
    expect(recorded.every((r) => r.trainer_id.length > 0)).toBe(true);
    const wrong = await trainer.call('PUT', `/api/trainees/${sam.traineeId}/modules/no-such-station`, { what: 'maybe', open: true });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().issues[0].path).toBe('what');
  });

  test('the exam upload is checked by the path again on the server: an attempt issued while the exam was open is refused once it closed, with the same reason', async () => {
    const lina = await joinedTrainee(t.app, trainer, 'Lina');
    await trainer.call('PUT', `/api/groups/${lina.groupId}/path`, { path: twoModules });
    // Not a word of the headset's decides: without a counting practice the exam stays closed, asked or uploaded.
    expect((await askExam(lina)).json().message).toBe(`the exam of ${station} opens after 2 practice attempts scored at least 80 (0 so far)`);
    const claimed = await upload(lina, idealEvents, 'exam', crypto.randomUUID());
    expect(claimed.statusCode).toBe(403);
    expect(claimed.json()).toMatchObject({ error: 'exam-not-unlocked', message: `the exam of ${station} opens after 2 practice attempts scored at least 80 (0 so far)` });
    // The trainer opens the exam by hand; an attempt is issued; then the trainer locks it again before the upload.
    await trainer.call('PUT', `/api/trainees/${lina.traineeId}/modules/${station}`, { what: 'exam', open: true });
    const attempt = await askExam(lina);
    expect(attempt.statusCode, attempt.body).toBe(201);
    await trainer.call('PUT', `/api/trainees/${lina.traineeId}/modules/${station}`, { what: 'exam', open: false });
    const late = await upload(lina, idealEvents, 'exam', attempt.json().attemptId);
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ error: 'exam-not-unlocked', message: expect.stringContaining(`the exam of ${station} opens after`) });
    expect((await mine(lina)).modules[0]).toMatchObject({ state: 'practice', examOpen: false });
    expect(await t.db.selectFrom('module_masteries').select('scenario_id').where('trainee_id', '=', lina.traineeId).execute()).toEqual([]);
    // Opened again, the same attempt is accepted: the path (here the trainer's hand on it) decided, never the headset.
    await trainer.call('PUT', `/api/trainees/${lina.traineeId}/modules/${station}`, { what: 'exam', open: true });
    expect((await upload(lina, idealEvents, 'exam', attempt.json().attemptId)).statusCode).toBe(201);
    expect((await mine(lina)).modules.map((m) => `${m.scenarioId}:${m.state}`)).toEqual([`${station}:mastered`, 'wood-panel-saw:practice']);
    await trainer.call('DELETE', `/api/trainees/${lina.traineeId}`);
  });

  test('another organisation sees neither the group path nor the trainee; the export holds the path record and erase removes it', async () => {
    const other = await organisationWithTrainer(t.app, t.db, 'Elders');
    expect((await other.call('GET', `/api/groups/${sam.groupId}/path`)).statusCode).toBe(404);
    expect((await other.call('GET', `/api/trainees/${sam.traineeId}/path`)).statusCode).toBe(404);
    expect((await other.call('PUT', `/api/trainees/${sam.traineeId}/modules/wood-panel-saw`, { what: 'module', open: true })).statusCode).toBe(404);
    const exported = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/export`)).json() as { learningPath: { masteries: unknown[]; overrides: unknown[] } };
    expect(exported.learningPath.masteries).toHaveLength(1);
    expect(exported.learningPath.overrides).toHaveLength(2);
    expect((await trainer.call('DELETE', `/api/trainees/${sam.traineeId}`)).statusCode).toBe(200);
    expect(await t.db.selectFrom('module_masteries').select('trainee_id').where('trainee_id', '=', sam.traineeId).execute()).toEqual([]);
    expect(await t.db.selectFrom('module_overrides').select('trainee_id').where('trainee_id', '=', sam.traineeId).execute()).toEqual([]);
  });
});

describe('learning paths and the skills passport', () => {
  test('a module mastered by practice alone on the path becomes a credential; a path mastery by exam is signed once', async () => {
    let clock = Date.parse('2026-12-01T09:00:00.000Z');
    const t = await testApp({ now: () => new Date(clock), app: { passportJob: false } });
    try {
      const trainer = await organisationWithTrainer(t.app, t.db, 'Houtatelier');
      const sam = await joinedTrainee(t.app, trainer, 'Sam');
      const station = sampleScenario().id;
      await trainer.call('PUT', `/api/groups/${sam.groupId}/path`, { path: { id: 'wood', sector: 'wood', modules: [{ scenarioId: station, mastery: { practicePasses: 2, practiceMinScore: 80, exam: false } }] } });
      for (let i = 0; i < 2; i++) {
        clock += 60_000;
        const res = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${sam.token}` }, payload: sessionBody({ id: crypto.randomUUID(), startedAt: new Date(clock - 9000).toISOString(), endedAt: new Date(clock - 1000).toISOString() }) });
        expect(res.statusCode, res.body).toBe(201);
      }
      // The upload itself records the mastery (after its answer, with nobody reading the path); the issuer then signs it.
      await expect.poll(async () => (await t.db.selectFrom('module_masteries').select('scenario_id').where('trainee_id', '=', sam.traineeId).execute()).map((r) => r.scenario_id)).toEqual([station]);
      expect(await t.app.passportIssuer.runOnce()).toMatchObject({ queued: 1, issued: 1 });
      const map = (await t.app.inject({ method: 'GET', url: '/api/trainee/path', headers: { authorization: `Bearer ${sam.token}` } })).json() as Progress;
      expect(map.modules[0]!.state).toBe('mastered');
      expect(await t.app.passportIssuer.runOnce()).toMatchObject({ queued: 0, issued: 0 });
      const passport = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/passport`)).json() as { credentials: { state: string }[] };
      expect(passport.credentials.map((c) => c.state)).toEqual(['issued']);
    } finally {
      await t.close();
    }
  });
});

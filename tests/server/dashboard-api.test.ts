import validateStatement from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { databaseKinds } from './support/databases';
import { openSse } from './support/sse';
import { joinedTrainee, login, organisationWithTrainer, type LoggedIn } from './support/trainers';
import { idealEvents, sessionBody, testApp } from './test-app';

const wrongFirst = [{ t: 800, action: 'press', object: 'stop-button', device: 'desktop' as const }, ...idealEvents];

describe.each(databaseKinds)('trainer dashboard API on %s', (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let a: LoggedIn;
  let trainee: Awaited<ReturnType<typeof joinedTrainee>>;
  const upload = (body: object, token = trainee.token) =>
    t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: body });

  beforeAll(async () => {
    // Sam joined a week before "today": the list's date filter needs a session from back then, and
    // a session is accepted only if it started after its headset joined (issue 18, item 9).
    let clock = Date.parse('2026-11-19T09:00:00.000Z');
    t = await testApp({ kind, now: () => new Date(clock) });
    a = await organisationWithTrainer(t.app, t.db, 'Atelier');
    trainee = await joinedTrainee(t.app, a, 'Sam');
    clock = Date.parse('2026-11-26T09:00:10.000Z');
    a = await login(t.app, a.organisationId, a.email, a.password);
  });
  afterAll(async () => {
    await t.close();
  });

  test('an admin adds and removes a trainer; a trainer may not, and nobody removes themselves', async () => {
    // Not built on "coach": the password policy refuses the e-mail's name part.
    const added = await a.call('POST', '/api/trainers', { email: 'Coach@Atelier.test', password: 'green teapot 42 harbour' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ email: 'coach@atelier.test', role: 'trainer' });
    expect((await a.call('POST', '/api/trainers', { email: 'x@atelier.test', password: 'short' })).json().issues[0].path).toBe('password');
    expect((await a.call('POST', '/api/trainers', { email: 'coach@atelier.test', password: 'green teapot 42 harbour' })).statusCode).toBe(409);
    const coach = await login(t.app, a.organisationId, 'coach@atelier.test', 'green teapot 42 harbour');
    expect((await coach.call('POST', '/api/trainers', { email: 'y@atelier.test', password: 'another password' })).statusCode).toBe(403);
    const list = (await a.call('GET', '/api/trainers')).json().trainers as { id: string; email: string }[];
    expect(list.map((x) => x.email)).toEqual(['admin@atelier.test', 'coach@atelier.test']);
    const me = list.find((x) => x.email === 'admin@atelier.test')!;
    expect((await a.call('DELETE', `/api/trainers/${me.id}`)).statusCode).toBe(409);
    const coachId = list.find((x) => x.email === 'coach@atelier.test')!.id;
    expect((await a.call('DELETE', `/api/trainers/${coachId}`)).statusCode).toBe(204);
    // The removed trainer's open session ends with the account.
    expect((await coach.call('GET', '/api/groups')).statusCode).toBe(401);
  });

  test('an exam without an unlock is refused with 403; after the trainer unlocks it the same upload is stored', async () => {
    const exam = sessionBody({ id: crypto.randomUUID(), mode: 'exam' });
    const refused = await upload(exam);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({ error: 'exam-not-unlocked', message: 'exam mode is not unlocked for this trainee; ask the trainer to unlock it' });
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/sessions', payload: sessionBody({ id: crypto.randomUUID(), mode: 'exam' }) });
    expect(anonymous.statusCode).toBe(403);

    const headset = () => t.app.inject({ method: 'GET', url: '/api/trainee/assignments', headers: { authorization: `Bearer ${trainee.token}` } });
    expect((await headset()).json()).toMatchObject({ exam: false, allStations: true });
    expect((await a.call('PUT', `/api/trainees/${trainee.traineeId}/exam`, { exam: true })).json()).toMatchObject({ exam: true, examByTrainee: true, examByGroup: false });
    expect((await headset()).json().exam).toBe(true);
    // Unlocked, an exam is still stored only under an attempt the server issued when it started.
    expect((await upload(exam)).json().error).toBe('exam-attempt-required');
    const attempt = await t.app.inject({ method: 'POST', url: '/api/exam-attempts', headers: { authorization: `Bearer ${trainee.token}` }, payload: { scenarioId: exam.scenarioId } });
    expect(attempt.statusCode).toBe(201);
    const withAttempt = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}`, 'x-exam-attempt': attempt.json().attemptId }, payload: exam });
    expect(withAttempt.statusCode).toBe(201);

    // Group assignment: only the chosen station; the exam of another station is refused.
    const put = await a.call('PUT', `/api/groups/${trainee.groupId}/assignments`, { stations: ['wood-panel-saw'], exam: true });
    expect(put.json()).toEqual({ stations: ['wood-panel-saw'], exam: true });
    expect((await headset()).json()).toEqual({ stations: ['wood-panel-saw'], allStations: false, exam: true, country: 'BE' });
    const other = await upload(sessionBody({ id: crypto.randomUUID(), mode: 'exam' }));
    expect(other.statusCode).toBe(403);
    expect(other.json().message).toContain('not assigned');
    expect((await a.call('PUT', `/api/groups/${trainee.groupId}/assignments`, { stations: ['no-such-station'], exam: false })).statusCode).toBe(400);
    await a.call('PUT', `/api/groups/${trainee.groupId}/assignments`, { stations: [], exam: true });
    await a.call('PUT', `/api/trainees/${trainee.traineeId}/exam`, { exam: false });
    expect((await a.call('GET', `/api/groups/${trainee.groupId}/assignments`)).json()).toEqual({ stations: [], exam: true });
    expect((await headset()).json()).toMatchObject({ allStations: true, exam: true });
  });

  test('the list filters, sorts and pages on the server; the detail replays each step and event', async () => {
    const second = await joinedTrainee(t.app, a);
    const ids = { good: crypto.randomUUID(), wrong: crypto.randomUUID(), late: crypto.randomUUID() };
    expect((await upload(sessionBody({ id: ids.good, endedAt: '2026-11-20T09:00:06.000Z', startedAt: '2026-11-20T09:00:00.000Z' }))).statusCode).toBe(201);
    expect((await upload(sessionBody({ id: ids.wrong, events: wrongFirst }))).statusCode).toBe(201);
    const critical = [{ t: 500, action: 'press', object: 'start-button', device: 'desktop' as const }];
    expect((await upload(sessionBody({ id: ids.late, events: critical }), second.token)).statusCode).toBe(201);

    const list = async (q: string) => (await a.call('GET', `/api/dashboard/sessions?${q}`)).json();
    const all = await list('pageSize=2&sort=score&order=asc');
    expect(all.total).toBeGreaterThanOrEqual(4);
    expect(all.sessions).toHaveLength(2);
    expect(all.sessions[0].id).toBe(ids.late);
    expect(all.sessions[0]).toMatchObject({ score: 0, passed: false, trainee: { code: second.code } });
    expect((await list(`traineeId=${second.traineeId}`)).sessions.map((s: { id: string }) => s.id)).toEqual([ids.late]);
    expect((await list(`groupId=${trainee.groupId}&passed=true&mode=practice&to=2026-11-21`)).sessions.map((s: { id: string }) => s.id)).toEqual([ids.good]);
    const failed = await list('passed=false');
    expect(failed.sessions.map((s: { id: string }) => s.id)).toEqual([ids.late]);
    const bad = await a.call('GET', '/api/dashboard/sessions?from=yesterday&page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path).sort()).toEqual(['from', 'page']);

    const detail = (await a.call('GET', `/api/dashboard/sessions/${ids.wrong}`)).json();
    expect(detail.score).toBe(92);
    expect(detail.steps.map((s: { id: string; status: string }) => `${s.id}:${s.status}`)).toEqual(['wear-glasses:done', 'start-drill:done', 'stop-drill:wrong']);
    expect(detail.events[0]).toMatchObject({ t: 800, action: 'press', object: 'stop-button', mistakes: [{ kind: 'wrong-order', step: 'stop-drill' }], completed: [] });
    expect(detail.events[3]).toMatchObject({ completed: ['stop-drill'], machines: [{ machine: 'drill', from: 'running', to: 'stopped' }] });
    const crit = (await a.call('GET', `/api/dashboard/sessions/${ids.late}`)).json();
    expect(crit.events[0].violations).toEqual([{ rule: 'start-without-glasses', severity: 'critical', critical: true, penalty: 50 }]);
    expect(crit.steps.every((s: { status: string }) => s.status === 'skipped')).toBe(true);
  });

  test('the trainee page has every attempt and a competency profile; the group page ranks failing steps', async () => {
    const page = (await a.call('GET', `/api/dashboard/trainees/${trainee.traineeId}`)).json();
    expect(page).toMatchObject({ code: trainee.code, alias: 'Sam', assignments: { exam: true } });
    // Oldest first; the exam and the practice with a wrong press ended at the same moment.
    expect(page.attempts[0]).toMatchObject({ score: 100, endedAt: '2026-11-20T09:00:06.000Z' });
    expect(page.attempts.map((x: { score: number }) => x.score).sort()).toEqual([100, 100, 92]);
    const profile = Object.fromEntries(page.competencies.map((c: { competency: string; score: number | null }) => [c.competency, c.score]));
    // safety: 100 in every attempt; procedure: (100 + 100 + 87.5→88) / 3.
    expect(profile).toEqual({ safety: 100, quality: null, numeracy: null, language: null, 'problem-solving': null, procedure: 96 });
    const failures = (await a.call('GET', `/api/dashboard/groups/${trainee.groupId}/step-failures`)).json();
    // The second trainee (the critical attempt) is in another group: not counted here.
    expect(failures.stations).toEqual([
      {
        scenarioId: 'wood-intro-workbench',
        attempts: 3,
        steps: [
          { step: 'stop-drill', attempts: 3, failed: 1, notDone: 0, mistakes: 1, failRate: 33 },
          { step: 'start-drill', attempts: 3, failed: 0, notDone: 0, mistakes: 0, failRate: 0 },
          { step: 'wear-glasses', attempts: 3, failed: 0, notDone: 0, mistakes: 0, failRate: 0 },
        ],
      },
    ]);
    const stations = (await a.call('GET', '/api/dashboard/stations?lng=en')).json().stations as { id: string; title: string; steps: { text: string }[] }[];
    expect(stations.find((s) => s.id === 'wood-intro-workbench')?.steps.length).toBe(3);
  });

  test('CSV opens in Belgian and Dutch Excel; every xAPI statement validates', async () => {
    const csv = await a.call('GET', `/api/dashboard/export.csv?traineeId=${trainee.traineeId}`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="werkvloer-sessions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    // Headers in the dashboard's language (Dutch by default), the station's name beside its id, Brussels time beside UTC, competencies.
    expect(lines[0]).toBe(
      'sessie-id;groep;cursistcode;roepnaam;werkpost-id;werkpost;versie werkpost;modus;toestel;taal;begin (UTC);begin (lokale tijd);einde (UTC);einde (lokale tijd);duur (s);score;geslaagd;mislukt door kritieke fout;veiligheid;kwaliteit;rekenen;taal (competentie);problemen oplossen;werkwijze',
    );
    expect(lines).toHaveLength(4);
    const cells = lines[1]!.split(';');
    expect(cells.slice(1, 18)).toEqual(['Hout maandag', trainee.code, 'Sam', 'wood-intro-workbench', 'Werkbank met kolomboor', '2', 'practice', 'desktop', 'nl', '2026-11-20 09:00:00', '2026-11-20 10:00:00', '2026-11-20 09:00:06', '2026-11-20 10:00:06', '6', '100', 'ja', 'nee']);
    expect(cells[18]).toBe('100');
    const english = await a.call('GET', `/api/dashboard/export.csv?traineeId=${trainee.traineeId}&lng=en&tz=Europe/Amsterdam`);
    expect(english.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^session id;group;trainee code;alias;station id;station;/);
    const badZone = await a.call('GET', '/api/dashboard/export.csv?tz=Mars/Olympus');
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().issues[0]).toEqual({ path: 'tz', message: 'must be an IANA time zone such as Europe/Brussels' });

    const xapi = await a.call('GET', '/api/dashboard/export.xapi.json');
    const statements = xapi.json() as Record<string, unknown>[];
    expect(statements.length).toBeGreaterThanOrEqual(4);
    for (const s of statements) expect(validateStatement(s), JSON.stringify(s)).toEqual([]);
    const failed = statements.find((s) => (s.result as { success: boolean }).success === false)!;
    expect(failed).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/failed' }, result: { score: { scaled: 0 }, duration: 'PT6S' }, context: { language: 'nl' } });
    expect((failed.actor as { account: { homePage: string; name: string } }).account.name).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    expect((failed.context as { registration: string }).registration).toBe(failed.id);
  });

  test('live updates reach the owner’s stream only, never another organisation’s', async () => {
    const b = await organisationWithTrainer(t.app, t.db, `Bakkerij${kind}`);
    const mine = await openSse(t.app, '/api/dashboard/live', { cookie: a.cookie });
    const theirs = await openSse(t.app, '/api/dashboard/live', { cookie: b.cookie });
    const nobody = await openSse(t.app, '/api/dashboard/live', {});
    expect([mine.status, theirs.status, nobody.status]).toEqual([200, 200, 401]);
    await Promise.all([mine.waitFor(1), theirs.waitFor(1)]);
    const id = crypto.randomUUID();
    expect((await upload(sessionBody({ id }))).statusCode).toBe(201);
    await mine.waitFor(2);
    expect(mine.events[1]).toMatchObject({ event: 'session', data: { id, trainee: { code: trainee.code } } });
    // A retry is not news; a second upload is, and by then b would have heard the first.
    expect((await upload(sessionBody({ id }))).statusCode).toBe(200);
    expect((await upload(sessionBody({ id: crypto.randomUUID() }))).statusCode).toBe(201);
    await mine.waitFor(3);
    expect(mine.events.map((e) => e.event)).toEqual(['ready', 'session', 'session']);
    expect(theirs.events.map((e) => e.event)).toEqual(['ready']);
    mine.close();
    theirs.close();
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { databaseKinds } from './support/databases';
import { joinedTrainee, login, organisationWithTrainer, type LoggedIn } from './support/trainers';
import { idealEvents, sessionBody, testApp } from './test-app';

const noGlasses = [{ t: 500, action: 'press', object: 'start-button', device: 'desktop' as const }];
// Headsets join at 07:00, before the sessions they upload (a token does not vouch for earlier sessions); read at noon.
let now = new Date('2026-11-27T07:00:00.000Z');

describe.each(databaseKinds)('coaching API on %s', (kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let a: LoggedIn;
  let amina: Awaited<ReturnType<typeof joinedTrainee>>;
  let bram: { token: string; traineeId: string };
  const upload = (token: string, body: object) => t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: body });
  const at = (hour: number) => ({ startedAt: `2026-11-27T${String(hour).padStart(2, '0')}:00:00.000Z`, endedAt: `2026-11-27T${String(hour).padStart(2, '0')}:00:06.000Z` });

  beforeAll(async () => {
    now = new Date('2026-11-27T07:00:00.000Z');
    t = await testApp({ kind, now: () => now });
    a = await organisationWithTrainer(t.app, t.db, 'Coaching');
    amina = await joinedTrainee(t.app, a, 'Amina');
    const b = (await a.call('POST', `/api/groups/${amina.groupId}/trainees`, { alias: 'Bram' })).json();
    const joined = await t.app.inject({ method: 'POST', url: '/api/join', payload: { code: b.joinCode } });
    bram = { token: joined.json().token, traineeId: b.id };
    now = new Date('2026-11-27T12:00:00.000Z');
    // The morning's trainer session has idled out by noon: the trainer signs in again.
    a = await login(t.app, a.organisationId, a.email, a.password);
    // Amina fails every safety step (no glasses, three times); Bram does the ideal path twice.
    for (const h of [8, 9, 10]) expect((await upload(amina.token, sessionBody({ id: crypto.randomUUID(), events: noGlasses, ...at(h) }))).statusCode).toBe(201);
    for (const h of [8, 9]) expect((await upload(bram.token, sessionBody({ id: crypto.randomUUID(), events: idealEvents, ...at(h) }))).statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  test('the summary: active today, sessions this week, pass rate and who needs attention', async () => {
    const res = await a.call('GET', '/api/dashboard/summary?dayStart=2026-11-27T00:00:00%2B01:00');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ activeToday: 2, sessionsThisWeek: 5, passRate: 40, needsAttention: 1 });
    expect(s.attention).toEqual([{ id: amina.traineeId, code: amina.code, alias: 'Amina', group: { id: amina.groupId, name: 'Hout maandag' }, failedAttempts: 3 }]);
    const bad = await a.call('GET', '/api/dashboard/summary?dayStart=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('dayStart');
  });

  test('a trainee beside the group: per station and competency, critical violations counted beside the profile', async () => {
    const res = await a.call('GET', `/api/dashboard/trainees/${amina.traineeId}/coaching`);
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.critical).toMatchObject({ total: 3, attempts: 3, of: 3 });
    const safety = c.competencies.find((x: { competency: string }) => x.competency === 'safety');
    expect(safety.criticalViolations).toBe(3);
    expect(c.stations).toHaveLength(1);
    expect(c.stations[0]).toMatchObject({ scenarioId: 'wood-intro-workbench', trainee: { attempts: 3, passed: 0 }, group: { attempts: 5, passed: 2 } });
    expect(c.stations[0].group.average).toBeGreaterThan(c.stations[0].trainee.average);
    const bramSafety = (await a.call('GET', `/api/dashboard/trainees/${bram.traineeId}/coaching`)).json().competencies.find((x: { competency: string }) => x.competency === 'safety');
    expect(bramSafety).toMatchObject({ trainee: 100, criticalViolations: 0 });
    expect(bramSafety.group).toBeLessThan(100);
  });

  test('the group report: one row per trainee, per station and per competency', async () => {
    const r = (await a.call('GET', `/api/dashboard/groups/${amina.groupId}/report`)).json();
    expect(r.group.name).toBe('Hout maandag');
    const byAlias = Object.fromEntries(r.trainees.map((x: { alias: string }) => [x.alias, x]));
    expect(byAlias.Amina).toMatchObject({ attempts: 3, passed: 0, failedByCritical: 3 });
    expect(byAlias.Bram).toMatchObject({ attempts: 2, passed: 2, average: 100, failedByCritical: 0 });
    expect(r.stations).toEqual([expect.objectContaining({ scenarioId: 'wood-intro-workbench', attempts: 5, passed: 2, trainees: 2 })]);
    expect(r.competencies.map((x: { competency: string }) => x.competency)).toContain('safety');
  });

  test('notes: add, list newest first, refuse empty and too long, delete; not across organisations', async () => {
    const url = `/api/trainees/${amina.traineeId}/notes`;
    expect((await a.call('POST', url, { text: '  Bril eerst!  ' })).statusCode).toBe(201);
    expect((await a.call('POST', url, { text: 'Tweede notitie' })).statusCode).toBe(201);
    const empty = await a.call('POST', url, { text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().issues[0]).toEqual({ path: 'text', message: 'must not be empty' });
    expect((await a.call('POST', url, { text: 'x'.repeat(501) })).json().issues[0].message).toBe('must be at most 500 characters');
    const notes = (await a.call('GET', url)).json().notes as { id: string; text: string; author: string }[];
    expect(notes.map((n) => n.text).sort()).toEqual(['Bril eerst!', 'Tweede notitie']);
    expect(notes[0]!.author).toBe(a.email);
    const other = await organisationWithTrainer(t.app, t.db, 'Ander');
    expect((await other.call('GET', url)).statusCode).toBe(404);
    expect((await other.call('DELETE', `${url}/${notes[0]!.id}`)).statusCode).toBe(404);
    expect((await a.call('DELETE', `${url}/${notes[0]!.id}`)).statusCode).toBe(204);
    expect((await a.call('GET', url)).json().notes).toHaveLength(1);
  });

  test('bulk trainees: a count or a list of aliases, each with a join code that signs in', async () => {
    const group = (await a.call('POST', '/api/groups', { name: 'Bulk' })).json();
    const twelve = await a.call('POST', `/api/groups/${group.id}/trainees/bulk`, { count: 12 });
    expect(twelve.statusCode).toBe(201);
    const made = twelve.json().trainees as { code: string; joinCode: string; alias: string | null }[];
    expect(made).toHaveLength(12);
    expect(new Set(made.map((m) => m.code)).size).toBe(12);
    expect((await t.app.inject({ method: 'POST', url: '/api/join', payload: { code: made[5]!.joinCode } })).statusCode).toBe(201);
    const named = (await a.call('POST', `/api/groups/${group.id}/trainees/bulk`, { aliases: ['Yusuf', 'Olena'] })).json().trainees;
    expect(named.map((m: { alias: string }) => m.alias)).toEqual(['Yusuf', 'Olena']);
    expect((await a.call('GET', `/api/groups/${group.id}/trainees`)).json().trainees).toHaveLength(14);
    const tooMany = await a.call('POST', `/api/groups/${group.id}/trainees/bulk`, { count: 600 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toContain('at most 60');
    expect((await a.call('POST', `/api/groups/${group.id}/trainees/bulk`, { aliases: ['ok', ''] })).json().message).toContain('must not be empty');
    expect((await a.call('POST', `/api/groups/${group.id}/trainees/bulk`, {})).statusCode).toBe(400);
  });

  test('a Belgian organisation may assign the Belgian food station, not the Dutch one', async () => {
    const put = (stations: string[]) => a.call('PUT', `/api/groups/${amina.groupId}/assignments`, { stations, exam: false });
    const refused = await put(['food-hygiene-sluice-line-nl']);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().issues[0]).toEqual({ path: 'stations', message: "station food-hygiene-sluice-line-nl is for another country than your organisation's (BE)" });
    expect((await put(['food-hygiene-sluice-line-be', 'wood-intro-workbench'])).statusCode).toBe(200);
    const offered = (await a.call('GET', '/api/dashboard/stations?lng=nl')).json().stations as { id: string; country: string | null }[];
    expect(offered.find((s) => s.id === 'food-hygiene-sluice-line-nl')?.country).toBe('NL');
    expect(offered.find((s) => s.id === 'wood-intro-workbench')?.country).toBeNull();
    await put([]);
  });

  test('server info names the headset addresses npm start prints (none in a test app)', async () => {
    expect((await a.call('GET', '/api/dashboard/server-info')).json()).toEqual({ headsetUrls: [], appName: 'werkvloer' });
  });
});

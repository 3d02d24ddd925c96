import { afterEach, describe, expect, test } from 'vitest';
import { databaseKinds } from './support/databases';
import { dumpDatabase } from './support/dump';
import { joinedTrainee, organisationWithTrainer } from './support/trainers';
import { sessionBody, testApp } from './test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.each(databaseKinds)('a trainee’s export and erase on %s', (kind) => {
  const setup = async () => {
    t = await testApp({ kind });
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const other = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
    const sam = await joinedTrainee(t.app, trainer, 'Sam');
    const noor = await joinedTrainee(t.app, trainer, 'Noor');
    const upload = (token: string, id: string) =>
      t!.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: sessionBody({ id }) });
    const samSessions = [crypto.randomUUID(), crypto.randomUUID()];
    const noorSession = crypto.randomUUID();
    for (const id of samSessions) expect((await upload(sam.token, id)).statusCode).toBe(201);
    expect((await upload(noor.token, noorSession)).statusCode).toBe(201);
    return { trainer, other, sam, noor, samSessions, noorSession, upload };
  };

  test('the export holds everything stored about the trainee and nothing about anyone else', async () => {
    const { trainer, sam, samSessions, noorSession } = await setup();
    const res = await trainer.call('GET', `/api/trainees/${sam.traineeId}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="werkvloer-trainee-${sam.code}.json"`);
    const data = res.json();
    expect(data.trainee).toMatchObject({ id: sam.traineeId, code: sam.code, alias: 'Sam', group: { id: sam.groupId, name: 'Hout maandag' } });
    expect(data.organisation.name).toBe('Atelier');
    expect(data.sessions.map((s: { id: string }) => s.id).sort()).toEqual([...samSessions].sort());
    expect(data.sessions[0]).toMatchObject({ score: 100, passed: true, device: 'desktop', events: sessionBody().events, result: { total: 100 } });
    expect(data.joinCodes).toHaveLength(1);
    expect(data.tokens).toHaveLength(1);
    expect(res.body).not.toContain(noorSession);
    expect(res.body).not.toContain('Noor');
    // No secret, nor a hash of one, leaves the server.
    expect(res.body).not.toContain(sam.token);
    expect(res.body).not.toMatch(/token_hash|code_hash|[0-9a-f]{64}"?,"?(token|code)/);
  });

  test('erase deletes every row about the trainee, idempotency data included, and nothing else', async () => {
    const { trainer, sam, noor, samSessions, noorSession, upload } = await setup();
    const before = await dumpDatabase(t!.db, kind);
    expect(before).toContain(sam.traineeId);
    const res = await trainer.call('DELETE', `/api/trainees/${sam.traineeId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ erased: { trainee: sam.traineeId, sessions: 2, tokens: 1, joinCodes: 1, credentials: 0 } });
    const after = await dumpDatabase(t!.db, kind);
    for (const gone of [sam.traineeId, sam.code, ...samSessions]) expect(after).not.toContain(gone);
    // The alias as a word of its own: the stations' texts stored with their versions may hold "Sample".
    expect(after).not.toMatch(/\bSam\b/);
    expect(before).toMatch(/\bSam\b/);
    for (const kept of [noor.traineeId, noor.code, noorSession]) expect(after).toContain(kept);
    // The headset still holding Sam's token cannot bring the data back.
    const retry = await upload(sam.token, samSessions[0]!);
    expect(retry.statusCode).toBe(401);
    expect(retry.json().error).toBe('trainee-token-unknown');
    expect(await dumpDatabase(t!.db, kind)).toBe(after);
    // Erased is gone: a second erase and an export find nothing.
    expect((await trainer.call('DELETE', `/api/trainees/${sam.traineeId}`)).statusCode).toBe(404);
    expect((await trainer.call('GET', `/api/trainees/${sam.traineeId}/export`)).statusCode).toBe(404);
    expect((await trainer.call('GET', `/api/sessions`)).json().sessions.map((s: { id: string }) => s.id)).toEqual([noorSession]);
  });

  test('another organisation’s trainer, a missing CSRF token and a bad id change nothing', async () => {
    const { trainer, other, sam } = await setup();
    const before = await dumpDatabase(t!.db, kind);
    expect((await other.call('DELETE', `/api/trainees/${sam.traineeId}`)).statusCode).toBe(404);
    expect((await other.call('GET', `/api/trainees/${sam.traineeId}/export`)).statusCode).toBe(404);
    const noCsrf = await t!.app.inject({ method: 'DELETE', url: `/api/trainees/${sam.traineeId}`, headers: { cookie: trainer.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const bad = await trainer.call('DELETE', '/api/trainees/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('id');
    // The other trainer's sessions were touched (last_seen_at) only by their own requests: compare without them.
    const strip = (dump: string) => dump.replace(/\n\{[^\n]*"last_seen_at"[^\n]*\}/g, '');
    expect(strip(await dumpDatabase(t!.db, kind))).toBe(strip(before));
  });
});

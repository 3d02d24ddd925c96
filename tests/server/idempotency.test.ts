import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { sessionEventSchema } from '../../src/engine';
import { sessionBodySchema } from '../../src/server/session-body';
import { hashedEventFields, hashedSessionFields, legacyUploadHash, uploadHash, v2UploadHash } from '../../src/server/upload-hash';
import { databaseKinds } from './support/databases';
import { joinedTrainee, organisationWithTrainer } from './support/trainers';
import { sessionBody, testApp } from './test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const rowCount = async () => Number((await sql<{ n: number | string }>`select count(*) as n from sessions`.execute(t!.db)).rows[0]!.n);

describe.each(databaseKinds)('the session id as idempotency key on %s', (kind) => {
  const setup = async () => {
    t = await testApp({ kind });
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    const post = (body: object) => t!.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}` }, payload: body });
    return { trainee, post };
  };

  test('concurrent uploads of one id with different records: one is stored, the same record gets 200, the others 409', async () => {
    const { post } = await setup();
    const bodies = Array.from({ length: 12 }, (_, i) => sessionBody({ device: i % 3 === 0 ? 'desktop' : i % 3 === 1 ? 'touch' : 'vr-hand' }));
    const answers = await Promise.all(bodies.map((b) => post(b)));
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created).toHaveLength(1);
    const [stored] = await t!.db.selectFrom('sessions').select(['device']).execute();
    answers.forEach((a, i) => {
      if (a.statusCode === 201) return;
      // The same record as the winner is a retry; any other is a conflict with a message.
      if (bodies[i]!.device === stored!.device) expect(a.json()).toMatchObject({ duplicate: true, score: 100 });
      else expect(a.json()).toMatchObject({ error: 'session-id-conflict', message: expect.stringContaining(bodies[i]!.id) });
    });
    expect(await rowCount()).toBe(1);
  });

  test('a retry long after (another server clock, the token expired since) is still the same session', async () => {
    const { post } = await setup();
    expect((await post(sessionBody())).statusCode).toBe(201);
    const again = await post(sessionBody());
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: sessionBody().id, score: 100, passed: true, scoreMismatch: false, duplicate: true });
    expect(await rowCount()).toBe(1);
  });

  test('the same id in upper case is the same session, not a second row', async () => {
    const { post } = await setup();
    expect((await post(sessionBody())).statusCode).toBe(201);
    const upper = await post(sessionBody({ id: sessionBody().id.toUpperCase() }));
    expect(upper.statusCode).toBe(200);
    expect(upper.json().id).toBe(sessionBody().id);
    expect(await rowCount()).toBe(1);
  });

  test('the same id with another record is 409 with a message, whatever field differs', async () => {
    const { post } = await setup();
    expect((await post(sessionBody())).statusCode).toBe(201);
    for (const change of [{ clientScore: 99 }, { language: 'ar' }, { mode: 'exam' }, { endedAt: '2026-11-26T09:00:07.000Z' }, { events: sessionBody().events.slice(0, 2) }]) {
      const res = await post(sessionBody(change));
      expect(res.statusCode, JSON.stringify(change)).toBe(409);
      expect(res.json().message).toContain('already stored with different content');
    }
    // Without the token it is another record too (it would belong to nobody).
    expect((await t!.app.inject({ method: 'POST', url: '/api/sessions', payload: sessionBody() })).statusCode).toBe(409);
    expect(await rowCount()).toBe(1);
  });

  test.each([
    ['empty', ''],
    ['not a UUID', 'session-1'],
    ['without dashes', '0b7e2f7c2c1a4c399a493f7f6b1c2d3e'],
    ['in braces', '{0b7e2f7c-2c1a-4c39-9a49-3f7f6b1c2d3e}'],
    ['one character short', '0b7e2f7c-2c1a-4c39-9a49-3f7f6b1c2d3'],
    ['with a non-hex character', '0b7e2f7c-2c1a-4c39-9a49-3f7f6b1c2d3g'],
    ['with spaces around', ' 0b7e2f7c-2c1a-4c39-9a49-3f7f6b1c2d3e '],
    ['a number', 12345],
    ['null', null],
  ])('a malformed id (%s) is refused with 400 naming the field, and nothing is stored', async (_what, id) => {
    const { post } = await setup();
    const res = await post(sessionBody({ id }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid-session', message: expect.stringContaining('id: ') });
    expect(res.json().issues.map((i: { path: string }) => i.path)).toContain('id');
    expect(await rowCount()).toBe(0);
  });
});

describe('the upload hash', () => {
  test('covers every field the schema accepts, session and event', () => {
    expect([...hashedSessionFields].sort()).toEqual(Object.keys(sessionBodySchema.shape).sort());
    expect([...hashedEventFields].sort()).toEqual(Object.keys(sessionEventSchema.shape).sort());
  });

  test('is the same whatever the key order, and differs for any changed field or another trainee', () => {
    const body = sessionBodySchema.parse(sessionBody());
    const reordered = sessionBodySchema.parse(Object.fromEntries(Object.entries(sessionBody()).reverse()));
    expect(uploadHash(reordered, null)).toBe(uploadHash(body, null));
    expect(uploadHash(body, 'trainee-a')).not.toBe(uploadHash(body, null));
    expect(uploadHash(body, 'trainee-a')).not.toBe(uploadHash(body, 'trainee-b'));
    const withValue = { ...body, events: body.events.map((e, i) => (i === 0 ? { ...e, value: 0 } : e)) };
    expect(uploadHash(withValue, null)).not.toBe(uploadHash(body, null));
  });

  test.each(databaseKinds)('rows stored with the v2 hash (log hashed as arrays) still answer retries and conflicts (%s)', async (kind) => {
    t = await testApp({ kind });
    const post = (body: object) => t!.app.inject({ method: 'POST', url: '/api/sessions', payload: body });
    expect((await post(sessionBody())).statusCode).toBe(201);
    const v2 = v2UploadHash(sessionBodySchema.parse(sessionBody()), null);
    expect(v2.startsWith('v2:')).toBe(true);
    await t.db.updateTable('sessions').set({ content_hash: v2 }).execute();
    expect((await post(sessionBody())).statusCode).toBe(200);
    expect((await post(sessionBody({ device: 'touch' }))).statusCode).toBe(409);
    expect(await rowCount()).toBe(1);
  });

  test.each(databaseKinds)('rows stored with the earlier hash format still answer retries and conflicts (%s)', async (kind) => {
    t = await testApp({ kind });
    const post = (body: object) => t!.app.inject({ method: 'POST', url: '/api/sessions', payload: body });
    expect((await post(sessionBody())).statusCode).toBe(201);
    await t.db.updateTable('sessions').set({ content_hash: legacyUploadHash(sessionBodySchema.parse(sessionBody()), null) }).execute();
    expect((await post(sessionBody())).statusCode).toBe(200);
    expect((await post(sessionBody({ device: 'touch' }))).statusCode).toBe(409);
    expect(await rowCount()).toBe(1);
  });
});

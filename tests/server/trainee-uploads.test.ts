import { afterEach, describe, expect, test } from 'vitest';
import { traineeTokenLifetimeMs } from '../../src/server/auth/trainee-tokens';
import { databaseKinds } from './support/databases';
import { joinedTrainee, organisationWithTrainer } from './support/trainers';
import { sessionBody, testApp } from './test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.each(databaseKinds)('uploads under a trainee token on %s', (kind) => {
  let clock = 0;
  const setup = async () => {
    clock = Date.parse('2026-11-26T08:00:00.000Z');
    t = await testApp({ kind, now: () => new Date(clock) });
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const first = await joinedTrainee(t.app, trainer);
    const second = await joinedTrainee(t.app, trainer);
    const upload = (token: string, body: object) => t!.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: body });
    return { trainer, first, second, upload };
  };

  test('the join code is forgiving about case, spaces and dashes; a wrong one gets 404', async () => {
    const { first } = await setup();
    const typed = `${first.joinCode.slice(0, 4).toLowerCase()} - ${first.joinCode.slice(4)}`;
    expect((await t!.app.inject({ method: 'POST', url: '/api/join', payload: { code: typed } })).statusCode).toBe(201);
    const wrong = await t!.app.inject({ method: 'POST', url: '/api/join', payload: { code: 'ZZZZZZZZ' } });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error).toBe('join-code-unknown');
  });

  test('the session is stored under the trainee whose token it came with', async () => {
    const { first, upload } = await setup();
    expect((await upload(first.token, sessionBody())).statusCode).toBe(201);
    expect(await t!.db.selectFrom('sessions').select(['trainee_id']).execute()).toEqual([{ trainee_id: first.traineeId }]);
  });

  test('the same session id under another trainee is a conflict, never a second owner', async () => {
    const { first, second, upload } = await setup();
    await upload(first.token, sessionBody());
    expect((await upload(first.token, sessionBody())).statusCode).toBe(200);
    const other = await upload(second.token, sessionBody());
    expect(other.statusCode).toBe(409);
    expect(await t!.db.selectFrom('sessions').select(['trainee_id']).execute()).toEqual([{ trainee_id: first.traineeId }]);
  });

  test('a session that ended while the token was valid is accepted after the token expired', async () => {
    const { first, upload } = await setup();
    clock += traineeTokenLifetimeMs + 5 * 24 * 3600_000;
    expect((await upload(first.token, sessionBody())).statusCode).toBe(201);
  });

  test('a session that ended after the token expired is refused with 401 saying so', async () => {
    const { first, upload } = await setup();
    const late = new Date(clock + traineeTokenLifetimeMs + 60_000);
    const res = await upload(first.token, sessionBody({ startedAt: new Date(late.getTime() - 6000).toISOString(), endedAt: late.toISOString() }));
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('trainee-token-expired');
    expect(await t!.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });

  test.each([
    ['a malformed Authorization header', 'Basic abc', 'trainee-token-invalid'],
    ['an unknown token', `Bearer ${'x'.repeat(43)}`, 'trainee-token-unknown'],
  ])('%s is refused with 401 and stores nothing', async (_what, header, error) => {
    await setup();
    const res = await t!.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: header }, payload: sessionBody() });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe(error);
    expect(await t!.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });
});

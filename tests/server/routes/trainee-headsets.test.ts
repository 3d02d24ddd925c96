import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { joinedTrainee, organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { sessionBody, testApp } from '../test-app';

/** Issue 18, item 9: one headset's token revoked from the trainee page; the trainee's others go on. */
describe('revoking one headset', () => {
  let clock = Date.parse('2026-11-26T09:00:10.000Z');
  let t: Awaited<ReturnType<typeof testApp>>;
  let trainer: LoggedIn;
  let other: LoggedIn;
  let sam: Awaited<ReturnType<typeof joinedTrainee>>;
  let secondToken = '';

  beforeAll(async () => {
    t = await testApp({ now: () => new Date(clock) });
    trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    other = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
    sam = await joinedTrainee(t.app, trainer, 'Sam');
    clock += 60_000;
    const code = (await trainer.call('POST', `/api/trainees/${sam.traineeId}/join-codes`)).json().joinCode as string;
    secondToken = (await t.app.inject({ method: 'POST', url: '/api/join', payload: { code } })).json().token as string;
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (token: string, id: string) =>
    t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: sessionBody({ id, startedAt: '2026-11-26T09:01:20.000Z', endedAt: '2026-11-26T09:01:26.000Z' }) });

  test('the trainee page lists both headsets with when each was last used', async () => {
    clock += 60_000;
    expect((await upload(sam.token, '11111111-1111-4111-8111-111111111111')).statusCode).toBe(201);
    const list = await trainer.call('GET', `/api/trainees/${sam.traineeId}/headsets`);
    expect(list.statusCode).toBe(200);
    const headsets = list.json().headsets as { id: string; lastUsedAt: string | null; revokedAt: string | null; joinedAt: string }[];
    expect(headsets).toHaveLength(2);
    expect(headsets.map((h) => h.lastUsedAt)).toEqual([null, new Date(clock).toISOString()]);
    for (const h of headsets) {
      expect(h.id).toMatch(/^[0-9a-f]{16}$/);
      expect(JSON.stringify(h)).not.toContain(sam.token);
    }
  });

  test('only a stored session marks the headset used: a retry or a refused upload an hour later changes nothing', async () => {
    const usedAt = async () => ((await trainer.call('GET', `/api/trainees/${sam.traineeId}/headsets`)).json().headsets as { lastUsedAt: string | null }[]).map((h) => h.lastUsedAt);
    const before = await usedAt();
    clock += 60 * 60_000;
    expect((await upload(sam.token, '11111111-1111-4111-8111-111111111111')).statusCode).toBe(200);
    const conflicting = sessionBody({ id: '11111111-1111-4111-8111-111111111111', startedAt: '2026-11-26T09:01:20.000Z', endedAt: '2026-11-26T09:01:27.000Z' });
    expect((await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${sam.token}` }, payload: conflicting })).statusCode).toBe(409);
    expect(await usedAt()).toEqual(before);
  });

  test('revoking the first headset stops its uploads and assignments; the second goes on', async () => {
    const headsets = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/headsets`)).json().headsets as { id: string; lastUsedAt: string | null }[];
    const first = headsets.find((h) => h.lastUsedAt !== null)!;
    const revoked = await trainer.call('POST', `/api/trainees/${sam.traineeId}/headsets/${first.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).toBe(new Date(clock).toISOString());
    const refused = await upload(sam.token, '22222222-2222-4222-8222-222222222222');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toBe('trainee-token-unknown');
    expect((await t.app.inject({ method: 'GET', url: '/api/trainee/assignments', headers: { authorization: `Bearer ${sam.token}` } })).statusCode).toBe(401);
    expect((await upload(secondToken, '33333333-3333-4333-8333-333333333333')).statusCode).toBe(201);
    // Revoking again answers the same; the list shows it.
    expect((await trainer.call('POST', `/api/trainees/${sam.traineeId}/headsets/${first.id}/revoke`)).json().revokedAt).toBe(revoked.json().revokedAt);
    const after = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/headsets`)).json().headsets as { id: string; revokedAt: string | null }[];
    expect(after.find((h) => h.id === first.id)!.revokedAt).toBe(revoked.json().revokedAt);
  });

  test('another organisation sees and revokes nothing; a bad id is named', async () => {
    const headsets = (await trainer.call('GET', `/api/trainees/${sam.traineeId}/headsets`)).json().headsets as { id: string }[];
    expect((await other.call('GET', `/api/trainees/${sam.traineeId}/headsets`)).statusCode).toBe(404);
    expect((await other.call('POST', `/api/trainees/${sam.traineeId}/headsets/${headsets[0]!.id}/revoke`)).statusCode).toBe(404);
    const bad = await trainer.call('POST', `/api/trainees/${sam.traineeId}/headsets/zz/revoke`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('headset');
    expect((await trainer.call('POST', `/api/trainees/${sam.traineeId}/headsets/0000000000000000/revoke`)).statusCode).toBe(404);
  });
});

describe('what a late upload can claim', () => {
  const issued = Date.parse('2026-11-26T09:00:00.000Z');
  const day = 24 * 60 * 60 * 1000;
  let clock = issued;
  let t: Awaited<ReturnType<typeof testApp>>;
  let token = '';

  beforeAll(async () => {
    t = await testApp({ now: () => new Date(clock) });
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    token = (await joinedTrainee(t.app, trainer)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (id: string, startedAt: number) =>
    t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: sessionBody({ id, startedAt: new Date(startedAt).toISOString(), endedAt: new Date(startedAt + 6000).toISOString() }) });

  test('a session claiming to start before the headset joined is refused (10 minutes of clock skew allowed)', async () => {
    clock = issued + day;
    const backdated = await upload('44444444-4444-4444-8444-444444444444', issued - 60 * 60 * 1000);
    expect(backdated.statusCode).toBe(401);
    expect(backdated.json().error).toBe('session-before-token');
    expect((await upload('55555555-5555-4555-8555-555555555555', issued - 5 * 60 * 1000)).statusCode).toBe(201);
  });

  test('after expiry: a session played in time is taken for 14 days, then nothing under that token', async () => {
    const expiry = issued + 30 * day;
    clock = expiry + 13 * day;
    expect((await upload('66666666-6666-4666-8666-666666666666', expiry - day)).statusCode).toBe(201);
    const endedLate = await upload('77777777-7777-4777-8777-777777777777', expiry + 60_000);
    expect(endedLate.json().error).toBe('trainee-token-expired');
    clock = expiry + 15 * day;
    const tooLate = await upload('88888888-8888-4888-8888-888888888888', expiry - day);
    expect(tooLate.statusCode).toBe(401);
    expect(tooLate.json().message).toContain('accepted until');
  });
});

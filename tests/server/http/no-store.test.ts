import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { joinedTrainee, organisationWithTrainer, type LoggedIn } from '../support/trainers';
import { sessionBody, testApp } from '../test-app';

/** Issue 18, item 8: no browser or proxy keeps an answer with personal data. */
describe('Cache-Control: no-store on the API', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let trainer: LoggedIn;
  let sam: Awaited<ReturnType<typeof joinedTrainee>>;
  const sessionId = '3c9e1f0a-7b2d-4c68-8e1a-5d7f9b0c2e4a';

  beforeAll(async () => {
    t = await testApp();
    trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    sam = await joinedTrainee(t.app, trainer, 'Sam');
    const up = await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${sam.token}` }, payload: sessionBody({ id: sessionId }) });
    expect(up.statusCode).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  const noStore = (res: LightMyRequestResponse, what: string) => {
    expect(res.statusCode, `${what}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
    expect(res.headers['cache-control'], what).toBe('no-store');
  };

  test('login, auth/me and logout', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.9.0.1', payload: { email: trainer.email, password: trainer.password } });
    expect(login.statusCode).toBe(200);
    noStore(login, 'POST /api/auth/login');
    const failed = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '127.9.0.2', payload: { email: trainer.email, password: 'not the password at all' } });
    noStore(failed, 'POST /api/auth/login (refused)');
    noStore(await trainer.call('GET', '/api/auth/me'), 'GET /api/auth/me');
    noStore(await t.app.inject({ method: 'GET', url: '/api/auth/me' }), 'GET /api/auth/me (not logged in)');
  });

  test('sessions: upload, its retry, the lists and one session', async () => {
    noStore(await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${sam.token}` }, payload: sessionBody({ id: sessionId }) }), 'POST /api/sessions (retry)');
    noStore(await trainer.call('GET', '/api/sessions'), 'GET /api/sessions');
    noStore(await trainer.call('GET', `/api/sessions/${sessionId}`), 'GET /api/sessions/:id');
    noStore(await trainer.call('GET', '/api/dashboard/sessions'), 'GET /api/dashboard/sessions');
    noStore(await trainer.call('GET', `/api/dashboard/sessions/${sessionId}`), 'GET /api/dashboard/sessions/:id');
  });

  test('exports', async () => {
    noStore(await trainer.call('GET', '/api/dashboard/export.csv'), 'GET /api/dashboard/export.csv');
    noStore(await trainer.call('GET', '/api/dashboard/export.xapi.json'), 'GET /api/dashboard/export.xapi.json');
    noStore(await trainer.call('GET', `/api/trainees/${sam.traineeId}/export`), 'GET /api/trainees/:id/export');
  });

  test('trainees, groups, join codes and the headset side', async () => {
    noStore(await trainer.call('GET', `/api/dashboard/trainees/${sam.traineeId}`), 'GET /api/dashboard/trainees/:id');
    noStore(await trainer.call('GET', `/api/groups/${sam.groupId}/trainees`), 'GET /api/groups/:id/trainees');
    noStore(await trainer.call('GET', '/api/groups'), 'GET /api/groups');
    noStore(await trainer.call('GET', '/api/trainers'), 'GET /api/trainers');
    const code = await trainer.call('POST', `/api/trainees/${sam.traineeId}/join-codes`);
    noStore(code, 'POST /api/trainees/:id/join-codes');
    const joined = await t.app.inject({ method: 'POST', url: '/api/join', payload: { code: code.json().joinCode } });
    noStore(joined, 'POST /api/join');
    noStore(await t.app.inject({ method: 'GET', url: '/api/trainee/assignments', headers: { authorization: `Bearer ${sam.token}` } }), 'GET /api/trainee/assignments');
  });

  test('errors and unknown API paths too', async () => {
    noStore(await t.app.inject({ method: 'GET', url: '/api/no-such-thing' }), 'GET /api/no-such-thing');
    noStore(await t.app.inject({ method: 'POST', url: '/api/sessions', payload: { id: 'x' } }), 'POST /api/sessions (invalid)');
    noStore(await t.app.inject({ method: 'GET', url: '/api/%zz' }), 'GET /api/%zz');
  });

  test('the same routes spelled otherwise (/%61pi/… reaches /api/…)', async () => {
    for (const url of ['/%61pi/auth/me', `/%61pi/sessions/${sessionId}`, '/%61pi/dashboard/sessions']) {
      const res = await trainer.call('GET', url);
      expect(res.statusCode, url).toBe(200);
      noStore(res, url);
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDb } from '../../src/server/db/create-db';
import { createOrganisation } from '../../src/server/organisations';
import { freshPostgresSchema } from './support/databases';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { sessionBody } from './test-app';

/**
 * Stateless servers (DESIGN.md principle 6): two real server processes on loopback against one
 * PostgreSQL, as behind a load balancer. Whatever one instance did, the other knows: a trainer's
 * login, a trainee's join token, an upload, a logout.
 */
describe('two server instances on one PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    schema = await freshPostgresSchema();
    // Started together: both run the migrations at once, which Kysely's migration lock serialises.
    [a, b] = await Promise.all([startServerProcess({ DATABASE_URL: schema.url, DATA_DIR: '/nonexistent' }), startServerProcess({ DATABASE_URL: schema.url, DATA_DIR: '/nonexistent' })]);
    const opened = await createDb({ dataDir: '', databaseUrl: schema.url });
    await createOrganisation(opened.db, { name: 'Atelier', email: 'anna@atelier.test', password: 'a long password', country: 'BE' });
    await opened.db.destroy();
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await schema?.drop();
  });

  test('a login on one is valid on the other; an upload through one is read through the other; a logout on one ends it on both', async () => {
    const json = { 'content-type': 'application/json' };
    const login = await fetch(`${a.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'anna@atelier.test', password: 'a long password' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const asTrainer = (server: ServerProcess, method: string, path: string, body?: object) =>
      fetch(`${server.url}${path}`, { method, headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...(body ? json : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

    // The session made on A works on B, CSRF token included.
    expect((await asTrainer(b, 'GET', '/api/auth/me')).status).toBe(200);
    const group = (await (await asTrainer(b, 'POST', '/api/groups', { name: 'Hout' })).json()) as { id: string };
    const trainee = (await (await asTrainer(a, 'POST', `/api/groups/${group.id}/trainees`, { alias: 'Sam' })).json()) as { id: string; joinCode: string };

    // The headset joins through B and uploads through A.
    const joined = await fetch(`${b.url}/api/join`, { method: 'POST', headers: json, body: JSON.stringify({ code: trainee.joinCode }) });
    expect(joined.status).toBe(201);
    const { token } = (await joined.json()) as { token: string };
    const id = crypto.randomUUID();
    // Played after the headset joined (the servers run on the real clock): the token's bounds hold.
    const startedAt = new Date().toISOString();
    const times = { startedAt, endedAt: new Date(Date.parse(startedAt) + 6000).toISOString() };
    const up = await fetch(`${a.url}/api/sessions`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify(sessionBody({ id, ...times })) });
    expect(up.status).toBe(201);
    // The retry lands on the other instance: the same session, not a second one.
    const retry = await fetch(`${b.url}/api/sessions`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify(sessionBody({ id, ...times })) });
    expect(retry.status).toBe(200);

    const list = (await (await asTrainer(b, 'GET', '/api/sessions')).json()) as { sessions: { id: string; score: number }[] };
    expect(list.sessions.map((s) => s.id)).toEqual([id]);
    expect(list.sessions[0]!.score).toBe(100);
    const exported = (await (await asTrainer(a, 'GET', `/api/trainees/${trainee.id}/export`)).json()) as { sessions: { id: string }[] };
    expect(exported.sessions.map((s) => s.id)).toEqual([id]);

    expect((await asTrainer(b, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await asTrainer(a, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await asTrainer(b, 'GET', '/api/auth/me')).status).toBe(401);
  });
});

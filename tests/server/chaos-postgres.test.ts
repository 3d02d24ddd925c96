import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import pg from 'pg';
import { createDb } from '../../src/server/db/create-db';
import { createOrganisation } from '../../src/server/organisations';
import { startThrowawayPostgres, type ThrowawayPostgres } from './support/postgres';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { sessionBody } from './test-app';

/** A dashboard's live stream read over real HTTP: the ids of the `session` events received. */
async function liveStream(url: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/dashboard/live`, { headers: { cookie }, signal: controller.signal });
  const ids: string[] = [];
  let buffer = '';
  const reader = res.body!.getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += Buffer.from(value).toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: session$/m.test(block)) ids.push((JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { id: string }).id);
        }
      }
    } catch {
      // Aborted at the end of the test.
    }
  })();
  return { status: res.status, ids, close: () => controller.abort() };
}

/** The server checks an upload against its token's issue time on the real clock: sessions are played just now. */
const playedNow = () => ({ startedAt: new Date(Date.now() - 10_000).toISOString(), endedAt: new Date(Date.now() - 4000).toISOString() });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => boolean, ms = 30_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * Issue 17, items 1 and 2: the database goes away under two server processes while trainees
 * upload, first by pg_terminate_backend on every server connection, then by a restart of
 * PostgreSQL. On its own throwaway cluster (own port and data folder), never the shared one.
 */
describe('chaos on PostgreSQL: backends terminated and the database restarted during uploads', () => {
  let cluster: ThrowawayPostgres;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    cluster = await startThrowawayPostgres();
    const opened = await createDb({ dataDir: '', databaseUrl: cluster.url });
    await createOrganisation(opened.db, { name: 'Atelier', email: 'anna@atelier.test', password: 'a long password', country: 'BE' });
    await opened.db.destroy();
    [a, b] = await Promise.all([startServerProcess({ DATABASE_URL: cluster.url, DATA_DIR: '/nonexistent' }), startServerProcess({ DATABASE_URL: cluster.url, DATA_DIR: '/nonexistent' })]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    cluster?.stop();
  });

  test('both instances survive, answer 503 with Retry-After meanwhile, store every acknowledged session once, and live updates resume on both', async () => {
    const json = { 'content-type': 'application/json' };
    const login = await fetch(`${a.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'anna@atelier.test', password: 'a long password' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const trainerPost = async (path: string, body: object) =>
      (await fetch(`${a.url}${path}`, { method: 'POST', headers: { ...json, cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) })).json() as Promise<Record<string, string>>;
    const group = await trainerPost('/api/groups', { name: 'Hout' });
    const trainee = await trainerPost(`/api/groups/${group.id}/trainees`, {});
    const joined = (await (await fetch(`${a.url}/api/join`, { method: 'POST', headers: json, body: JSON.stringify({ code: trainee.joinCode }) })).json()) as { token: string };

    const onA = await liveStream(a.url, cookie);
    const onB = await liveStream(b.url, cookie);
    expect([onA.status, onB.status]).toEqual([200, 200]);

    // A headset's outbox: send until acknowledged (201, or 200 for a retry of a stored one).
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    let retryAfterSeen = false;
    const upload = async (server: ServerProcess, id: string) => {
      let last = '';
      for (let attempt = 0; attempt < 200; attempt++) {
        try {
          const res = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { ...json, authorization: `Bearer ${joined.token}` }, body: JSON.stringify(sessionBody({ id, ...playedNow() })) });
          statuses.push(res.status);
          last = `${res.status} ${await res.clone().text()}`;
          if (res.status === 503 && res.headers.get('retry-after')) retryAfterSeen = true;
          if (res.status === 201 || res.status === 200) {
            acknowledged.push(id);
            return;
          }
          expect([500, 502, 503]).toContain(res.status);
        } catch (error) {
          // The connection itself failed: the outbox tries again.
          last = String(error);
        }
        await sleep(150);
      }
      throw new Error(`session ${id} was never acknowledged; last answer: ${last}; server: ${server.output().slice(-2000)}`);
    };

    const admin = async (query: string) => {
      const c = new pg.Client({ connectionString: cluster.url });
      await c.connect();
      try {
        return await c.query(query);
      } finally {
        await c.end();
      }
    };
    const uploads: Promise<void>[] = [];
    let restarted: Promise<void> = Promise.resolve();
    for (let i = 0; i < 60; i++) {
      uploads.push(upload(i % 2 ? b : a, crypto.randomUUID()));
      await sleep(40);
      if (i === 15) await admin('select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and datname = current_database()');
      // Down for two seconds while the uploads go on.
      if (i === 30) restarted = cluster.restart(2000);
    }
    await restarted;
    await Promise.all(uploads);

    // Both processes are still running.
    expect(a.child.exitCode).toBeNull();
    expect(b.child.exitCode).toBeNull();
    // The restart was seen as a passing fault (503 with Retry-After), not as a crash.
    expect(statuses.filter((s) => s === 500)).toEqual([]);
    expect(retryAfterSeen).toBe(true);

    // Every acknowledged session is stored exactly once.
    expect(acknowledged).toHaveLength(60);
    const counted = await admin(`select id, count(*)::int as n from sessions where id in (${acknowledged.map((id) => `'${id}'`).join(',')}) group by id`);
    expect(counted.rows).toHaveLength(60);
    expect(counted.rows.every((r: { n: number }) => r.n === 1)).toBe(true);

    // Live updates resume on both instances: a session uploaded now reaches both streams.
    const after = crypto.randomUUID();
    await upload(a, after);
    await until('the new session on both live streams', () => onA.ids.includes(after) && onB.ids.includes(after));
    // Nothing was announced twice on a stream.
    expect(new Set(onA.ids).size).toBe(onA.ids.length);
    expect(new Set(onB.ids).size).toBe(onB.ids.length);
    onA.close();
    onB.close();
  }, 180_000);
});

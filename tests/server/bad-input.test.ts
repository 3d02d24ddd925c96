import { existsSync, mkdtempSync } from 'node:fs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { digestDatabase, tableNames } from './support/dump';
import { encode, mutatedBody, sessionRequest, smallBody } from './support/payloads';
import { joinedTrainee, organisationWithTrainer, type LoggedIn } from './support/trainers';
import { testApp } from './test-app';

/**
 * Bad input, generated: valid uploads mutated in every field, broken JSON, other content types,
 * bodies over the limit, wrong tokens. Whatever arrives, the server answers without a 5xx, every
 * error is JSON that names the problem, and a refused request leaves the database exactly as it
 * was. On SQLite "exactly as it was" is `total_changes()` of the server's connection (every row
 * written, even in a transaction rolled back, counts) with `data_version` (commits by the upload
 * writer's connection); on PostgreSQL a digest of every row of
 * every table, which is slower, so fewer runs there.
 */
const runs = {
  sqlite: { sessions: 10_000, other: 400, login: 150 },
  postgres: { sessions: 1000, other: 60, login: 40 },
};

type Kind = keyof typeof runs;

function expectAnswer(res: LightMyRequestResponse, changed: boolean, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = res.json();
    expect(typeof body.error, what).toBe('string');
    expect(String(body.message ?? '').length, `${what}: an error says what is wrong`).toBeGreaterThan(0);
    expect(changed, `${what}: refused with ${res.statusCode} but the database changed`).toBe(false);
  }
}

describe.each(['sqlite', 'postgres'] as const)('generated bad input on %s', (kind: Kind) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let trainer: LoggedIn;
  let token = '';
  let otherToken = '';
  let groupId = '';
  let traineeId = '';
  let tables: string[] = [];
  const fingerprint = async () =>
    kind === 'sqlite' ? sqliteChanges() : await digestDatabase(t.db, tables);
  // This connection's own writes (total_changes, even rolled back) and commits by any other connection
  // (data_version; uploads are written by the writer thread's connection).
  const sqliteChanges = async () => {
    const own = (await sql<{ n: number }>`select total_changes() as n`.execute(t.db)).rows[0]!.n;
    const others = (await sql<{ data_version: number }>`PRAGMA data_version`.execute(t.db)).rows[0]!.data_version;
    return `${own}:${others}`;
  };

  beforeAll(async () => {
    // This test is about answers, not durability (crash.test.ts is): SQLite in memory-backed files
    // where the machine has them, so 10,000 requests do not wait for the disk thousands of times.
    t = kind === 'sqlite' && existsSync('/dev/shm') ? await testApp({ dataDir: mkdtempSync('/dev/shm/werkvloer-bad-input-') }) : await testApp({ kind });
    tables = await tableNames(t.db, kind);
    trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const other = await organisationWithTrainer(t.app, t.db, 'Bakkerij');
    const sam = await joinedTrainee(t.app, trainer, 'Sam');
    token = sam.token;
    groupId = sam.groupId;
    traineeId = (await joinedTrainee(t.app, trainer, 'Erasable')).traineeId;
    otherToken = (await joinedTrainee(t.app, other)).token;
  });
  afterAll(async () => {
    await t.close();
  });

  test(`POST /api/sessions: ${runs[kind].sessions.toLocaleString('en')} generated requests, never a 5xx, refusals change nothing`, async () => {
    const stored: string[] = [];
    // Every accepted request as sent: a retry resends one exactly (left to chance, a run of 1,000 once
    // made no exact retry at all, and the 200 below was never reached).
    const accepted: { payload: string; headers: Record<string, string> }[] = [];
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(sessionRequest, async (req) => {
        const retry = req.resend !== null && accepted.length > 0 ? accepted[req.resend % accepted.length]! : null;
        const made = encode(req, mutatedBody(req, stored));
        const payload = retry ? retry.payload : made.payload;
        const headers: Record<string, string> = retry ? { ...retry.headers } : {};
        if (!retry) {
          if (made.contentType) headers['content-type'] = made.contentType;
          if (req.auth === 'trainee') headers.authorization = `Bearer ${token}`;
          if (req.auth === 'other-trainee') headers.authorization = `Bearer ${otherToken}`;
          if (req.auth === 'garbage') headers.authorization = 'Basic d2Vya3Zsb2Vy';
          if (req.auth === 'unknown') headers.authorization = `Bearer ${'Q'.repeat(43)}`;
        }
        const before = await fingerprint();
        const res = await t.app.inject({ method: 'POST', url: '/api/sessions', headers, payload });
        const changed = (await fingerprint()) !== before;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expectAnswer(res, changed, `POST /api/sessions ${payload.slice(0, 200)}`);
        // Stored once: a first upload adds a row, a retry (200) adds nothing.
        if (res.statusCode === 201) {
          expect(changed).toBe(true);
          stored.push(res.json().id as string);
          accepted.push({ payload, headers });
        }
        if (retry) expect(res.statusCode, 'an accepted upload sent again is a retry').toBe(200);
        if (res.statusCode === 200) {
          expect(res.json().duplicate).toBe(true);
          expect(changed).toBe(false);
        }
      }),
      { numRuns: runs[kind].sessions },
    );
    // The generator reaches every kind of answer, so the property was tested where it matters.
    for (const status of [200, 201, 400, 401, 409, 422]) expect(statuses.get(status) ?? 0, `answers ${status}: ${JSON.stringify([...statuses])}`).toBeGreaterThan(0);
    if (kind === 'sqlite') for (const status of [413, 415]) expect(statuses.get(status) ?? 0, `answers ${status}`).toBeGreaterThan(0);
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from sessions`.execute(t.db);
    // One row per 201, plus the one made in beforeAll: nothing else was ever stored.
    expect(Number(rows[0]!.n)).toBe(statuses.get(201));
  }, 600_000);

  const pathId = () =>
    fc.oneof(
      fc.constant('real'),
      fc.uuid(),
      fc.string({ maxLength: 40 }),
    );

  test('the other write routes: generated bodies and ids, never a 5xx, refusals change nothing', async () => {
    const routes = [
      { method: 'POST', url: () => '/api/join', valid: { code: 'ABCD2345' }, trainer: false },
      { method: 'POST', url: () => '/api/groups', valid: { name: 'Hout dinsdag' }, trainer: true },
      { method: 'POST', url: (id: string) => `/api/groups/${id === 'real' ? groupId : encodeURIComponent(id)}/trainees`, valid: { alias: 'Kim' }, trainer: true },
      { method: 'POST', url: (id: string) => `/api/trainees/${id === 'real' ? traineeId : encodeURIComponent(id)}/join-codes`, valid: {}, trainer: true },
      { method: 'DELETE', url: (id: string) => `/api/trainees/${id === 'real' ? traineeId : encodeURIComponent(id)}`, valid: {}, trainer: true },
    ] as const;
    let n = 0;
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(smallBody(route.valid), pathId(), fc.boolean(), fc.boolean(), async (body, id, csrf, sendBody) => {
          const headers: Record<string, string> = route.trainer ? { cookie: trainer.cookie, ...(csrf ? { 'x-csrf-token': trainer.csrfToken } : {}) } : {};
          const before = await fingerprint();
          const res = await t.app.inject({ method: route.method, url: route.url(id), headers, remoteAddress: `10.9.${n % 250}.${Math.floor(n / 250) % 250}`, ...(sendBody ? { payload: JSON.stringify(body), headers: { ...headers, 'content-type': 'application/json' } } : {}) });
          n++;
          expectAnswer(res, (await fingerprint()) !== before, `${route.method} ${route.url(id)} ${JSON.stringify(body).slice(0, 200)}`);
        }),
        { numRuns: runs[kind].other },
      );
    }
    // Login verifies an argon2id hash (about 30 ms): fewer runs; each from its own address (rate limit).
    await fc.assert(
      fc.asyncProperty(smallBody({ email: trainer.email, password: trainer.password }), async (body) => {
        const before = await fingerprint();
        const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: `10.8.${n % 250}.${Math.floor(n / 250) % 250}`, payload: body as object });
        n++;
        expectAnswer(res, (await fingerprint()) !== before, `POST /api/auth/login ${JSON.stringify(body).slice(0, 200)}`);
      }),
      { numRuns: runs[kind].login },
    );
  }, 600_000);
});

import { afterEach, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from './support/databases';
import { sessionBody, testApp } from './test-app';

let t: Awaited<ReturnType<typeof testApp>> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe.each(databaseKinds)('the server on %s', (kind) => {
  test('migrates an empty database and reports the engine in health', async () => {
    t = await testApp({ kind });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toMatchObject({ ok: true, db: kind });
  });

  test('stores, re-answers and conflicts exactly as on the other engine', async () => {
    t = await testApp({ kind });
    const post = (body: object) => t!.app.inject({ method: 'POST', url: '/api/sessions', payload: body });
    expect((await post(sessionBody())).statusCode).toBe(201);
    expect((await post(sessionBody())).statusCode).toBe(200);
    expect((await post(sessionBody({ device: 'touch' }))).statusCode).toBe(409);
    const rows = await t.db.selectFrom('sessions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ score: 100, passed: 1, duration_ms: 6000 });
  });

  test('twenty concurrent duplicates of one session store one row and all get the same score', async () => {
    t = await testApp({ kind });
    const answers = await Promise.all(Array.from({ length: 20 }, () => t!.app.inject({ method: 'POST', url: '/api/sessions', payload: sessionBody() })));
    expect(answers.map((a) => a.statusCode).sort((a, b) => a - b)).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(answers.map((a) => a.json().score))).toEqual(new Set([100]));
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from sessions`.execute(t.db);
    expect(Number(rows[0]?.n)).toBe(1);
  });

  test('a restart on the same data keeps what was stored and runs no migration twice', async () => {
    t = await testApp({ kind });
    await t.app.inject({ method: 'POST', url: '/api/sessions', payload: sessionBody() });
    await t.stop();
    const again = await testApp({ reuse: t.storage });
    t = again;
    expect(await again.db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
  });
});

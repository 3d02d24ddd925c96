import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/server/app';
import { createDb } from '../../src/server/db/create-db';
import { moveEventLogs } from '../../src/server/db/event-log-move';
import { migrationProvider } from '../../src/server/db/migrations';
import type { Database } from '../../src/server/db/schema';
import { StorageStatus } from '../../src/server/db/storage-status';
import { LiveSessions } from '../../src/server/dashboard/live-sessions';
import { filteredSessions, sessionColumns, sessionListSchema, sessionPage } from '../../src/server/dashboard/session-query';
import { ScenarioCatalog, readScenes } from '../../src/server/scenario-catalog';
import { databaseKinds, freshPostgresSchema } from './support/databases';
import { generateSessions } from './support/generated-sessions';
import { openSse } from './support/sse';
import { joinedTrainee, organisationWithTrainer } from './support/trainers';
import { root, sampleScenario, sessionBody, testApp } from './test-app';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(databaseKinds)('moving old event logs out of the session rows on %s', (kind) => {
  test('a generated database of a release before issue 17 is moved in batches, can stop half way, and goes on at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-move-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pgSchema = kind === 'postgres' ? await freshPostgresSchema() : null;
    if (pgSchema) cleanups.push(() => pgSchema.drop());
    const old = new Kysely<Database>({
      dialect: pgSchema ? new PostgresDialect({ pool: new pg.Pool({ connectionString: pgSchema.url, max: 2 }) }) : new SqliteDialect({ database: new SQLite(join(dir, 'werkvloer.sqlite')) }),
    });
    expect((await new Migrator({ db: old, provider: migrationProvider }).migrateTo('2026-11-27-006-organisation-country')).error).toBeUndefined();
    await old.insertInto('organisations').values({ id: 'org-1', name: 'Atelier', created_at: '2026-01-01T00:00:00.000Z', country: 'BE' }).execute();
    await old.insertInto('groups').values({ id: 'group-1', organisation_id: 'org-1', name: 'Hout', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    const trainees = Array.from({ length: 12 }, (_, i) => `trainee-${i}`);
    await old
      .insertInto('trainees')
      .values(trainees.map((id, i) => ({ id, organisation_id: 'org-1', group_id: 'group-1', code: `CODE-${i}`, alias: null, created_at: '2026-01-01T00:00:00.000Z' })))
      .execute();
    const made = await generateSessions(old, { scenario: sampleScenario(), organisationId: 'org-1', trainees, count: 1300, legacy: true, paddingEvents: 40 });
    const before = await old.selectFrom('sessions').select(['id', 'events_json']).orderBy('id').execute();
    await old.destroy();

    // The new release's migrations; then the move stops after its first batch (a crash, a Ctrl-C).
    const upgraded = await createDb(pgSchema ? { dataDir: '', databaseUrl: pgSchema.url, onMoveProgress: () => { throw new Error('stopped'); } } : { dataDir: dir, onMoveProgress: () => { throw new Error('stopped'); } }).catch((e: Error) => e);
    expect(upgraded).toBeInstanceOf(Error);
    // Half way: the first batch moved, the rest still in the rows (counted on a plain connection: createDb would move them).
    const peek = new Kysely<Database>({
      dialect: pgSchema ? new PostgresDialect({ pool: new pg.Pool({ connectionString: pgSchema.url, max: 1 }) }) : new SqliteDialect({ database: new SQLite(join(dir, 'werkvloer.sqlite')) }),
    });
    const movedSoFar = Number((await peek.selectFrom('session_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
    await peek.destroy();
    expect(movedSoFar).toBe(500);

    const progress: number[] = [];
    const opened = await createDb(pgSchema ? { dataDir: '', databaseUrl: pgSchema.url, onMoveProgress: (p) => progress.push(p.moved) } : { dataDir: dir, onMoveProgress: (p) => progress.push(p.moved) });
    cleanups.push(() => opened.db.destroy());
    // The rest, in batches of 500: 800 left = 500 + 300, then the closing report.
    expect(progress).toEqual([500, 800, 800]);
    const db = opened.db;
    expect(await db.selectFrom('sessions').select('id').where('events_json', '!=', '').execute()).toEqual([]);
    const moved = await db.selectFrom('session_events').select(['session_id as id', 'events_json']).orderBy('session_id').execute();
    expect(moved).toEqual(before);
    // The aggregates of old rows are filled on the way: every step of every session, and the running totals.
    expect(Number((await db.selectFrom('session_steps').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n)).toBe(1300 * 3);
    const totals = await db.selectFrom('step_totals').select(['step_id', (eb) => eb.fn.sum<number>('attempts').as('attempts'), (eb) => eb.fn.sum<number>('failed').as('failed')]).groupBy('step_id').orderBy('step_id').execute();
    // Expected from the three scored attempts the sessions were made of, times how often each was used.
    const expected = ['start-drill', 'stop-drill', 'wear-glasses'].map((step) => [
      step,
      1300,
      made.variants.reduce((n, v, i) => n + (v.steps.some((s) => s.id === step && (!s.done || s.mistakes > 0)) ? made.perVariant[i]! : 0), 0),
    ]);
    expect(totals.map((r) => [r.step_id, Number(r.attempts), Number(r.failed)])).toEqual(expected);
    // Some of each: the totals are not trivially all or nothing.
    expect(expected.some(([, , failed]) => (failed as number) > 0 && (failed as number) < 1300)).toBe(true);
    const withSafety = await db.selectFrom('sessions').select((eb) => eb.fn.count('comp_safety').as('n')).executeTakeFirst();
    expect(Number(withSafety?.n)).toBe(1300);
    // Once moved, a start finds nothing to do.
    expect(await moveEventLogs(db)).toBe(0);
  }, 120_000);
});

describe('the sessions list at size (SQLite query plan)', () => {
  test('every sort reads its index in order and stops; the event logs are never read', async () => {
    const t = await testApp();
    cleanups.push(() => t.close());
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    // A class of 40 in one group: with statistics, SQLite once looped over the trainees and sorted all their sessions.
    const classmates = Array.from({ length: 39 }, (_, i) => ({ id: crypto.randomUUID(), organisation_id: trainer.organisationId, group_id: trainee.groupId, code: `CLASS-${i}`, alias: null, created_at: '2026-01-01T00:00:00.000Z' }));
    await t.db.insertInto('trainees').values(classmates).execute();
    await generateSessions(t.db, { scenario: sampleScenario(), organisationId: trainer.organisationId, trainees: [trainee.traineeId, ...classmates.map((c) => c.id)], count: 6000 });
    await sql`ANALYZE`.execute(t.db);
    const sorts = { 's.ended_at': 'sessions_org_ended', 's.received_at': 'sessions_org_received', 's.score': 'sessions_org_score', 's.duration_ms': 'sessions_org_duration', 's.scenario_id': 'sessions_org_scenario' } as const;
    const file = new SQLite(join(t.dataDir, 'werkvloer.sqlite'), { readonly: true });
    cleanups.push(() => void file.close());
    for (const [column, index] of Object.entries(sorts)) {
      const compiled = filteredSessions(t.db, trainer.organisationId, {})
        .select([...sessionColumns])
        .orderBy(column as 's.ended_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(25)
        .compile();
      const plan = (file.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail).join('\n');
      expect(plan, column).toContain(`USING INDEX ${index}`);
      // Read in index order: no sort of the whole organisation's rows, no table scan.
      expect(plan, column).not.toMatch(/TEMP B-TREE FOR ORDER BY|SCAN s\b(?! USING)/);
      expect(compiled.sql).not.toMatch(/events_json|session_events|result_json/);
    }
    // The page's count stops at its cap instead of reading every row.
    const page = (await trainer.call('GET', '/api/dashboard/sessions?pageSize=25')).json();
    expect(page).toMatchObject({ total: 6000, totalCapped: false });
    // Keyset: the next page starts after the last row of this one, whatever the depth.
    const next = (await trainer.call('GET', `/api/dashboard/sessions?pageSize=25&cursor=${page.next}`)).json();
    const second = (await trainer.call('GET', '/api/dashboard/sessions?pageSize=25&page=2')).json();
    expect(next.sessions.map((s: { id: string }) => s.id)).toEqual(second.sessions.map((s: { id: string }) => s.id));
    expect((await trainer.call('GET', '/api/dashboard/sessions?cursor=not-a-cursor')).statusCode).toBe(400);
    // Numbered pages skip rows one by one: they reach the 10,000 rows the pager counts, no further.
    expect((await trainer.call('GET', '/api/dashboard/sessions?pageSize=20&page=500')).statusCode).toBe(200);
    const tooDeep = await trainer.call('GET', '/api/dashboard/sessions?pageSize=20&page=501');
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().message).toMatch(/^page: numbered pages reach the first 10,000 sessions; go further with cursor/);
  }, 120_000);
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Output?: string[];
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

describe('the sessions list at size (PostgreSQL query plan)', () => {
  test('every sort reads its index in order and stops; the event logs are never read', async () => {
    const t = await testApp({ kind: 'postgres' });
    cleanups.push(() => t.close());
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    await generateSessions(t.db, { scenario: sampleScenario(), organisationId: trainer.organisationId, trainees: [trainee.traineeId], count: 3000, paddingEvents: 40 });
    await sql`ANALYZE`.execute(t.db);
    // Arrival order may also come from the retention job's index on received_at alone: in order too, and it stops.
    const sorts = { 's.ended_at': /^sessions_org_ended$/, 's.received_at': /^sessions_(org_)?received$/, 's.score': /^sessions_org_score$/, 's.duration_ms': /^sessions_org_duration$/, 's.scenario_id': /^sessions_org_scenario$/ } as const;
    for (const [column, index] of Object.entries(sorts)) {
      for (const order of ['desc', 'asc'] as const) {
        const compiled = filteredSessions(t.db, trainer.organisationId, {})
          .select([...sessionColumns])
          .orderBy(column as 's.ended_at', order)
          .orderBy('s.id', order)
          .limit(25)
          .compile();
        const explained = await t.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON, VERBOSE) ${compiled.sql}`, [...compiled.parameters]));
        const nodes = planNodes(explained.rows[0]!['QUERY PLAN'][0].Plan);
        const onSessions = nodes.filter((n) => n['Relation Name'] === 'sessions');
        // The sessions are read through the sort's index, in its order: no scan of the table, no sort of its rows.
        expect(onSessions.map((n) => [n['Node Type'], n['Index Name']]), `${column} ${order}`).toEqual([[expect.stringMatching(/^Index (Only )?Scan$/), expect.stringMatching(index)]]);
        expect(nodes.map((n) => n['Node Type']), `${column} ${order}`).not.toContain('Sort');
        // Nothing of the event logs: not their table, not the old inline columns in what the query returns (a
        // scan node lists every column of its table, PostgreSQL's whole-tuple shortcut; none is detoasted or sent).
        expect(nodes.some((n) => n['Relation Name'] === 'session_events'), `${column} ${order}`).toBe(false);
        expect(nodes[0]!.Output!.filter((o) => /events_json|result_json/.test(o)), `${column} ${order}`).toEqual([]);
        expect(compiled.sql).not.toMatch(/events_json|session_events|result_json/);
      }
    }
    // What the route answers is that query's page.
    const page = (await trainer.call('GET', '/api/dashboard/sessions?pageSize=25&sort=score&order=asc')).json();
    expect(page.sessions).toHaveLength(25);
    expect(page.total).toBe(3000);
    // A deep page by cursor starts its index range at the cursor: the cursor is an index condition, not a filter
    // over every row before it (with an OR of two comparisons PostgreSQL walked the index from the top).
    if (t.storage.kind !== 'postgres') throw new Error('expected PostgreSQL storage');
    const seen: CompiledQuery[] = [];
    const logged = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.storage.url, max: 1 }) }), log: (e) => void (e.level === 'query' && seen.push(e.query)) });
    cleanups.push(() => logged.destroy());
    for (const sort of ['endedAt', 'receivedAt', 'score', 'durationMs', 'scenarioId'] as const) {
      const first = await sessionPage(logged, trainer.organisationId, sessionListSchema.parse({ sort, pageSize: '25' }));
      const deep = await sessionPage(logged, trainer.organisationId, sessionListSchema.parse({ sort, pageSize: '25', cursor: first.next! }));
      expect(deep.sessions).toHaveLength(25);
      const pageQuery = seen.at(-1)!;
      const explained = await t.db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode & { 'Index Cond'?: string } }] }>(CompiledQuery.raw(`EXPLAIN (FORMAT JSON) ${pageQuery.sql}`, [...pageQuery.parameters]));
      const scan = planNodes(explained.rows[0]!['QUERY PLAN'][0].Plan).find((n) => n['Relation Name'] === 'sessions') as PlanNode & { 'Index Cond'?: string };
      // The range on the sort column starts at the cursor's value (rows of equal value are then checked by id).
      const columnName = { endedAt: 'ended_at', receivedAt: 'received_at', score: 'score', durationMs: 'duration_ms', scenarioId: 'scenario_id' }[sort];
      expect(scan['Index Cond'], sort).toMatch(new RegExp(`\\b${columnName}\\b`));
    }
  }, 120_000);
});

describe.each(databaseKinds)('a group’s most-failed steps at size on %s', (kind) => {
  test('come from the running totals: one row per trainee and step, whatever the number of sessions', async () => {
    const t = await testApp({ kind });
    cleanups.push(() => t.close());
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const first = await joinedTrainee(t.app, trainer);
    const others = await Promise.all(Array.from({ length: 9 }, async () => (await trainer.call('POST', `/api/groups/${first.groupId}/trainees`, {})).json().id as string));
    const made = await generateSessions(t.db, { scenario: sampleScenario(), organisationId: trainer.organisationId, trainees: [first.traineeId, ...others], count: 6000 });
    const [, wrongPress, forgot] = made.perVariant as [number, number, number];
    // What the aggregate reads: 10 trainees × 3 steps, not 6,000 sessions × 3 steps.
    expect(Number((await t.db.selectFrom('step_totals').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n)).toBe(30);
    const res = (await trainer.call('GET', `/api/dashboard/groups/${first.groupId}/step-failures`)).json();
    expect(res.stations).toEqual([
      {
        scenarioId: 'wood-intro-workbench',
        attempts: 6000,
        steps: [
          { step: 'stop-drill', attempts: 6000, failed: wrongPress + forgot, notDone: forgot, mistakes: wrongPress, failRate: Math.round((100 * (wrongPress + forgot)) / 6000) },
          { step: 'start-drill', attempts: 6000, failed: 0, notDone: 0, mistakes: 0, failRate: 0 },
          { step: 'wear-glasses', attempts: 6000, failed: 0, notDone: 0, mistakes: 0, failRate: 0 },
        ],
      },
    ]);
    // Erasing a trainee takes their share out of the group's totals (triggers on the step rows).
    expect((await trainer.call('DELETE', `/api/trainees/${others[0]}`)).statusCode).toBe(200);
    const after = (await trainer.call('GET', `/api/dashboard/groups/${first.groupId}/step-failures`)).json();
    expect(after.stations[0].attempts).toBe(6000 - 600);
    // The trainee page's profile is a database average over the narrow columns.
    const page = (await trainer.call('GET', `/api/dashboard/trainees/${first.traineeId}`)).json();
    expect(page.attempts).toHaveLength(600);
    expect(page.competencies.find((c: { competency: string }) => c.competency === 'safety')).toEqual({ competency: 'safety', score: 100, attempts: 600 });
  }, 120_000);
});

describe('live updates', () => {
  test('a retry answered 200 is not published as a new session', async () => {
    const live = LiveSessions.inProcess();
    const t = await testApp();
    cleanups.push(() => t.close());
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    // A second app on the same database shares `live` so the test hears what the route publishes.
    const catalog = await ScenarioCatalog.open(t.db, readScenes(root));
    const app = await buildApp({ db: t.db, catalog, sqliteFile: join(t.dataDir, 'werkvloer.sqlite'), live, now: () => new Date('2026-11-26T09:00:10.000Z') });
    cleanups.push(() => app.close());
    const heard: string[] = [];
    live.subscribe(trainer.organisationId, (e) => heard.push(e.sessionId));
    const send = () => app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}` }, payload: sessionBody() });
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual([sessionBody().id]);
  });

  test('a stream reconnecting with Last-Event-ID gets the sessions stored while it was away', async () => {
    const t = await testApp();
    cleanups.push(() => t.close());
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    const trainee = await joinedTrainee(t.app, trainer);
    const first = await openSse(t.app, '/api/dashboard/live', { cookie: trainer.cookie });
    await first.waitFor(1);
    first.close();
    // The id the browser would send back: the ready event's, from the raw stream.
    const raw = await t.app.inject({ method: 'GET', url: '/api/dashboard/live', headers: { cookie: trainer.cookie }, payloadAsStream: true });
    const text = await new Promise<string>((resolve) => raw.stream().once('data', (c: Buffer) => resolve(c.toString())));
    raw.stream().destroy();
    const lastEventId = /^id: (.*)$/m.exec(text)![1]!;
    // While no stream is open, a session arrives (the server restarted, the Wi-Fi dropped).
    const id = crypto.randomUUID();
    expect((await t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}` }, payload: sessionBody({ id }) })).statusCode).toBe(201);
    const back = await openSse(t.app, '/api/dashboard/live', { cookie: trainer.cookie, 'last-event-id': lastEventId });
    await back.waitFor(2);
    expect(back.events.map((e) => e.event)).toEqual(['ready', 'session']);
    expect((back.events[1]!.data as { id: string }).id).toBe(id);
    back.close();
  });
});

describe('a full disk', () => {
  test('uploads get 503 with Retry-After, health says the server cannot store, and a trainer can still log in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-full-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const opened = await createDb({ dataDir: dir });
    cleanups.push(() => opened.db.destroy());
    let free = 0;
    let clock = 0;
    const storage = new StorageStatus({ dataDir: dir, freeBytes: () => free, now: () => (clock += 2000) });
    const catalog = await ScenarioCatalog.open(opened.db, readScenes(root));
    const app = await buildApp({ db: opened.db, catalog, sqliteFile: opened.location, storage, now: () => new Date('2026-11-26T09:00:10.000Z') });
    cleanups.push(() => app.close());
    // A restart on a full disk: the trainer logs in.
    const trainer = await organisationWithTrainer(app, opened.db, 'Atelier');
    const trainee = await joinedTrainee(app, trainer);
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ ok: false, canStore: false, reason: 'disk-full' });
    const upload = () => app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${trainee.token}` }, payload: sessionBody() });
    const refused = await upload();
    expect(refused.statusCode).toBe(503);
    expect(refused.headers['retry-after']).toBe('60');
    expect(refused.json()).toMatchObject({ error: 'storage-full' });
    expect(await opened.db.selectFrom('sessions').select('id').execute()).toEqual([]);
    // Room again: the same upload is stored and health is back.
    free = 10 * 1024 ** 3;
    expect((await upload()).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ ok: true, canStore: true });
  });

  test('SQLite saying the disk is full is a 503 with Retry-After, not a 500', async () => {
    const t = await testApp();
    cleanups.push(() => t.close());
    const trainer = await organisationWithTrainer(t.app, t.db, 'Atelier');
    // The database may not grow by a page: the next write fails with SQLITE_FULL.
    const pages = Number(Object.values((await sql.raw<Record<string, unknown>>('PRAGMA page_count').execute(t.db)).rows[0]!)[0]);
    await sql.raw(`PRAGMA max_page_count = ${pages}`).execute(t.db);
    // Groups until the file is full (the first few may fit in the free room of the last page).
    let res = await trainer.call('POST', '/api/groups', { name: 'x'.repeat(80) });
    for (let i = 0; i < 200 && res.statusCode === 201; i++) res = await trainer.call('POST', '/api/groups', { name: `${i}`.padEnd(80, 'x') });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.json()).toMatchObject({ error: 'storage-full' });
  });
});

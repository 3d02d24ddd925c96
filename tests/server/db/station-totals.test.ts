import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, test } from 'vitest';
import { competencies, score, type ScoreResult } from '../../../src/engine';
import { createDb } from '../../../src/server/db/create-db';
import { competencyColumns } from '../../../src/server/db/migration-event-log';
import { criticalColumns } from '../../../src/server/db/migration-station-totals';
import { migrationProvider } from '../../../src/server/db/migrations';
import type { Database } from '../../../src/server/db/schema';
import { fillStationTotals } from '../../../src/server/db/station-totals-fill';
import { storedLog, storedSession } from '../../../src/server/db/stored-session';
import { purgeExpired } from '../../../src/server/retention';
import { databaseKinds, freshPostgresSchema } from '../support/databases';
import { generateSessions } from '../support/generated-sessions';
import { joinedTrainee, login, organisationWithTrainer } from '../support/trainers';
import { idealEvents, sampleScenario, sessionBody, testApp } from '../test-app';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const noGlasses = [{ t: 500, action: 'press', object: 'start-button', device: 'desktop' as const }];
type Totals = Record<string, number>;

/** The running totals as stored, by trainee/station/mode; rows at 0 (every session deleted) must be all 0 and are left out. */
async function storedTotals(db: Kysely<Database>): Promise<Map<string, Totals>> {
  const rows = await db.selectFrom('station_totals').selectAll().execute();
  const out = new Map<string, Totals>();
  for (const r of rows) {
    const { trainee_id, scenario_id, mode, ...sums } = r as unknown as Record<string, string | number>;
    const numbers = Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, Number(v)]));
    if (numbers.attempts === 0) {
      expect(Object.values(numbers).every((v) => v === 0), `${trainee_id} ${scenario_id} ${mode} at 0 attempts`).toBe(true);
      continue;
    }
    out.set(`${trainee_id} ${scenario_id} ${mode}`, numbers);
  }
  return out;
}

/** The same totals recomputed from scratch: every session of a known trainee, its score details parsed. */
async function recomputed(db: Kysely<Database>): Promise<Map<string, Totals>> {
  const rows = await db
    .selectFrom('sessions as s')
    .innerJoin('trainees as t', 't.id', 's.trainee_id')
    .select(['s.trainee_id', 's.scenario_id', 's.mode', 's.score', 's.passed', (eb) => storedLog(eb, 'result_json')])
    .execute();
  const out = new Map<string, Totals>();
  for (const r of rows) {
    const result = JSON.parse(r.result_json) as ScoreResult;
    const key = `${r.trainee_id} ${r.scenario_id} ${r.mode}`;
    const t = out.get(key) ?? {};
    const add = (k: string, v: number) => (t[k] = (t[k] ?? 0) + v);
    const critical = result.violations.filter((v) => v.critical);
    add('attempts', 1);
    add('passed', r.passed);
    add('score_sum', r.score);
    add('failed_by_critical', critical.length > 0 ? 1 : 0);
    add('critical_violations', critical.length);
    add('violations', result.violations.length);
    for (const c of competencies) {
      const v = result.competencies[c];
      add(`${competencyColumns[c]}_sum`, v ?? 0);
      add(`${competencyColumns[c]}_n`, v === null ? 0 : 1);
      add(criticalColumns[c], critical.filter((x) => x.competency === c).length);
    }
    out.set(key, t);
  }
  return out;
}

async function expectTotalsRight(db: Kysely<Database>) {
  const [stored, fresh] = await Promise.all([storedTotals(db), recomputed(db)]);
  expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(fresh));
  return fresh;
}

describe.each(databaseKinds)('running totals per trainee and station on %s', (kind) => {
  test('equal a recomputation from the sessions after uploads, a retry, exams, critical violations, retention and an erase', async () => {
    let now = new Date('2026-11-27T07:00:00.000Z');
    const t = await testApp({ kind, now: () => now });
    cleanups.push(() => t.close());
    let trainer = await organisationWithTrainer(t.app, t.db, 'Totaal');
    const amina = await joinedTrainee(t.app, trainer, 'Amina');
    const bram = (await trainer.call('POST', `/api/groups/${amina.groupId}/trainees`, { alias: 'Bram' })).json();
    const bramToken = (await t.app.inject({ method: 'POST', url: '/api/join', payload: { code: bram.joinCode } })).json().token as string;
    now = new Date('2026-11-27T12:00:00.000Z');
    trainer = await login(t.app, trainer.organisationId, trainer.email, trainer.password);
    const upload = (token: string, body: object) => t.app.inject({ method: 'POST', url: '/api/sessions', headers: { authorization: `Bearer ${token}` }, payload: body });
    const at = (hour: number) => ({ startedAt: `2026-11-27T${String(hour).padStart(2, '0')}:00:00.000Z`, endedAt: `2026-11-27T${String(hour).padStart(2, '0')}:00:06.000Z` });
    // Through the route: a critical violation (no glasses), then the same upload again (a retry: counted once).
    const critical = sessionBody({ id: crypto.randomUUID(), events: noGlasses, clientScore: score(sampleScenario(), noGlasses, 'practice').total, ...at(8) });
    expect((await upload(amina.token, critical)).statusCode).toBe(201);
    expect((await upload(amina.token, critical)).statusCode).toBe(200);
    expect((await upload(bramToken, sessionBody({ id: crypto.randomUUID(), events: idealEvents, ...at(9) }))).statusCode).toBe(201);
    // Many more straight into the database, exam and practice (1 in 5 an exam), received 37 s apart around 1 August.
    const made = await generateSessions(t.db, { scenario: sampleScenario(), organisationId: trainer.organisationId, trainees: [amina.traineeId, bram.id], count: 1000, start: Date.parse('2026-08-01T08:00:00.000Z') - 500 * 37_000 });
    expect(made.count).toBe(1000);
    const fresh = await expectTotalsRight(t.db);
    // Both modes of the station for both trainees, and Amina's critical violation counted once.
    expect([...fresh.keys()].sort()).toEqual([`${amina.traineeId} wood-intro-workbench exam`, `${amina.traineeId} wood-intro-workbench practice`, `${bram.id} wood-intro-workbench exam`, `${bram.id} wood-intro-workbench practice`].sort());
    expect(fresh.get(`${amina.traineeId} wood-intro-workbench practice`)!.crit_safety).toBe(1);

    // The coaching view and the report read the totals: the same figures as the sessions give.
    const coaching = (await trainer.call('GET', `/api/dashboard/trainees/${amina.traineeId}/coaching`)).json();
    const all = [...fresh.values()];
    const sum = (k: string, of = all) => of.reduce((n, x) => n + x[k]!, 0);
    const hers = [...fresh.entries()].filter(([k]) => k.startsWith(amina.traineeId)).map(([, v]) => v);
    expect(coaching.stations[0].group).toEqual({ average: Math.round(sum('score_sum') / sum('attempts')), attempts: sum('attempts'), passed: sum('passed') });
    expect(coaching.stations[0].trainee).toMatchObject({ average: Math.round(sum('score_sum', hers) / sum('attempts', hers)), attempts: sum('attempts', hers), passed: sum('passed', hers) });
    expect(coaching.competencies.find((c: { competency: string }) => c.competency === 'safety')).toEqual({
      competency: 'safety',
      trainee: Math.round(sum('comp_safety_sum', hers) / sum('comp_safety_n', hers)),
      group: Math.round(sum('comp_safety_sum') / sum('comp_safety_n')),
      criticalViolations: 1,
    });
    const report = (await trainer.call('GET', `/api/dashboard/groups/${amina.groupId}/report`)).json();
    expect(report.stations).toEqual([{ scenarioId: 'wood-intro-workbench', average: Math.round(sum('score_sum') / sum('attempts')), attempts: sum('attempts'), passed: sum('passed'), trainees: 2 }]);
    expect(report.trainees.find((x: { id: string }) => x.id === amina.traineeId)).toMatchObject({ attempts: sum('attempts', hers), failedByCritical: 1, lastActivity: '2026-11-27T08:00:06.000Z' });

    // Retention deletes the older half (received before 1 August 08:00): the triggers take their share out.
    now = new Date(Date.parse('2026-08-01T08:00:00.000Z') + 120 * 24 * 60 * 60 * 1000);
    const purged = await purgeExpired(t.db, { retentionDays: 120, now });
    expect(purged.sessions).toBeGreaterThan(100);
    expect(purged.sessions).toBeLessThan(1000);
    await expectTotalsRight(t.db);
    // An erase leaves nothing of the trainee in the totals (the purge ended the trainer's idle session: sign in again).
    trainer = await login(t.app, trainer.organisationId, trainer.email, trainer.password);
    expect((await trainer.call('DELETE', `/api/trainees/${bram.id}`)).statusCode).toBe(200);
    expect(await t.db.selectFrom('station_totals').select('trainee_id').where('trainee_id', '=', bram.id).execute()).toEqual([]);
    await expectTotalsRight(t.db);
  }, 120_000);

  test('a database from before the totals is summed at start in trainee batches, can stop half way, and goes on at the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-totals-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const pgSchema = kind === 'postgres' ? await freshPostgresSchema() : null;
    if (pgSchema) cleanups.push(() => pgSchema.drop());
    const plain = () =>
      new Kysely<Database>({ dialect: pgSchema ? new PostgresDialect({ pool: new pg.Pool({ connectionString: pgSchema.url, max: 2 }) }) : new SqliteDialect({ database: new SQLite(join(dir, 'werkvloer.sqlite')) }) });
    const old = plain();
    expect((await new Migrator({ db: old, provider: migrationProvider }).migrateTo('2026-12-07-trainer-email-per-organisation')).error).toBeUndefined();
    await old.insertInto('organisations').values({ id: 'org-1', name: 'Atelier', created_at: '2026-01-01T00:00:00.000Z', country: 'BE' }).execute();
    await old.insertInto('groups').values({ id: 'group-1', organisation_id: 'org-1', name: 'Hout', created_at: '2026-01-01T00:00:00.000Z' }).execute();
    const trainees = Array.from({ length: 45 }, (_, i) => `trainee-${String(i).padStart(2, '0')}`);
    await old
      .insertInto('trainees')
      .values(trainees.map((id, i) => ({ id, organisation_id: 'org-1', group_id: 'group-1', code: `CODE-${i}`, alias: null, created_at: '2026-01-01T00:00:00.000Z' })))
      .execute();
    // Sessions as the release before stored them: no per-competency critical columns yet.
    const scenario = sampleScenario();
    const oldRow = <T extends object>(row: T) => Object.fromEntries(Object.entries(row).filter(([k]) => !k.startsWith('crit_'))) as T;
    await generateSessions(old, { scenario, organisationId: 'org-1', trainees, count: 900, sessionRow: oldRow });
    // And some with a critical violation, whose per-competency counts the fill reads from their score details.
    const result = score(scenario, noGlasses, 'exam');
    for (let i = 0; i < 30; i++) {
      const s = storedSession(
        { id: `critical-${i}`, scenario_id: scenario.id, scenario_version: scenario.version, scenario_hash: 'h', mode: 'exam', device: 'desktop', language: 'nl', started_at: '2026-03-01T08:00:00.000Z', ended_at: '2026-03-01T08:00:06.000Z', duration_ms: 6000, client_score: result.total, score: result.total, passed: 0, score_mismatch: 0, received_at: '2026-03-01T08:00:07.000Z', content_hash: null, organisation_id: 'org-1', trainee_id: trainees[i]! },
        result,
        JSON.stringify(noGlasses),
      );
      await old.insertInto('sessions').values(oldRow(s.session)).execute();
      await old.insertInto('session_events').values(s.events).execute();
      await old.insertInto('session_steps').values(s.steps).execute();
    }
    await old.destroy();

    // The new release: its migration, then the fill stops after its first batch (a crash, a Ctrl-C).
    const stop = () => {
      throw new Error('stopped');
    };
    const env = pgSchema ? { dataDir: '', databaseUrl: pgSchema.url } : { dataDir: dir };
    expect(await createDb({ ...env, onFillProgress: stop }).catch((e: Error) => e)).toBeInstanceOf(Error);
    const peek = plain();
    expect(await peek.selectFrom('station_totals_fill').select(['after', 'done']).executeTakeFirst()).toEqual({ after: 'trainee-19', done: 0 });
    const summed = await peek.selectFrom('station_totals').select('trainee_id').distinct().orderBy('trainee_id').execute();
    expect(summed.map((r) => r.trainee_id)).toEqual(trainees.slice(0, 20));
    await peek.destroy();

    const progress: number[] = [];
    const opened = await createDb({ ...env, onFillProgress: (p) => progress.push(p.trainees) });
    cleanups.push(() => opened.db.destroy());
    // The other 25 trainees, 20 then 5, then the closing report.
    expect(progress).toEqual([20, 25, 25]);
    const fresh = await expectTotalsRight(opened.db);
    expect([...fresh.values()].reduce((n, x) => n + x.attempts!, 0)).toBe(930);
    expect([...fresh.values()].reduce((n, x) => n + x.crit_safety!, 0)).toBe(30 * result.violations.filter((v) => v.critical && v.competency === 'safety').length);
    // Once done, a start reads one row and sums nothing.
    expect(await fillStationTotals(opened.db)).toBe(0);
  }, 120_000);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { createDb } from '../../src/server/db/create-db';
import { migrationProvider } from '../../src/server/db/migrations';
import type { Database } from '../../src/server/db/schema';
import { databaseKinds, freshPostgresSchema } from './support/databases';

/**
 * An upgrade: a database made by the first release (sessions only) holds a session; the new server
 * starts on it, runs every later migration once, and the session is still there.
 */
describe.each(databaseKinds)('migrations on %s', (kind) => {
  test('run on upgrade from the first release, keep the data, and run once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-migrate-'));
    const pgSchema = kind === 'postgres' ? await freshPostgresSchema() : null;
    const open = () =>
      new Kysely<Database>({
        dialect: pgSchema ? new PostgresDialect({ pool: new pg.Pool({ connectionString: pgSchema.url, max: 2 }) }) : new SqliteDialect({ database: new SQLite(join(dir, 'werkvloer.sqlite')) }),
      });
    try {
      const old = open();
      const first = await new Migrator({ db: old, provider: migrationProvider }).migrateTo('2026-11-26-001-sessions');
      expect(first.error).toBeUndefined();
      await old
        .insertInto('sessions')
        .values({
          id: '11111111-2222-4333-8444-555555555555',
          scenario_id: 'wood-intro-workbench',
          scenario_version: 1,
          scenario_hash: 'a'.repeat(64),
          mode: 'practice',
          device: 'desktop',
          language: 'nl',
          started_at: '2026-11-20T09:00:00.000Z',
          ended_at: '2026-11-20T09:00:06.000Z',
          duration_ms: 6000,
          events_json: '[]',
          client_score: 0,
          score: 0,
          passed: 0,
          score_mismatch: 0,
          result_json: '{}',
          received_at: '2026-11-20T09:00:07.000Z',
        } as never)
        .execute();
      await old.destroy();

      const all = Object.keys(await migrationProvider.getMigrations()).sort();
      const upgraded = await createDb(pgSchema ? { dataDir: '', databaseUrl: pgSchema.url } : { dataDir: dir });
      const applied = (await new Migrator({ db: upgraded.db, provider: migrationProvider }).getMigrations()).filter((m) => m.executedAt).map((m) => m.name);
      expect(applied).toEqual(all);
      const rows = await upgraded.db.selectFrom('sessions').select(['id', 'trainee_id', 'organisation_id', 'content_hash']).execute();
      expect(rows).toEqual([{ id: '11111111-2222-4333-8444-555555555555', trainee_id: null, organisation_id: null, content_hash: null }]);
      await upgraded.db.destroy();

      // A second start finds nothing to do.
      const again = await createDb(pgSchema ? { dataDir: '', databaseUrl: pgSchema.url } : { dataDir: dir });
      const { results } = await new Migrator({ db: again.db, provider: migrationProvider }).migrateToLatest();
      expect(results).toEqual([]);
      expect(await again.db.selectFrom('sessions').select('id').execute()).toHaveLength(1);
      await again.db.destroy();
    } finally {
      await pgSchema?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite durability settings', () => {
  test('WAL, synchronous=FULL, a busy timeout and foreign keys on every connection the server opens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-pragma-'));
    try {
      const opened = await createDb({ dataDir: dir });
      const one = async (pragma: string) => Object.values((await sql.raw<Record<string, unknown>>(`PRAGMA ${pragma}`).execute(opened.db)).rows[0]!)[0];
      expect(await one('journal_mode')).toBe('wal');
      expect(await one('synchronous')).toBe(2);
      expect(await one('busy_timeout')).toBe(5000);
      expect(await one('foreign_keys')).toBe(1);
      await opened.db.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { createDb } from '../../../src/server/db/create-db';
import { migrationProvider } from '../../../src/server/db/migrations';
import type { Database } from '../../../src/server/db/schema';
import { databaseKinds, freshPostgresSchema } from '../support/databases';

const at = '2026-12-06T09:00:00.000Z';

/**
 * The upgrade to addresses unique per organisation (issue 18 item 10): on SQLite the trainers table
 * is rebuilt; its rows and everything that points at them (sessions, recovery codes, reset links)
 * stay, foreign keys are on again and still cascade.
 */
describe.each(databaseKinds)('the trainer e-mail migration on %s', (kind) => {
  test('keeps trainers and what refers to them; the same address may join another organisation, not the same one twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-trainer-email-'));
    const pgSchema = kind === 'postgres' ? await freshPostgresSchema() : null;
    try {
      const old = new Kysely<Database>({
        dialect: pgSchema ? new PostgresDialect({ pool: new pg.Pool({ connectionString: pgSchema.url, max: 2 }) }) : new SqliteDialect({ database: new SQLite(join(dir, 'werkvloer.sqlite')) }),
      });
      const before = await new Migrator({ db: old, provider: migrationProvider }).migrateTo('2026-12-06-xapi-forwarding');
      expect(before.error).toBeUndefined();
      for (const id of ['org-a', 'org-b']) await old.insertInto('organisations').values({ id, name: id, country: 'BE', created_at: at } as never).execute();
      await old.insertInto('trainers').values({ id: 'kim-a', organisation_id: 'org-a', email: 'kim@shared.test', password_hash: 'h', role: 'admin', created_at: at, totp_secret: 'sealed', totp_last_step: 7 } as never).execute();
      await old.insertInto('trainer_sessions').values({ token_hash: 's1', trainer_id: 'kim-a', csrf_token: 'c', created_at: at, last_seen_at: at }).execute();
      await old.insertInto('trainer_recovery_codes').values({ code_hash: 'r1', trainer_id: 'kim-a', created_at: at }).execute();
      await old.insertInto('password_resets').values({ token_hash: 'p1', trainer_id: 'kim-a', expires_at: at, created_at: at }).execute();
      // Before: one account per address, whatever the organisation.
      await expect(old.insertInto('trainers').values({ id: 'kim-b', organisation_id: 'org-b', email: 'kim@shared.test', password_hash: 'h', role: 'trainer', created_at: at }).execute()).rejects.toThrow();
      await old.destroy();

      const upgraded = await createDb(pgSchema ? { dataDir: '', databaseUrl: pgSchema.url } : { dataDir: dir });
      const db = upgraded.db;
      expect(await db.selectFrom('trainers').select(['id', 'organisation_id', 'email', 'totp_secret', 'totp_last_step']).execute()).toEqual([
        { id: 'kim-a', organisation_id: 'org-a', email: 'kim@shared.test', totp_secret: 'sealed', totp_last_step: 7 },
      ]);
      expect(await db.selectFrom('trainer_sessions').select('token_hash').execute()).toHaveLength(1);
      expect(await db.selectFrom('trainer_recovery_codes').select('code_hash').execute()).toHaveLength(1);
      expect(await db.selectFrom('password_resets').select('token_hash').execute()).toHaveLength(1);
      if (kind === 'sqlite') expect((await sql.raw<{ foreign_keys: number }>('PRAGMA foreign_keys').execute(db)).rows[0]?.foreign_keys).toBe(1);

      await db.insertInto('trainers').values({ id: 'kim-b', organisation_id: 'org-b', email: 'kim@shared.test', password_hash: 'h', role: 'trainer', created_at: at }).execute();
      await expect(db.insertInto('trainers').values({ id: 'kim-b2', organisation_id: 'org-b', email: 'kim@shared.test', password_hash: 'h', role: 'trainer', created_at: at }).execute()).rejects.toThrow();
      // A trainer that does not exist is still refused (the references point at the new table)…
      await expect(db.insertInto('trainer_sessions').values({ token_hash: 's2', trainer_id: 'nobody', csrf_token: 'c', created_at: at, last_seen_at: at }).execute()).rejects.toThrow();
      // …and removing a trainer still takes their sessions and codes with them.
      await db.deleteFrom('trainer_sessions').where('trainer_id', '=', 'kim-a').execute();
      await db.deleteFrom('trainers').where('id', '=', 'kim-a').execute();
      expect(await db.selectFrom('trainer_recovery_codes').select('code_hash').execute()).toEqual([]);
      expect(await db.selectFrom('password_resets').select('token_hash').execute()).toEqual([]);
      await db.destroy();
    } finally {
      await pgSchema?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

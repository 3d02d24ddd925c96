import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { cachingStatements } from '../sqlite-statements';
import { migrationProvider } from './migrations';
import type { Database } from './schema';

export type DbKind = 'sqlite' | 'postgres';

export interface OpenedDb {
  db: Kysely<Database>;
  kind: DbKind;
  /** Where the data lives, for the start-up message (never the password). */
  location: string;
}

/** Which engine a Kysely instance speaks to, for /api/health. */
export function dbKindOf(db: Kysely<Database>): DbKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** SQLite in a file by default; PostgreSQL when a connection URL is given (shared by many instances). */
export async function createDb(opts: { dataDir: string; databaseUrl?: string }): Promise<OpenedDb> {
  let opened: OpenedDb;
  if (opts.databaseUrl) {
    const url = new URL(opts.databaseUrl);
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    opened = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgres', location: `${url.hostname}:${url.port || 5432}${url.pathname}` };
  } else {
    mkdirSync(opts.dataDir, { recursive: true });
    const file = join(opts.dataDir, 'werkvloer.sqlite');
    const sqlite = new SQLite(file);
    // WAL with full sync: a result acknowledged to a headset survives a power cut.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    opened = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) }), kind: 'sqlite', location: file };
  }
  const { error, results } = await new Migrator({ db: opened.db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    await opened.db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return opened;
}

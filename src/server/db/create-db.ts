import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { cachingStatements } from '../sqlite-statements';
import { migrationProvider } from './migrations';
import { moveEventLogs, type MoveProgress } from './event-log-move';
import { fillStationTotals, type FillProgress } from './station-totals-fill';
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

let lastPoolWarning = 0;
function defaultPoolError(error: Error) {
  // Once a minute at most: a database restart drops every idle connection at once.
  if (Date.now() - lastPoolWarning < 60_000) return;
  lastPoolWarning = Date.now();
  console.error(`werkvloer: a database connection was lost (${error.message}); reconnecting on the next request`);
}

/** Connections of an instance's pool for uploads and everything else but dashboard reads. */
export const postgresPoolSize = 10;
/** Connections of an instance's own pool for dashboard reads (`postgresReadDb`). */
export const postgresReadPoolSize = 4;

function postgresPool(databaseUrl: string, max: number, onPoolError?: (error: Error) => void): pg.Pool {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    // A database that is away fails a request within seconds (503, Retry-After) instead of holding it.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // Without a listener, an idle connection's error (a restart, a failover, pg_terminate_backend)
  // is an uncaught 'error' event and ends the process; the pool drops that client and connects anew.
  pool.on('error', (error) => (onPoolError ?? defaultPoolError)(error));
  // A checked-out client (inside a transaction, between two statements) gets the same error as an
  // event of its own, which the pool does not listen to while the client is out: listen for the
  // client's whole life. The statement in flight fails (503), and the pool drops the broken client.
  pool.on('connect', (client) => client.on('error', (error) => (onPoolError ?? defaultPoolError)(error)));
  return pool;
}

/**
 * Dashboard reads on PostgreSQL through a pool of their own (issue 17): ten trainers clicking
 * through aggregates held most of the one shared pool, and every upload's token lookup and batch
 * commit queued behind their queries. Uploads keep `postgresPoolSize` connections whatever trainers do.
 */
export function postgresReadDb(databaseUrl: string, onPoolError?: (error: Error) => void): Kysely<Database> {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: postgresPool(databaseUrl, postgresReadPoolSize, onPoolError) }) });
}

/** SQLite in a file by default; PostgreSQL when a connection URL is given (shared by many instances). */
export async function createDb(opts: {
  dataDir: string;
  databaseUrl?: string;
  onPoolError?: (error: Error) => void;
  /** Told how the one-time move of old event logs goes (issue 17); nothing when there is nothing to move. */
  onMoveProgress?: (p: MoveProgress) => void;
  /** Told how the one-time summing of old sessions into the running totals goes; nothing when done before. */
  onFillProgress?: (p: FillProgress) => void;
}): Promise<OpenedDb> {
  let opened: OpenedDb;
  if (opts.databaseUrl) {
    const url = new URL(opts.databaseUrl);
    const pool = postgresPool(opts.databaseUrl, postgresPoolSize, opts.onPoolError);
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
  // Rows stored before the event log had its own table are moved before the server answers:
  // batched and resumable, with progress and the time left (docs/operations.md).
  await moveEventLogs(opened.db, { onProgress: opts.onMoveProgress });
  // Then the running totals of the coaching views are summed from the sessions stored before them (same rules).
  await fillStationTotals(opened.db, { onProgress: opts.onFillProgress });
  return opened;
}

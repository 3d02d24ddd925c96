import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { DbKind } from './db/create-db';
import { purgeExpired, type PurgeCounts } from './retention';

export interface CheckpointResult {
  /** 1 when a reader or writer kept the checkpoint from finishing (it is tried again next time). */
  busy: number;
  /** Pages in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

/**
 * Copies the SQLite WAL into the database file without blocking writers (PASSIVE). SQLite does this
 * by itself after 1000 pages of commits; a quiet server (an evening with few uploads) would keep
 * committed pages only in the WAL for days, and a backup or a copied file would need both files.
 */
export async function checkpointSqlite(db: Kysely<Database>): Promise<CheckpointResult> {
  const { rows } = await sql<CheckpointResult>`PRAGMA wal_checkpoint(PASSIVE)`.execute(db);
  const r = rows[0];
  if (!r) throw new Error('wal_checkpoint gave no answer');
  return { busy: Number(r.busy), log: Number(r.log), checkpointed: Number(r.checkpointed) };
}

export interface MaintenanceOptions {
  db: Kysely<Database>;
  kind: DbKind;
  retentionDays: number | null;
  /** POSE_RETENTION_DAYS: a session's poses are deleted sooner than the session (null: with it). */
  poseRetentionDays?: number | null;
  now?: () => Date;
  checkpointEveryMs?: number;
  purgeEveryMs?: number;
  /** Where a failed run is reported; the next run tries again. */
  onError?: (what: string, error: unknown) => void;
  onPurge?: (counts: PurgeCounts) => void;
}

/**
 * The server's timers: a WAL checkpoint every minute on SQLite, the retention purge every hour (and
 * once at start). With several instances on PostgreSQL each runs the purge: the deletes are
 * idempotent, so that costs a little work and nothing else. Timers never keep the process alive.
 */
export function startMaintenance(opts: MaintenanceOptions): { stop(): void; purgeNow(): Promise<PurgeCounts> } {
  const now = opts.now ?? (() => new Date());
  const onError = opts.onError ?? (() => undefined);
  const purgeNow = async () => {
    const counts = await purgeExpired(opts.db, { retentionDays: opts.retentionDays, poseRetentionDays: opts.poseRetentionDays ?? null, now: now() });
    opts.onPurge?.(counts);
    return counts;
  };
  const runPurge = () => void purgeNow().catch((e: unknown) => onError('retention purge', e));
  const timers: NodeJS.Timeout[] = [setInterval(runPurge, opts.purgeEveryMs ?? 60 * 60 * 1000)];
  if (opts.kind === 'sqlite') {
    timers.push(setInterval(() => void checkpointSqlite(opts.db).catch((e: unknown) => onError('WAL checkpoint', e)), opts.checkpointEveryMs ?? 60 * 1000));
  }
  for (const t of timers) t.unref();
  runPurge();
  return {
    stop: () => timers.forEach((t) => clearInterval(t)),
    purgeNow,
  };
}

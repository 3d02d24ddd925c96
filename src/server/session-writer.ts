import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { StoredSession } from './db/stored-session';
import type { TokenTouch } from './auth/trainee-tokens';

interface Pending {
  row: StoredSession;
  touch: TokenTouch | null;
  resolve(inserted: boolean): void;
  reject(error: unknown): void;
}

/**
 * Stores upload rows; true when this call stored the row (false: its id was there already). `touch`
 * (the headset token's last use) is written in the same transaction, and only with a first store.
 */
export interface UploadWriter {
  insert(row: StoredSession, touch?: TokenTouch | null): Promise<boolean>;
  close(): Promise<void>;
  readonly stats: { batches: number; rows: number };
}

/**
 * Group commit for uploads through Kysely: PostgreSQL, and SQLite when no file is given (SQLite
 * servers use SqliteSessionWriter's thread). Uploads that arrive together are written in one
 * transaction, one wait for the disk for all of them, and each is answered only after that commit.
 * A quiet server writes each upload alone, at once (the batch is whatever queued during the
 * previous commit). If a batch fails, its rows are retried one by one, so one bad row fails only
 * its own request.
 */
export class SessionWriter implements UploadWriter {
  private queue: Pending[] = [];
  private running = false;
  /** Transactions written and rows offered, for tests and the benchmark. */
  readonly stats = { batches: 0, rows: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 100,
  ) {}

  private closed = false;

  /** Waits for the uploads in hand to be written; later uploads are refused. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running) await new Promise((r) => setTimeout(r, 5));
  }

  /** Inserts the row unless its id exists; true when this call stored it. */
  insert(row: StoredSession, touch: TokenTouch | null = null): Promise<boolean> {
    if (this.closed) return Promise.reject(new Error('the session writer is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ row, touch, resolve, reject });
      if (!this.running) {
        this.running = true;
        // One turn of the event loop: uploads parsed in the same turn join the first batch.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        try {
          const inserted = await this.write(batch);
          batch.forEach((p, i) => p.resolve(inserted[i]!));
        } catch {
          for (const p of batch) await this.write([p]).then(([inserted]) => p.resolve(inserted!), p.reject);
        }
      }
    } finally {
      this.running = false;
    }
  }

  /** One multi-row statement per batch; RETURNING names the rows that were new. */
  private write(batch: Pending[]): Promise<boolean[]> {
    const rows = batch.map((p) => p.row);
    this.stats.batches++;
    this.stats.rows += rows.length;
    return this.db.transaction().execute(async (tx) => {
      // A concurrent retry of the same id (in this batch or from another instance): the primary key decides.
      const stored = await tx
        .insertInto('sessions')
        .values(rows.map((r) => r.session))
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .execute();
      const fresh = new Set(stored.map((r) => r.id));
      // Two uploads of one id in the same batch: the first one written is the one stored.
      const inserted = rows.map((row) => fresh.delete(row.session.id));
      const written = rows.filter((_, i) => inserted[i]);
      if (written.length > 0) {
        await tx.insertInto('session_events').values(written.map((r) => r.events)).execute();
        const steps = written.flatMap((r) => r.steps);
        // A multi-row insert has at most 65,535 parameters on PostgreSQL: 7 per step row.
        for (let i = 0; i < steps.length; i += 5000) await tx.insertInto('session_steps').values(steps.slice(i, i + 5000)).execute();
        const poses = written.flatMap((r) => (r.poses ? [r.poses] : []));
        for (const p of poses) await tx.insertInto('session_poses').values(p).execute();
        // One headset's token once, whatever number of its uploads the batch holds.
        const touches = new Map<string, string>();
        batch.forEach((p, i) => inserted[i] && p.touch && touches.set(p.touch.tokenHash, p.touch.at));
        for (const [hash, at] of touches) await tx.updateTable('trainee_tokens').set({ last_used_at: at }).where('token_hash', '=', hash).execute();
      }
      return inserted;
    });
  }
}

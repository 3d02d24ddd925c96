import { Worker } from 'node:worker_threads';
import type { StoredSession } from './db/stored-session';
import type { TokenTouch } from './auth/trainee-tokens';
import type { UploadWriter } from './session-writer';

type Result = boolean | { error: string; code?: string };

interface Pending {
  row: StoredSession;
  touch: TokenTouch | null;
  resolve(inserted: boolean): void;
  reject(error: unknown): void;
}

/**
 * Group commit for SQLite on its own thread. better-sqlite3 is synchronous: a commit with
 * synchronous=FULL waits for the disk (milliseconds on a busy one) and, on the thread that
 * answers requests, nothing else would run meanwhile. Here the uploads are written by a worker
 * thread with its own connection; each batch is whatever queued while the previous one was being
 * written, one transaction and one fsync for all, and each upload is answered after its commit.
 */
export class SqliteSessionWriter implements UploadWriter {
  private readonly worker: Worker;
  private queue: Pending[] = [];
  private inFlight: { id: number; batch: Pending[] } | null = null;
  private nextId = 1;
  private closed = false;
  readonly stats = { batches: 0, rows: 0 };

  constructor(
    file: string,
    private readonly maxBatch = 200,
  ) {
    this.worker = new Worker(new URL('./sqlite-writer-worker.mjs', import.meta.url), { workerData: { file } });
    this.worker.on('message', (m: { type: string; id?: number; results?: Result[] }) => {
      if (m.type !== 'done' || !this.inFlight || m.id !== this.inFlight.id) return;
      const { batch } = this.inFlight;
      this.inFlight = null;
      batch.forEach((p, i) => {
        const r = m.results![i];
        if (typeof r === 'boolean') p.resolve(r);
        else p.reject(Object.assign(new Error(`storing session ${String(p.row.session.id)} failed: ${r?.error ?? 'no answer'}`), { code: r?.code }));
      });
      this.send();
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`the session writer thread stopped (exit code ${code})`)));
  }

  insert(row: StoredSession, touch: TokenTouch | null = null): Promise<boolean> {
    if (this.closed) return Promise.reject(new Error('the session writer is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ row, touch, resolve, reject });
      this.send();
    });
  }

  private send() {
    if (this.inFlight || this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.inFlight = { id: this.nextId++, batch };
    this.stats.batches++;
    this.stats.rows += batch.length;
    this.worker.postMessage({ type: 'write', id: this.inFlight.id, rows: batch.map((p) => (p.touch ? { ...p.row, touch: p.touch } : p.row)) });
  }

  private failAll(error: unknown) {
    const waiting = [...(this.inFlight?.batch ?? []), ...this.queue];
    this.inFlight = null;
    this.queue = [];
    for (const p of waiting) p.reject(error);
  }

  /** Waits for the uploads in hand to be written, then closes the thread's connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.inFlight || this.queue.length > 0) await new Promise((r) => setTimeout(r, 5));
    const closed = new Promise<void>((resolve) => this.worker.once('message', () => resolve()));
    this.worker.postMessage({ type: 'close' });
    await closed;
    await this.worker.terminate();
  }
}

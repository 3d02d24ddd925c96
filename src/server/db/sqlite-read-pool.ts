import { Worker } from 'node:worker_threads';
import {
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Database } from './schema';

interface Waiting {
  resolve(rows: unknown[]): void;
  reject(error: unknown): void;
}

/** One reader thread: queries are answered in the order sent. */
class Reader {
  readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(file: string) {
    this.worker = new Worker(new URL('./sqlite-reader-worker.mjs', import.meta.url), { workerData: { file } });
    this.worker.on('message', (m: { type: string; id: number; rows?: unknown[]; message?: string; code?: string }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.type === 'rows') w.resolve(m.rows ?? []);
      else w.reject(Object.assign(new Error(m.message ?? 'read failed'), { code: m.code }));
    });
    const failAll = (error: unknown) => {
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', (code) => failAll(new Error(`a SQLite reader thread stopped (exit code ${code})`)));
    // Idle readers never keep the process alive.
    this.worker.unref();
  }

  get load(): number {
    return this.waiting.size;
  }

  query(sql: string, parameters: readonly unknown[]): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, parameters });
    });
  }

  async close() {
    const closed = new Promise<void>((resolve) => this.worker.once('message', () => resolve()));
    this.worker.postMessage({ type: 'close' });
    await Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]);
    await this.worker.terminate();
  }
}

class ReaderConnection implements DatabaseConnection {
  constructor(private readonly readers: readonly Reader[]) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // The least busy thread: one slow export does not hold the list behind it.
    const reader = this.readers.reduce((a, b) => (b.load < a.load ? b : a));
    const rows = await reader.query(compiled.sql, compiled.parameters);
    return { rows: rows as R[] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the SQLite read pool answers whole (bounded) queries; page with a keyset instead');
  }
}

class ReadPoolDriver implements Driver {
  private readonly readers: Reader[] = [];
  private readonly connection = new ReaderConnection(this.readers);

  constructor(
    private readonly file: string,
    private readonly threads: number,
  ) {}

  // Threads start at the first read, not when the pool is made: Kysely only destroys a driver it
  // has initialised, so threads started earlier outlived a server that never read (and kept the
  // database open after it closed).
  async init() {
    for (let i = 0; i < this.threads; i++) this.readers.push(new Reader(this.file));
  }
  async acquireConnection() {
    return this.connection;
  }
  async beginTransaction() {
    throw new Error('the SQLite read pool does not write');
  }
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {
    await Promise.all(this.readers.map((r) => r.close()));
  }
}

/**
 * Dashboard reads on SQLite, off the thread that answers uploads (issue 17): Kysely over read-only
 * connections on worker threads. better-sqlite3 is synchronous, so a read of a second on the main
 * connection would stop every upload for that second; here it stops one reader thread only.
 * Two threads by default (the machines this runs on have two to four cores).
 */
export function sqliteReadPool(file: string, threads = 2): Kysely<Database> {
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ReadPoolDriver(file, threads),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db) => new SqliteIntrospector(db),
  };
  return new Kysely<Database>({ dialect });
}

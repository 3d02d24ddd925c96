// A read-only SQLite connection on its own thread (see sqlite-read-pool.ts). Plain JavaScript so
// it runs the same under tsx, vitest and node. A long dashboard read blocks this thread only; the
// thread that answers uploads goes on. WAL lets it read while the writer thread commits.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const db = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// Bounded memory per reader: a page cache of about 16 MB, whatever the database size.
db.pragma('cache_size = -16000');

const statements = new Map();
function prepare(sql) {
  let stmt = statements.get(sql);
  if (!stmt) {
    if (statements.size >= 500) statements.clear();
    stmt = db.prepare(sql);
    statements.set(sql, stmt);
  }
  return stmt;
}

parentPort.on('message', (message) => {
  if (message.type === 'close') {
    db.close();
    parentPort.postMessage({ type: 'closed' });
    return;
  }
  const { id, sql, parameters } = message;
  try {
    const stmt = prepare(sql);
    if (!stmt.reader) throw new Error('the read connection only reads');
    parentPort.postMessage({ type: 'rows', id, rows: stmt.all(parameters) });
  } catch (error) {
    parentPort.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error), code: error && typeof error.code === 'string' ? error.code : undefined });
  }
});

// A read-only SQLite connection on its own thread (see sqlite-read-pool.ts). Plain JavaScript so
// it runs the same under tsx, vitest and node. A long dashboard read blocks this thread only; the
// thread that answers uploads goes on. WAL lets it read while the writer thread commits.
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

// Trainer reads yield the CPU to uploads when both want it: ten trainers clicking without pause
// otherwise keep both reader threads busy and starve the threads that take headsets' results. On
// Linux a thread has its own nice value (this thread's id from /proc/thread-self); elsewhere the
// readers keep the process's priority. A read waits at most for what uploads use, never forever.
try {
  const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 5));
} catch {
  // No /proc, or not allowed: the same priority as the rest of the server.
}

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

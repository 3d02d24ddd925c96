// The SQLite session writer's thread (see sqlite-session-writer.ts). Plain JavaScript so it runs the
// same under tsx, vitest and node. It owns one connection with the server's durability settings and
// writes each batch of uploads in one transaction; the fsync of the commit blocks this thread, never
// the one that answers requests.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const db = new SQLite(workerData.file, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');

/** One prepared insert per column list (the rows of a server all have the same columns). */
const statements = new Map();
function insertFor(columns) {
  const key = columns.join(',');
  let stmt = statements.get(key);
  if (!stmt) {
    const names = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
    stmt = db.prepare(`insert into "sessions" (${names}) values (${columns.map(() => '?').join(', ')}) on conflict ("id") do nothing`);
    statements.set(key, stmt);
  }
  return stmt;
}

const writeBatch = db.transaction((rows) =>
  rows.map((row) => {
    const columns = Object.keys(row);
    return insertFor(columns).run(columns.map((c) => row[c])).changes === 1;
  }),
);

parentPort.on('message', (message) => {
  if (message.type === 'close') {
    db.close();
    parentPort.postMessage({ type: 'closed' });
    return;
  }
  const { id, rows } = message;
  try {
    parentPort.postMessage({ type: 'done', id, results: writeBatch(rows) });
  } catch {
    // One bad row must not fail the others: write them one by one, each in its own transaction.
    const results = rows.map((row) => {
      try {
        return writeBatch([row])[0];
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    });
    parentPort.postMessage({ type: 'done', id, results });
  }
});

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

/** One prepared insert per table and column list (the rows of a server all have the same columns). */
const statements = new Map();
function insertFor(table, columns, conflict) {
  const key = `${table}:${columns.join(',')}`;
  let stmt = statements.get(key);
  if (!stmt) {
    const names = columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
    stmt = db.prepare(`insert into "${table}" (${names}) values (${columns.map(() => '?').join(', ')})${conflict}`);
    statements.set(key, stmt);
  }
  return stmt;
}
const insertRow = (table, row, conflict = '') => {
  const columns = Object.keys(row);
  return insertFor(table, columns, conflict).run(columns.map((c) => row[c])).changes === 1;
};

// A stored session is three parts (see src/server/db/stored-session.ts): the narrow row, its event
// log, each step's outcome (and its poses, when sent). Only a first store writes the last two; a retry's row is refused by the key.
// The headset token's last use goes in the same transaction: on this thread, not as a write of the
// thread that answers requests, which would wait (busy_timeout) for this thread's commits.
const touchToken = db.prepare('update "trainee_tokens" set "last_used_at" = ? where "token_hash" = ?');
const writeBatch = db.transaction((uploads) =>
  uploads.map(({ session, events, steps, poses, touch }) => {
    if (!insertRow('sessions', session, ' on conflict ("id") do nothing')) return false;
    insertRow('session_events', events);
    for (const step of steps) insertRow('session_steps', step);
    if (poses) insertRow('session_poses', poses);
    if (touch) touchToken.run(touch.at, touch.tokenHash);
    return true;
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
        return { error: error instanceof Error ? error.message : String(error), code: error && typeof error.code === 'string' ? error.code : undefined };
      }
    });
    parentPort.postMessage({ type: 'done', id, results });
  }
});

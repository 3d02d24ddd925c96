import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { sqliteReadPool } from '../../../src/server/db/sqlite-read-pool';

/** The nice value of each of this process's threads (Linux: field 19 of /proc/<pid>/task/<tid>/stat). */
function niceValues(): number[] {
  return readdirSync(`/proc/${process.pid}/task`).map((tid) => Number(readFileSync(`/proc/${process.pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
}

describe.runIf(process.platform === 'linux')('the SQLite read pool', () => {
  test('its reader threads run at a lower priority than the rest of the server, so trainer reads yield to uploads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-readers-'));
    const file = join(dir, 'werkvloer.sqlite');
    new SQLite(file).close();
    const before = niceValues();
    const own = Math.min(...before);
    const db = sqliteReadPool(file, 2);
    try {
      // A read answers: both threads are up once each has answered one.
      await Promise.all([sql`select 1`.execute(db), sql`select 2`.execute(db)]);
      const after = niceValues();
      expect(after.filter((n) => n === own + 5)).toHaveLength(before.filter((n) => n === own + 5).length + 2);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a server that closes leaves no reader thread behind, whether or not it ever read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-readers-'));
    const file = join(dir, 'werkvloer.sqlite');
    new SQLite(file).close();
    const readers = () => niceValues().filter((n) => n === Math.min(...niceValues()) + 5).length;
    const before = readers();
    try {
      const unread = sqliteReadPool(file, 2);
      await unread.destroy();
      expect(readers()).toBe(before);
      const read = sqliteReadPool(file, 2);
      await Promise.all([sql`select 1`.execute(read), sql`select 2`.execute(read)]);
      expect(readers()).toBe(before + 2);
      await read.destroy();
      expect(readers()).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

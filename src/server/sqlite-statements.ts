import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; the server runs the same few statements
 * thousands of times (an upload is one select and one insert), so prepared statements are kept by
 * their SQL. One connection runs one statement at a time, which is what makes sharing them safe.
 * Bounded: past `max` different statements the cache starts over.
 */
export function cachingStatements(db: Database.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      let stmt = cache.get(sql);
      if (!stmt) {
        if (cache.size >= max) cache.clear();
        stmt = db.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

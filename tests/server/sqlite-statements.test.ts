import SQLite from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { cachingStatements } from '../../src/server/sqlite-statements';

describe('prepared statements kept by SQL', () => {
  test('the same SQL gets the same statement; past the bound the cache starts over', () => {
    const raw = new SQLite(':memory:');
    const db = cachingStatements(raw, 3);
    db.prepare('create table t (x integer)').run([]);
    const insert = db.prepare('insert into t (x) values (?)');
    expect(db.prepare('insert into t (x) values (?)')).toBe(insert);
    insert.run([1]);
    insert.run([2]);
    expect(db.prepare('select count(*) as n from t').all([])).toEqual([{ n: 2 }]);
    db.prepare('select 1');
    // Four different statements with a bound of three: the insert was dropped and is prepared anew.
    expect(db.prepare('insert into t (x) values (?)')).not.toBe(insert);
    db.close();
    expect(raw.open).toBe(false);
  });
});

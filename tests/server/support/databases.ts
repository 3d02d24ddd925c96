import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export type TestDbKind = 'sqlite' | 'postgres';

/** Every server test that touches the database runs once per engine. */
export const databaseKinds: TestDbKind[] = ['sqlite', 'postgres'];

/**
 * A fresh, empty PostgreSQL schema for one test: cheaper than a database per test, and the
 * connection's search_path makes every unqualified table (migrations included) land in it.
 */
export async function freshPostgresSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = inject('postgresUrl');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/server/db/schema';

/** Every table of the database (migration bookkeeping aside), in the current schema. */
export async function tableNames(db: Kysely<Database>, kind: 'sqlite' | 'postgres'): Promise<string[]> {
  const { rows } =
    kind === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name`.execute(db);
  return rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_'));
}

/**
 * The whole database as text, table by table with rows in a stable order: "unchanged" means this
 * string is the same, and "erased" means an id appears nowhere in it.
 */
export async function dumpDatabase(db: Kysely<Database>, kind: 'sqlite' | 'postgres'): Promise<string> {
  const out: string[] = [];
  for (const table of await tableNames(db, kind)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).sort();
    out.push(`# ${table} (${rows.length})`, ...lines);
  }
  return out.join('\n');
}

/**
 * A digest of every table's rows, computed by the database (PostgreSQL): the same as comparing
 * dumps, without sending every row to the test for each of hundreds of requests.
 */
export async function digestDatabase(db: Kysely<Database>, tables: string[]): Promise<string> {
  const parts = tables.map((table) => sql`(select count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from ${sql.table(table)} x)`);
  const { rows } = await sql<{ digest: string }>`select concat_ws(',', ${sql.join(parts)}) as digest`.execute(db);
  return rows[0]!.digest;
}

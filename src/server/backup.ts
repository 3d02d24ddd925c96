import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

export interface BackupResult {
  file: string;
  bytes: number;
  /** Sessions in the copy: a quick sign that it holds what it should. */
  sessions: number;
}

/** `werkvloer-2026-11-26T22-35-07Z`: sorts by time, and is a valid file name everywhere. */
export function backupName(now: Date): string {
  return `werkvloer-${now.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}`;
}

/**
 * A consistent copy of the live SQLite database through SQLite's online backup API (better-sqlite3
 * `.backup()`): the server keeps running and uploading meanwhile, and the copy is one self-contained
 * file (no -wal beside it). The copy is opened and checked before it is called a backup.
 */
export async function backupSqlite(dataDir: string, now = new Date()): Promise<BackupResult> {
  const source = join(dataDir, 'werkvloer.sqlite');
  if (!existsSync(source)) throw new Error(`no database at ${source}: is DATA_DIR right?`);
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${backupName(now)}.sqlite`);
  if (existsSync(file)) throw new Error(`${file} exists already; wait a second and try again`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(file);
  } finally {
    db.close();
  }
  const copy = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the copy ${file} failed its integrity check: ${String(check)}`);
    const sessions = (copy.prepare('select count(*) as n from sessions').get() as { n: number }).n;
    return { file, bytes: statSync(file).size, sessions };
  } finally {
    copy.close();
  }
}

/** pg_dump from PATH, else the newest one from the Debian packages (it must not be older than the server). */
export function findPgDump(): string | null {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'pg_dump')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin', 'pg_dump');
  }
  const r = spawnSync('pg_dump', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? 'pg_dump' : null;
}

/** PostgreSQL: `pg_dump --format=custom` into the same folder, for `pg_restore` (docs/operations.md). */
export function backupPostgres(databaseUrl: string, dataDir: string, now = new Date()): BackupResult {
  const pgDump = findPgDump();
  if (!pgDump) throw new Error('pg_dump not found: install the Debian package postgresql-client (the same major version as the server, or newer)');
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${backupName(now)}.pgdump`);
  const r = spawnSync(pgDump, ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${databaseUrl}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_dump failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
  return { file, bytes: statSync(file).size, sessions: -1 };
}

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { backupName, findPgDump } from '../../src/server/backup';
import { buildApp } from '../../src/server/app';
import { createDb } from '../../src/server/db/create-db';
import { ScenarioCatalog, readScenes } from '../../src/server/scenario-catalog';
import { startServerProcess } from './support/server-process';
import { root, sessionBody } from './test-app';

/** The script as `npm run backup` runs it; asynchronous, so uploads in this process go on meanwhile. */
function runBackup(env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], { cwd: root, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run backup', () => {
  const dirs: string[] = [];
  const tmp = (name: string) => {
    const d = mkdtempSync(join(tmpdir(), `werkvloer-${name}-`));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  test('names backups by time, sortable and valid as a file name', () => {
    expect(backupName(new Date('2026-11-26T22:35:07.123Z'))).toBe('werkvloer-2026-11-26T22-35-07Z');
  });

  test('SQLite: a copy taken while the server uploads holds every session acknowledged before it, and restores by copying the file back', async () => {
    const dataDir = tmp('backup');
    const server = await startServerProcess({ DATA_DIR: dataDir });
    const post = async () => {
      const id = crypto.randomUUID();
      const res = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sessionBody({ id })) });
      expect(res.status).toBe(201);
      return id;
    };
    let before: string[] = [];
    try {
      before = await Promise.all(Array.from({ length: 30 }, post));
      // Uploads go on while the backup runs: the backup API copies a consistent snapshot.
      let going = true;
      let duringCount = 0;
      const during = (async () => {
        while (going) {
          await post();
          duringCount++;
        }
      })();
      const r = await runBackup({ DATA_DIR: dataDir });
      going = false;
      await during;
      expect(duringCount).toBeGreaterThan(0);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/SQLite backup written: .*backups\/werkvloer-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.sqlite .*integrity check ok/);
    } finally {
      await server.stop();
    }
    const [file] = readdirSync(join(dataDir, 'backups'));
    expect(file).toMatch(/\.sqlite$/);

    // The documented restore: the server stopped, the copy becomes werkvloer.sqlite in an empty data folder.
    const restored = tmp('restored');
    copyFileSync(join(dataDir, 'backups', file!), join(restored, 'werkvloer.sqlite'));
    const opened = await createDb({ dataDir: restored });
    try {
      const ids = new Set((await opened.db.selectFrom('sessions').select('id').execute()).map((s) => s.id));
      expect(before.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      await opened.db.destroy();
    }
  }, 120_000);

  test('a missing database is a clear error, not an empty backup', async () => {
    const r = await runBackup({ DATA_DIR: tmp('empty') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no database at .*werkvloer\.sqlite/);
  });

  test('PostgreSQL: pg_dump into data/backups, and pg_restore into an empty database gives the same sessions', async () => {
    const pgDump = findPgDump();
    expect(pgDump, 'pg_dump (Debian package postgresql-client)').not.toBeNull();
    const base = inject('postgresUrl');
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const suffix = crypto.randomUUID().slice(0, 8);
    const names = [`werkvloer_src_${suffix}`, `werkvloer_dst_${suffix}`];
    for (const n of names) await admin.query(`create database ${n}`);
    const urlOf = (n: string) => {
      const u = new URL(base);
      u.pathname = `/${n}`;
      return u.toString();
    };
    try {
      const src = await createDb({ dataDir: '', databaseUrl: urlOf(names[0]!) });
      const app = await buildApp({ db: src.db, catalog: await ScenarioCatalog.open(src.db, readScenes(root)) });
      const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
      for (const id of ids) expect((await app.inject({ method: 'POST', url: '/api/sessions', payload: sessionBody({ id }) })).statusCode).toBe(201);
      await app.close();
      await src.db.destroy();

      const dataDir = tmp('pgbackup');
      const r = await runBackup({ DATA_DIR: dataDir, DATABASE_URL: urlOf(names[0]!) });
      expect(r.status, r.stderr).toBe(0);
      const [file] = readdirSync(join(dataDir, 'backups'));
      expect(file).toMatch(/^werkvloer-.*\.pgdump$/);
      const pgRestore = pgDump === 'pg_dump' ? 'pg_restore' : join(dirname(pgDump!), 'pg_restore');
      const restore = spawnSync(pgRestore, ['--no-owner', `--dbname=${urlOf(names[1]!)}`, join(dataDir, 'backups', file!)], { encoding: 'utf8' });
      expect(restore.status, restore.stderr).toBe(0);
      const dst = await createDb({ dataDir: '', databaseUrl: urlOf(names[1]!) });
      expect((await dst.db.selectFrom('sessions').select('id').execute()).map((s) => s.id).sort()).toEqual([...ids].sort());
      await dst.db.destroy();
    } finally {
      for (const n of names) await admin.query(`drop database if exists ${n}`);
      await admin.end();
    }
  }, 120_000);
});

import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  /** Superuser URL on loopback, trust auth: for tests and benchmarks only. */
  url: string;
  /** The cluster's data folder (its postmaster.pid names the server process, for memory figures). */
  data: string;
  stop(): void;
  /** Stops the server (fast: ends every connection), waits `downMs`, and starts it again on the same port and data; the caller's event loop runs meanwhile. */
  restart(downMs?: number): Promise<void>;
}

/** The newest Debian PostgreSQL server binaries (`postgresql` package), or PG_BIN when set. */
export function postgresBinDir(): string | null {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function runAs(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root but there is no "postgres" user; install the Debian postgresql package');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A PostgreSQL cluster in a temp folder on a free loopback port, made with the Debian binaries.
 * `durable: false` (tests) turns fsync off: the data is thrown away anyway and initdb/commits are
 * much faster; benchmarks keep PostgreSQL's defaults so their figures mean something. With `dir`
 * the cluster lives there and is kept by stop() (a benchmark reuses a large database it built once).
 */
export async function startThrowawayPostgres(opts: { durable?: boolean; dir?: string } = {}): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries not found (Debian package "postgresql"); set TEST_DATABASE_URL or install it: apt-get install -y postgresql');
  const owner = runAs();
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'werkvloer-pg-'));
  mkdirSync(dir, { recursive: true });
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const spawnOpts: SpawnSyncOptions = { cwd: dir, encoding: 'utf8', ...(owner ?? {}), env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } };
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(join(bin, cmd), args, spawnOpts);
    if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${String(r.stderr ?? '')}${String(r.stdout ?? '')}`);
  };
  if (!existsSync(join(data, 'PG_VERSION'))) run('initdb', ['-D', data, '-U', 'werkvloer', '--auth=trust', '-E', 'UTF8', '--no-locale', ...(opts.durable ? [] : ['--no-sync'])]);
  const port = await freeLoopbackPort();
  const settings = [`-p ${port}`, '-c listen_addresses=127.0.0.1', `-c unix_socket_directories=${dir}`, '-c max_connections=200'];
  if (!opts.durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  let stopped = false;
  return {
    url: `postgres://werkvloer@127.0.0.1:${port}/postgres`,
    data,
    async restart(downMs = 0) {
      const runAsync = (args: string[]) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(join(bin, 'pg_ctl'), args, { cwd: dir, ...(owner ?? {}), env: spawnOpts.env, stdio: 'ignore' });
          child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args.at(-1)} failed (${code})`))));
        });
      await runAsync(['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
      await new Promise((r) => setTimeout(r, downMs));
      await runAsync(['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // A kept cluster stops cleanly (no recovery at its next start); a throwaway one at once.
      spawnSync(join(bin, 'pg_ctl'), ['-D', data, '-m', opts.dir ? 'fast' : 'immediate', '-w', 'stop'], spawnOpts);
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

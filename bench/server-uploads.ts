// POST /api/sessions under load on loopback: uploads/s and p99 latency on SQLite and PostgreSQL,
// beside a bare Fastify route echoing the same body (the ceiling on this machine, same run). The
// real server process (src/server/main.ts) in a child process; autocannon here, a new session id
// for every request; the stored row count is checked against the 201s afterwards.
// Goal: ≥ 1,000 uploads/s on SQLite on 2 cores, p99 < 50 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { score, type Scenario, type SessionEvent } from '../src/engine';
import { scenarioHash } from '../src/engine';
import { loadScenes } from '../scripts/check-scenes';
import { startThrowawayPostgres } from '../tests/server/support/postgres';
import type { BenchModule, BenchRow } from './types';
import { encodePoses } from '../src/engine/pose-codec';
import { workstationTrace } from './support/pose-trace';

const CONNECTIONS = 20;
/** Uploads per measured run; a fixed amount (not a duration) so every answer is counted before the rows are. */
const AMOUNT = Number(process.env.BENCH_UPLOADS ?? 6000);
const WARM_UP = 400;
/** About 250 events: a long practice session, some 20 KB of JSON. */
const PADDING_EVENTS = 240;

/**
 * A realistic upload: a station's ideal path after a trainee's looking around and hints, with the
 * head and hands of a VR session unless `poses: false`.
 * `paddingEvents` sets its size (240: about 20 KB); `start` when it was played (ms since 1970).
 */
export function uploadTemplate(opts: { paddingEvents?: number; start?: number; poses?: boolean } = {}): { prefix: string; suffix: string; bytes: number; events: number } {
  const scene = loadScenes(process.cwd()).find((l) => l.scenario && l.idealPath && !l.file.includes('_template'));
  if (!scene) throw new Error('no station with an ideal path in scenes/');
  const sc: Scenario = scene.scenario!;
  const events: SessionEvent[] = [];
  let t = 0;
  for (let i = 0; i < (opts.paddingEvents ?? PADDING_EVENTS); i++) {
    t += 150;
    events.push(i % 2 ? { t, action: 'hint', object: sc.steps[i % sc.steps.length]!.id, device: 'vr-controller' } : { t, action: 'inspect', object: 'nothing-here', device: 'vr-controller' });
  }
  for (const e of scene.idealPath!) events.push({ ...e, t: e.t + t });
  const start = opts.start ?? Date.parse('2026-11-26T09:00:00.000Z');
  const body = {
    id: '@@ID@@',
    scenarioId: sc.id,
    scenarioVersion: sc.version,
    scenarioHash: scenarioHash(sc),
    mode: 'practice',
    device: 'vr-controller',
    language: 'nl',
    startedAt: new Date(start).toISOString(),
    endedAt: new Date(start + events.at(-1)!.t + 1000).toISOString(),
    events,
    clientScore: score(sc, events, 'practice').total,
    // A VR session's head and hands for its whole length (issue 28): the figures include them.
    ...(opts.poses === false ? {} : { poses: { layoutHash: null, hz: 10, data: encodePoses(workstationTrace((events.at(-1)!.t + 1000) / 60_000)) } }),
  };
  const text = JSON.stringify(body);
  const [prefix, suffix] = text.split('@@ID@@') as [string, string];
  return { prefix, suffix, bytes: text.length, events: events.length };
}

export async function startProcess(args: string[], env: Record<string, string>, ready: RegExp): Promise<{ port: number; child: ChildProcess; stop(): Promise<void> }> {
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server process (open in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      const m = ready.exec(output);
      if (m) resolve(Number(m[1]));
    });
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${output}`)));
  });
  return {
    port,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Load {
  perSecond: number;
  p99: number;
  p50: number;
  created: number;
  errors: number;
}

async function load(port: number, tpl: ReturnType<typeof uploadTemplate>, amount: number): Promise<Load> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/api/sessions`,
    connections: CONNECTIONS,
    amount,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        // A new session id for every request: each one is a real first upload, never a retry.
        setupRequest: (request) => ({ ...request, body: tpl.prefix + crypto.randomUUID() + tpl.suffix }),
      },
    ],
  });
  const created = Number(result.statusCodeStats?.['201']?.count ?? 0);
  return { perSecond: created / result.duration, p99: result.latency.p99, p50: result.latency.p50, created, errors: result.errors + result.non2xx };
}

/** CPU time (user + system) a process has used, in ms, from /proc: independent of what else loads the machine. */
export function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return NaN;
  }
}

/** CPU ticks (user + system, 10 ms each) of every thread of a process, by thread id. */
function threadTicks(pid: number | undefined): Map<number, number> {
  const out = new Map<number, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const f = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        out.set(Number(tid), Number(f[11]) + Number(f[12]));
      } catch {
        // The thread ended meanwhile.
      }
    }
  } catch {
    // The process ended.
  }
  return out;
}

/**
 * Where a process's CPU went between two `threadTicks`, per upload: the main thread (the one that
 * answers requests) first, then every other thread that used any, busiest first. Node names none of
 * its threads, so they are told apart by the CPU profiles (BENCH_CPU_PROF), not here.
 */
function perThread(pid: number | undefined, before: Map<number, number>, after: Map<number, number>, uploads: number): string {
  const ms = (tid: number) => (((after.get(tid) ?? 0) - (before.get(tid) ?? 0)) * 10) / uploads;
  const others = [...after.keys()].filter((t) => t !== pid).map(ms).filter((v) => v > 0).sort((a, b) => b - a);
  return `main thread ${ms(pid ?? 0).toFixed(2)} ms; other threads ${others.map((v) => v.toFixed(2)).join(', ')} ms`;
}

async function measure(name: string, start: () => Promise<{ port: number; child: ChildProcess; stop(): Promise<void> }>, count: () => Promise<number>, tpl: ReturnType<typeof uploadTemplate>) {
  const server = await start();
  try {
    await load(server.port, tpl, WARM_UP); // JIT, connection pool, first pages of the database
    const before = await count();
    const cpu0 = cpuMs(server.child.pid);
    const threads0 = threadTicks(server.child.pid);
    const r = await load(server.port, tpl, AMOUNT);
    const cpuPerUpload = (cpuMs(server.child.pid) - cpu0) / AMOUNT;
    const threads = perThread(server.child.pid, threads0, threadTicks(server.child.pid), AMOUNT);
    await server.stop();
    const rows = (await count()) - before;
    return { name, ...r, rows, cpuPerUpload, threads };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export const serverUploads: BenchModule = {
  name: 'server',
  async run(): Promise<BenchRow[]> {
    const tpl = uploadTemplate();
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-bench-server-'));
    const area = 'server';
    const rows: BenchRow[] = [];
    const mainArgs = ['src/server/main.ts'];
    const serverEnv = (extra: Record<string, string>) => ({ HOST: '127.0.0.1', PORT: '0', HTTPS_PORT: 'off', NO_QR: '1', STATIC_DIR: join(dir, 'no-build'), ...extra });
    const listening = /werkvloer listening http=(\d+)/;
    const postgres = await startThrowawayPostgres({ durable: true });
    try {
      const echo = await measure('echo', () => startProcess(['bench/support/echo-server.ts'], {}, /echo listening http=(\d+)/), async () => 0, tpl);
      const sqliteDir = join(dir, 'sqlite');
      const sqliteCount = async () => {
        try {
          const db = new SQLite(join(sqliteDir, 'werkvloer.sqlite'), { fileMustExist: true });
          const n = (db.prepare('select count(*) as n from sessions').get() as { n: number }).n;
          db.close();
          return n;
        } catch {
          return 0;
        }
      };
      const sqlite = await measure('sqlite', () => startProcess(mainArgs, serverEnv({ DATA_DIR: sqliteDir }), listening), sqliteCount, tpl);
      const pgCount = async () => {
        const c = new pg.Client({ connectionString: postgres.url });
        await c.connect();
        try {
          const r = await c.query<{ n: string }>("select count(*) as n from sessions").catch(() => ({ rows: [{ n: '0' }] }));
          return Number(r.rows[0]!.n);
        } finally {
          await c.end();
        }
      };
      const postgresResult = await measure('postgres', () => startProcess(mainArgs, serverEnv({ DATA_DIR: dir, DATABASE_URL: postgres.url }), listening), pgCount, tpl);

      const note = `${tpl.events} events, ${(tpl.bytes / 1024).toFixed(1)} KB, ${CONNECTIONS} connections, ${AMOUNT} uploads`;
      rows.push({ area, name: 'bare Fastify echo of the upload (ceiling)', value: Math.round(echo.perSecond), unit: 'req/s', note: `p99 ${echo.p99} ms; server CPU ${echo.cpuPerUpload.toFixed(2)} ms/request (${echo.threads}); ${note}` });
      for (const r of [sqlite, postgresResult]) {
        const checked = r.rows === r.created ? `rows stored = 201s = ${r.created}` : `ROW COUNT MISMATCH: ${r.rows} rows for ${r.created} 201s`;
        rows.push({
          area,
          name: `POST /api/sessions on ${r.name === 'sqlite' ? 'SQLite (WAL, synchronous=FULL)' : 'PostgreSQL (fsync on)'}`,
          value: Math.round(r.perSecond),
          unit: 'uploads/s',
          baseline: r.name === 'sqlite' ? '>= 1,000' : undefined,
          note: `${(r.perSecond / echo.perSecond).toFixed(2)} of the echo; ${checked}; ${r.errors} errors`,
        });
        rows.push({ area, name: `  p99 latency (${r.name})`, value: r.p99, unit: 'ms', baseline: r.name === 'sqlite' ? '< 50' : undefined, note: `p50 ${r.p50} ms` });
        // Load-independent: at 1,000 uploads/s one core has 1 ms per upload (Node runs the handlers on one thread).
        rows.push({ area, name: `  server CPU per upload (${r.name})`, value: r.cpuPerUpload, unit: 'ms', baseline: r.name === 'sqlite' ? '< 1' : undefined, note: `user + system time of the server process / uploads: ${r.threads}` });
      }
      return rows;
    } finally {
      postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

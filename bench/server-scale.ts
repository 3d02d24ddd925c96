// Issue 17's figures, beside the bare echo in the same run:
// 1. 200 trainees uploading realistic sessions while 10 trainers read the dashboard, 60 s, on
//    SQLite and PostgreSQL: uploads/s (× the echo), trainer read p99, server memory (max RSS; for
//    PostgreSQL also the cluster's processes, shared memory counted per process, so an upper bound).
// 2. 200,000 stored sessions built directly in the database: every trainer page and export, p99.
// BENCH_SCALE_SECONDS, BENCH_SCALE_SESSIONS and BENCH_SCALE_EVENTS shorten a run (the issue's figures use
// the defaults); BENCH_SCALE_PARTS=mixed or =stored runs one half; BENCH_SCALE_KEEP=<folder> keeps the
// stored databases (SQLite file, PostgreSQL cluster) there and reuses them in later runs of the same sizes.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { issueJoinCode, redeemJoinCode } from '../src/server/auth/trainee-tokens';
import { createDb } from '../src/server/db/create-db';
import { createOrganisation } from '../src/server/organisations';
import { encodeCursor } from '../src/server/dashboard/session-query';
import { parseScenario } from '../src/engine';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../tests/server/support/postgres';
import { generateSessions } from '../tests/server/support/generated-sessions';
import { startProcess, uploadTemplate } from './server-uploads';
import type { BenchModule, BenchRow } from './types';

const SECONDS = Number(process.env.BENCH_SCALE_SECONDS ?? 60);
const STORED = Number(process.env.BENCH_SCALE_SESSIONS ?? 200_000);
/** Event log size of a stored session: 240 events is about 20 KB, the smallest real session. */
const STORED_EVENTS = Number(process.env.BENCH_SCALE_EVENTS ?? 240);
const UPLOADERS = 200;
const READERS = 10;
const area = 'server scale';
// Strong enough for the password policy, and not built on the e-mail address or the organisation's name.
const EMAIL = 'trainer@centre.test';
const PASSWORD = 'blue kettle seven orchard';

/** Each figure on stderr as soon as it is measured: a long run shows how far it is. */
function progress(rows: BenchRow[]): BenchRow[] {
  for (const r of rows) console.error(`  ${r.name}: ${r.value} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
  return rows;
}

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * CPU time (ms) of a process (user + system, /proc/<pid>/stat) and of its main thread, the one that
 * answers requests (/proc/<pid>/task/<pid>/stat): per upload, the figures that do not depend on how
 * busy the rest of the machine is.
 */
function cpuMs(pid: number): { process: number; mainThread: number } {
  const ticks = (file: string) => {
    const f = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
    return Number(f[11]) + Number(f[12]);
  };
  // USER_HZ is 100 on Linux: a tick is 10 ms.
  return { process: ticks(`/proc/${pid}/stat`) * 10, mainThread: ticks(`/proc/${pid}/task/${pid}/stat`) * 10 };
}

/** The PostgreSQL cluster's processes: the postmaster and its children. */
function clusterRssKb(cluster: ThrowawayPostgres): number {
  let master: number;
  try {
    master = Number(readFileSync(join(cluster.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
  let total = rssKb(master);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      if (ppid === master) total += rssKb(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return total;
}

/** The centre the bench runs: one group of trainees, each with a headset token, and its trainer's login. */
interface Centre {
  organisationId: string;
  groupId: string;
  traineeIds: string[];
  /** One headset token per trainee, issued now (uploads must start after their token was issued). */
  tokens: string[];
}

/**
 * An organisation with one group of `trainees` trainees, each joined once, written straight into the
 * database (the join route's rate limit would take minutes for 200 headsets).
 */
async function setUp(env: { dataDir: string; databaseUrl?: string }, trainees = UPLOADERS): Promise<Centre> {
  const opened = await createDb(env);
  try {
    const { organisationId } = await createOrganisation(opened.db, { name: 'Bench', email: EMAIL, password: PASSWORD, country: 'BE' });
    const now = new Date();
    const groupId = crypto.randomUUID();
    await opened.db.insertInto('groups').values({ id: groupId, organisation_id: organisationId, name: 'Bench', created_at: now.toISOString() }).execute();
    const traineeIds = Array.from({ length: trainees }, () => crypto.randomUUID());
    await opened.db
      .insertInto('trainees')
      .values(traineeIds.map((id, i) => ({ id, organisation_id: organisationId, group_id: groupId, code: `B${i.toString(36).toUpperCase().padStart(3, '0')}-XX`, alias: null, created_at: now.toISOString() })))
      .execute();
    const tokens: string[] = [];
    for (const id of traineeIds) {
      const { joinCode } = await issueJoinCode(opened.db, id, now);
      tokens.push((await redeemJoinCode(opened.db, joinCode, now))!.token);
    }
    return { organisationId, groupId, traineeIds, tokens };
  } finally {
    await opened.db.destroy();
  }
}

/** The trainer's session cookie on a running server. */
async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** The dashboard pages a trainer clicks through, as [label, URL]. */
function trainerPages(c: Pick<Centre, 'groupId' | 'traineeIds'>): [string, string][] {
  const sorts = ['endedAt', 'receivedAt', 'score', 'durationMs', 'scenarioId'];
  const trainee = c.traineeIds[0]!;
  return [
    ...sorts.flatMap((s) => (['desc', 'asc'] as const).map((o): [string, string] => [`list sorted by ${s} ${o}`, `/api/dashboard/sessions?sort=${s}&order=${o}&pageSize=20`])),
    ['list, one group', `/api/dashboard/sessions?groupId=${c.groupId}&pageSize=20`],
    ['list, one trainee', `/api/dashboard/sessions?groupId=${c.groupId}&traineeId=${trainee}&pageSize=20`],
    ['list, one station', `/api/dashboard/sessions?scenarioId=wood-intro-workbench&pageSize=20`],
    ['list, failed exams', `/api/dashboard/sessions?passed=false&mode=exam&pageSize=20`],
    ['list, failed exams sorted by score', `/api/dashboard/sessions?passed=false&mode=exam&sort=score&order=asc&pageSize=20`],
    ['list, from/to days', `/api/dashboard/sessions?from=2026-02-01&to=2026-03-01&pageSize=20`],
    ['list, page 50 by number', `/api/dashboard/sessions?pageSize=20&page=50`],
    ['summary figures', `/api/dashboard/summary`],
    ["a trainee's page", `/api/dashboard/trainees/${trainee}`],
    ["a trainee's coaching view", `/api/dashboard/trainees/${trainee}/coaching`],
    ["a group's most-failed steps", `/api/dashboard/groups/${c.groupId}/step-failures`],
    ["a group's progress report", `/api/dashboard/groups/${c.groupId}/report`],
    ["a group's trainees", `/api/groups/${c.groupId}/trainees`],
  ];
}

/** Uploads of 20, 40 and 60 KB (about 240, 480 and 720 events), in turn. */
function uploadBodies(start: number) {
  return [240, 480, 720].map((padding) => uploadTemplate({ paddingEvents: padding, start }));
}

/** Request bodies for autocannon: a new session id each time, the three sizes and the trainees' tokens in turn. */
function uploadRequests(templates: ReturnType<typeof uploadTemplate>[], tokens: string[]) {
  let n = 0;
  return [
    {
      setupRequest: (r: Record<string, unknown>) => {
        const tpl = templates[n % templates.length]!;
        const token = tokens[n++ % Math.max(1, tokens.length)];
        return { ...r, body: tpl.prefix + crypto.randomUUID() + tpl.suffix, headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) } };
      },
    },
  ];
}

async function mixedLoad(name: string, server: { port: number; child: { pid?: number } }, centre: Centre, cluster: ThrowawayPostgres | null, readers = READERS) {
  const base = `http://127.0.0.1:${server.port}`;
  const cookie = await login(base);
  const urls = trainerPages(centre).map(([, u]) => u);
  // Sessions played in the last minutes: after the tokens were issued, as a real headset's.
  const templates = uploadBodies(Date.now() - 120_000);
  let peakRss = 0;
  let peakCluster = 0;
  // The machine's 1-minute load average over the run: the echo ratio is only comparable at similar load.
  const load = { min: Infinity, max: 0 };
  const sample = () => {
    peakRss = Math.max(peakRss, rssKb(server.child.pid!));
    if (cluster) peakCluster = Math.max(peakCluster, clusterRssKb(cluster));
    const [one] = loadavg();
    load.min = Math.min(load.min, one!);
    load.max = Math.max(load.max, one!);
  };
  const sampler = setInterval(sample, 500);
  const cpuBefore = cpuMs(server.child.pid!);
  let u = 0;
  const [up, read] = await Promise.all([
    autocannon({ url: `${base}/api/sessions`, connections: UPLOADERS, duration: SECONDS, method: 'POST', requests: uploadRequests(templates, centre.tokens) as never }),
    readers > 0 ? autocannon({ url: base, connections: readers, duration: SECONDS, headers: { cookie }, requests: [{ setupRequest: (r) => ({ ...r, path: urls[u++ % urls.length]! }) }] }) : null,
  ]);
  clearInterval(sampler);
  sample();
  const cpuAfter = cpuMs(server.child.pid!);
  const created = Number(up.statusCodeStats?.['201']?.count ?? 0);
  const codes = (r: typeof up) => Object.entries(r.statusCodeStats ?? {}).filter(([c]) => !c.startsWith('2')).map(([c, v]) => `${v.count}× ${c}`).join(', ');
  return {
    name,
    uploadsPerSecond: created / up.duration,
    uploadP99: up.latency.p99,
    readP99: read?.latency.p99 ?? 0,
    readP50: read?.latency.p50 ?? 0,
    reads: read?.requests.total ?? 0,
    readErrors: read ? `${read.errors} socket errors${codes(read) ? `, ${codes(read)}` : ''}` : '',
    uploadErrors: `${up.errors} socket errors${codes(up) ? `, ${codes(up)}` : ''}`,
    peakRssMb: peakRss / 1024,
    // Reads included when trainers read; the uploads-alone run is the upload's own cost.
    cpuPerUploadMs: (cpuAfter.process - cpuBefore.process) / Math.max(1, created),
    mainCpuPerUploadMs: (cpuAfter.mainThread - cpuBefore.mainThread) / Math.max(1, created),
    peakClusterMb: peakCluster / 1024,
    load: `load average ${load.min.toFixed(1)}–${load.max.toFixed(1)}`,
  };
}

async function echoRate(): Promise<{ perSecond: number; bytes: number[]; load: string }> {
  const echo = await startProcess(['bench/support/echo-server.ts'], {}, /echo listening http=(\d+)/);
  const templates = uploadBodies(Date.now());
  const loads: number[] = [];
  const sampler = setInterval(() => loads.push(loadavg()[0]!), 500);
  try {
    const r = await autocannon({ url: `http://127.0.0.1:${echo.port}/api/sessions`, connections: UPLOADERS, duration: SECONDS, method: 'POST', requests: uploadRequests(templates, []) as never });
    loads.push(loadavg()[0]!);
    return { perSecond: Number(r.statusCodeStats?.['201']?.count ?? 0) / r.duration, bytes: templates.map((t) => t.bytes), load: `load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}` };
  } finally {
    clearInterval(sampler);
    await echo.stop();
  }
}

/** p99 of `n` requests on 2 connections (two trainers clicking at once). */
async function p99(url: string, cookie: string, n = 60): Promise<{ p99: number; errors: string }> {
  const r = await autocannon({ url, connections: 2, amount: n, headers: { cookie } });
  const bad = Object.entries(r.statusCodeStats ?? {}).filter(([c]) => !c.startsWith('2')).map(([c, v]) => `${v.count}× ${c}`);
  return { p99: r.latency.p99, errors: [...(r.errors ? [`${r.errors} socket errors`] : []), ...bad].join(', ') };
}

/**
 * First byte and whole download of an export, worst of a few. `whole: false` stops reading after
 * the first chunk (an export of every step is gigabytes at this size; its first byte is the figure).
 */
async function exportTimes(url: string, cookie: string, whole = true, runs = 3): Promise<{ firstByte: number; total: number | null; bytes: number; status: number }> {
  let firstByte = 0;
  let total = 0;
  let bytes = 0;
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    status = res.status;
    const reader = res.body!.getReader();
    let first = -1;
    bytes = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (first < 0) first = performance.now() - t0;
      bytes += value.length;
      if (!whole) {
        await reader.cancel();
        break;
      }
    }
    firstByte = Math.max(firstByte, first);
    total = Math.max(total, performance.now() - t0);
  }
  return { firstByte, total: whole ? total : null, bytes, status };
}

interface StoredSet extends Pick<Centre, 'organisationId' | 'groupId' | 'traineeIds'> {
  sessions: number;
  events: number;
  buildSeconds: number;
  deepCursor: string;
}

/**
 * STORED sessions of 200 trainees in one group, written straight into the database. With
 * BENCH_SCALE_KEEP the set is built once and reused by later runs (its description in `marker`).
 */
async function storedSet(env: { dataDir: string; databaseUrl?: string }, marker: string): Promise<StoredSet & { reused: boolean }> {
  if (existsSync(marker)) {
    const kept = JSON.parse(readFileSync(marker, 'utf8')) as StoredSet;
    if (kept.sessions === STORED && kept.events === STORED_EVENTS) return { ...kept, reused: true };
    throw new Error(`${marker} describes ${kept.sessions} sessions of ${kept.events} events, not ${STORED} of ${STORED_EVENTS}: remove BENCH_SCALE_KEEP's folder or run with the same sizes`);
  }
  const centre = await setUp(env, 200);
  const opened = await createDb(env);
  try {
    const file = 'scenes/wood/intro-workbench/scenario.json';
    const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
    if (!parsed.ok) throw new Error('sample scenario does not parse');
    const t0 = performance.now();
    await generateSessions(opened.db, { scenario: parsed.scenario, organisationId: centre.organisationId, trainees: centre.traineeIds, count: STORED, paddingEvents: STORED_EVENTS, batch: 500 });
    if (opened.kind === 'postgres') await sql`VACUUM ANALYZE`.execute(opened.db);
    else await sql`ANALYZE`.execute(opened.db);
    const buildSeconds = (performance.now() - t0) / 1000;
    // A cursor about 95% deep into the newest-first list.
    const deep = await opened.db
      .selectFrom('sessions')
      .select(['id', 'ended_at'])
      .where('organisation_id', '=', centre.organisationId)
      .orderBy('ended_at', 'desc')
      .orderBy('id', 'desc')
      .offset(Math.floor(STORED * 0.95))
      .limit(1)
      .executeTakeFirstOrThrow();
    const set: StoredSet = { organisationId: centre.organisationId, groupId: centre.groupId, traineeIds: centre.traineeIds, sessions: STORED, events: STORED_EVENTS, buildSeconds, deepCursor: encodeCursor(deep.ended_at, deep.id) };
    writeFileSync(marker, JSON.stringify(set));
    return { ...set, reused: false };
  } finally {
    await opened.db.destroy();
  }
}

async function storedScale(name: string, env: { dataDir: string; databaseUrl?: string }, marker: string, start: () => ReturnType<typeof startProcess>): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const set = await storedSet(env, marker);
  const size = `${STORED.toLocaleString('en-US')} sessions`;
  rows.push(...progress([{
    area,
    name: `${name}: ${size} written into the database`,
    value: Math.round(set.buildSeconds),
    unit: 's',
    note: `${STORED_EVENTS} events (${STORED_EVENTS > 100 ? 'about 20 KB' : 'about 2 KB'}) of event log each, 200 trainees in one group${set.reused ? '; built by an earlier run (BENCH_SCALE_KEEP)' : ''}`,
  }]));
  const server = await start();
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const cookie = await login(base);
    const pages: [string, string][] = [...trainerPages(set), ['list, deep page by cursor (95%)', `/api/dashboard/sessions?pageSize=20&cursor=${set.deepCursor}`]];
    // One warm-up pass: the first request of each kind compiles its code and fills the page cache.
    for (const [, path] of pages) await (await fetch(`${base}${path}`, { headers: { cookie } })).arrayBuffer();
    for (const [label, path] of pages) {
      const r = await p99(`${base}${path}`, cookie);
      rows.push(...progress([{ area, name: `${name}, ${size}: ${label}`, value: r.p99, unit: 'ms p99', baseline: '< 300', note: r.errors || undefined }]));
    }
    for (const [label, path, whole] of [
      ['CSV export (20,000 rows)', '/api/dashboard/export.csv', true],
      ['xAPI export (20,000 sessions)', '/api/dashboard/export.xapi.json', true],
      ['xAPI export with every event (20,000 sessions)', '/api/dashboard/export.xapi.json?statements=all', false],
    ] as const) {
      const e = await exportTimes(`${base}${path}`, cookie, whole);
      rows.push(...progress([{
        area,
        name: `${name}, ${size}: ${label}, first byte`,
        value: Math.round(e.firstByte),
        unit: 'ms',
        baseline: '< 300',
        note: `${e.status === 200 ? '' : `status ${e.status}; `}${e.total === null ? 'download stopped after the first bytes' : `whole download ${Math.round(e.total)} ms, ${(e.bytes / 1024 / 1024).toFixed(1)} MB`}`,
      }]));
    }
    const peak = rssKb(server.child.pid!);
    rows.push(...progress([{ area, name: `${name}, ${size}: server process memory after the pages and exports`, value: Math.round(peak / 1024), unit: 'MB' }]));
  } finally {
    await server.stop();
  }
  return rows;
}

export const serverScale: BenchModule = {
  name: 'server-scale',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-bench-scale-'));
    const keep = process.env.BENCH_SCALE_KEEP ? resolve(process.env.BENCH_SCALE_KEEP) : null;
    if (keep) mkdirSync(keep, { recursive: true });
    const rows: BenchRow[] = [];
    const serverEnv = (extra: Record<string, string>) => ({ HOST: '127.0.0.1', PORT: '0', HTTPS_PORT: 'off', NO_QR: '1', STATIC_DIR: join(dir, 'no-build'), ...extra });
    const listening = /werkvloer listening http=(\d+)/;
    const main = ['src/server/main.ts'];
    const only = (process.env.BENCH_SCALE_PARTS ?? 'mixed,stored').split(',');
    const cluster = await startThrowawayPostgres({ durable: true, dir: keep ? join(keep, 'postgres') : undefined });
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: cluster.url });
      await client.connect();
      await client.query(statement).finally(() => client.end());
    };
    const dbUrl = (name: string) => cluster.url.replace(/\/postgres$/, `/${name}`);
    try {
      if (only.includes('mixed')) {
        const echo = await echoRate();
        rows.push(...progress([{ area, name: `bare Fastify echo, ${UPLOADERS} uploaders (ceiling)`, value: Math.round(echo.perSecond), unit: 'req/s', note: `${SECONDS} s, uploads of ${echo.bytes.map((b) => (b / 1024).toFixed(0)).join(', ')} KB in turn; ${echo.load}` }]));

        const sqliteDir = join(dir, 'mixed-sqlite');
        const sqliteCentre = await setUp({ dataDir: sqliteDir });
        const sqliteServer = await startProcess(main, serverEnv({ DATA_DIR: sqliteDir }), listening);
        // Uploads alone first (what trainers reading cost them is the difference), then with the trainers.
        const sqliteAlone = await mixedLoad('SQLite', sqliteServer, sqliteCentre, null, 0).catch(async (e: unknown) => {
          await sqliteServer.stop();
          throw e;
        });
        const sqlite = await mixedLoad('SQLite', sqliteServer, sqliteCentre, null).finally(() => sqliteServer.stop());
        await admin('drop database if exists mixed');
        await admin('create database mixed');
        const pgCentre = await setUp({ dataDir: dir, databaseUrl: dbUrl('mixed') });
        const pgServer = await startProcess(main, serverEnv({ DATA_DIR: dir, DATABASE_URL: dbUrl('mixed') }), listening);
        const postgresAlone = await mixedLoad('PostgreSQL', pgServer, pgCentre, cluster, 0).catch(async (e: unknown) => {
          await pgServer.stop();
          throw e;
        });
        const postgres = await mixedLoad('PostgreSQL', pgServer, pgCentre, cluster).finally(() => pgServer.stop());
        for (const r of [sqliteAlone, postgresAlone]) {
          rows.push(...progress([{ area, name: `${r.name}: uploads alone (no trainer reading)`, value: Math.round(r.uploadsPerSecond), unit: 'uploads/s', note: `${(r.uploadsPerSecond / echo.perSecond).toFixed(2)} of the echo; upload p99 ${r.uploadP99} ms; ${r.uploadErrors}; ${r.load}` }]));
          rows.push(...progress([{ area, name: `${r.name}: server CPU per upload, request thread`, value: Number(r.mainCpuPerUploadMs.toFixed(2)), unit: 'ms', note: `whole server process ${r.cpuPerUploadMs.toFixed(2)} ms per upload (every thread; 10 ms ticks over the run)` }]));
        }
        for (const r of [sqlite, postgres]) {
          rows.push(...progress([{ area, name: `${r.name}: uploads with ${READERS} trainers reading`, value: Math.round(r.uploadsPerSecond), unit: 'uploads/s', baseline: '>= 0.5 × echo', note: `${(r.uploadsPerSecond / echo.perSecond).toFixed(2)} of the echo; upload p99 ${r.uploadP99} ms; ${r.uploadErrors}; ${r.load}` }]));
          rows.push(...progress([{ area, name: `${r.name}: trainer reads during the uploads`, value: r.readP99, unit: 'ms p99', baseline: '< 300', note: `p50 ${r.readP50} ms, ${r.reads} reads, ${r.readErrors}` }]));
          rows.push(...progress([{ area, name: `${r.name}: server process memory (peak RSS)`, value: Math.round(r.peakRssMb), unit: 'MB', note: r.peakClusterMb ? `PostgreSQL cluster ${Math.round(r.peakClusterMb)} MB (sum of RSS, shared buffers counted per process)` : undefined }]));
        }
      }
      if (only.includes('stored')) {
        const storedDir = keep ? join(keep, 'stored-sqlite') : join(dir, 'stored-sqlite');
        rows.push(...(await storedScale('SQLite', { dataDir: storedDir }, join(storedDir, '..', 'stored-sqlite.json'), () => startProcess(main, serverEnv({ DATA_DIR: storedDir }), listening))));
        // A database of its own on the same cluster for the stored set.
        const marker = join(keep ?? dir, 'stored-postgres.json');
        if (!existsSync(marker)) {
          await admin('drop database if exists stored');
          await admin('create database stored');
        }
        rows.push(...(await storedScale('PostgreSQL', { dataDir: dir, databaseUrl: dbUrl('stored') }, marker, () => startProcess(main, serverEnv({ DATA_DIR: dir, DATABASE_URL: dbUrl('stored') }), listening))));
      }
      return rows;
    } finally {
      cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

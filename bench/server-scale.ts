// Issue 17's figures, beside the bare echo in the same run:
// 1. 200 trainees uploading realistic sessions while 10 trainers read the dashboard, 60 s, on
//    SQLite and PostgreSQL: uploads/s (× the echo), trainer read p99, server memory (max RSS; for
//    PostgreSQL also the cluster's processes, shared memory counted per process, so an upper bound).
// 2. 200,000 stored sessions built directly in the database: every trainer page and export, p99.
// BENCH_SCALE_SECONDS and BENCH_SCALE_SESSIONS shorten a run; the figures use the defaults.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
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
const UPLOADERS = 200;
const READERS = 10;
const area = 'server scale';

function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
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

interface Trainer {
  cookie: string;
  groupId: string;
  traineeId: string;
  token: string;
}

async function setUp(url: string, env: { dataDir: string; databaseUrl?: string }): Promise<void> {
  const opened = await createDb(env);
  await createOrganisation(opened.db, { name: 'Bench', email: 'bench@bench.test', password: 'bench long password', country: 'BE' });
  await opened.db.destroy();
  void url;
}

async function trainerOn(url: string): Promise<Trainer> {
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email: 'bench@bench.test', password: 'bench long password' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const post = async (path: string, body: object) =>
    (await (await fetch(`${url}${path}`, { method: 'POST', headers: { ...json, cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body) })).json()) as Record<string, string>;
  const group = await post('/api/groups', { name: 'Bench' });
  const trainee = await post(`/api/groups/${group.id}/trainees`, {});
  const joined = (await (await fetch(`${url}/api/join`, { method: 'POST', headers: json, body: JSON.stringify({ code: trainee.joinCode }) })).json()) as { token: string };
  return { cookie, groupId: group.id!, traineeId: trainee.id!, token: joined.token };
}

/** The dashboard pages a trainer clicks through, as URLs. */
function trainerUrls(t: Trainer): string[] {
  const sorts = ['endedAt', 'receivedAt', 'score', 'durationMs', 'scenarioId'];
  return [
    ...sorts.flatMap((s) => [`/api/dashboard/sessions?sort=${s}&order=desc&pageSize=20`, `/api/dashboard/sessions?sort=${s}&order=asc&pageSize=20`]),
    `/api/dashboard/sessions?groupId=${t.groupId}&pageSize=20`,
    `/api/dashboard/sessions?passed=false&mode=exam&pageSize=20`,
    `/api/dashboard/trainees/${t.traineeId}`,
    `/api/dashboard/groups/${t.groupId}/step-failures`,
  ];
}

async function mixedLoad(name: string, server: { port: number; child: { pid?: number } }, tpl: ReturnType<typeof uploadTemplate>, cluster: ThrowawayPostgres | null) {
  const base = `http://127.0.0.1:${server.port}`;
  const trainer = await trainerOn(base);
  const urls = trainerUrls(trainer);
  let peakRss = 0;
  let peakCluster = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssKb(server.child.pid!));
    if (cluster) peakCluster = Math.max(peakCluster, clusterRssKb(cluster));
  }, 500);
  let u = 0;
  const [up, read] = await Promise.all([
    autocannon({
      url: `${base}/api/sessions`,
      connections: UPLOADERS,
      duration: SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${trainer.token}` },
      requests: [{ setupRequest: (r) => ({ ...r, body: tpl.prefix + crypto.randomUUID() + tpl.suffix }) }],
    }),
    autocannon({
      url: base,
      connections: READERS,
      duration: SECONDS,
      headers: { cookie: trainer.cookie },
      requests: [{ setupRequest: (r) => ({ ...r, path: urls[u++ % urls.length]! }) }],
    }),
  ]);
  clearInterval(sampler);
  const created = Number(up.statusCodeStats?.['201']?.count ?? 0);
  return { name, uploadsPerSecond: created / up.duration, uploadP99: up.latency.p99, readP99: read.latency.p99, readP50: read.latency.p50, reads: read.requests.total, readErrors: read.errors + read.non2xx, uploadErrors: up.errors + up.non2xx, peakRssMb: peakRss / 1024, peakClusterMb: peakCluster / 1024 };
}

async function echoRate(tpl: ReturnType<typeof uploadTemplate>): Promise<number> {
  const echo = await startProcess(['bench/support/echo-server.ts'], {}, /echo listening http=(\d+)/);
  try {
    const r = await autocannon({
      url: `http://127.0.0.1:${echo.port}/api/sessions`,
      connections: UPLOADERS,
      duration: SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: [{ setupRequest: (q) => ({ ...q, body: tpl.prefix + crypto.randomUUID() + tpl.suffix }) }],
    });
    return Number(r.statusCodeStats?.['201']?.count ?? 0) / r.duration;
  } finally {
    await echo.stop();
  }
}

/** p99 of `n` requests on `connections` connections, and the worst. */
async function p99(url: string, cookie: string, n = 60): Promise<{ p99: number; errors: number }> {
  const r = await autocannon({ url, connections: 2, amount: n, headers: { cookie } });
  return { p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** First byte and whole download of an export, worst of a few. */
async function exportTimes(url: string, cookie: string, runs = 3): Promise<{ firstByte: number; total: number; bytes: number }> {
  let firstByte = 0;
  let total = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const reader = res.body!.getReader();
    let first = -1;
    bytes = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (first < 0) first = performance.now() - t0;
      bytes += value.length;
    }
    firstByte = Math.max(firstByte, first);
    total = Math.max(total, performance.now() - t0);
  }
  return { firstByte, total, bytes };
}

async function storedScale(name: string, env: { dataDir: string; databaseUrl?: string }, start: () => ReturnType<typeof startProcess>): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const server0 = await start();
  const base0 = `http://127.0.0.1:${server0.port}`;
  const trainer = await trainerOn(base0);
  await server0.stop();
  // 200 trainees in one group, 1,000 sessions each, written straight into the database.
  const opened = await createDb(env);
  const organisationId = (await opened.db.selectFrom('trainees').select('organisation_id').where('id', '=', trainer.traineeId).executeTakeFirstOrThrow()).organisation_id;
  const trainees = [trainer.traineeId];
  for (let i = 1; i < 200; i++) {
    const id = crypto.randomUUID();
    await opened.db.insertInto('trainees').values({ id, organisation_id: organisationId, group_id: trainer.groupId, code: `B${i.toString(36).toUpperCase().padStart(3, '0')}-XX`, alias: null, created_at: new Date().toISOString() }).execute();
    trainees.push(id);
  }
  const file = 'scenes/wood/intro-workbench/scenario.json';
  const parsed = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
  if (!parsed.ok) throw new Error('sample scenario does not parse');
  const t0 = performance.now();
  await generateSessions(opened.db, { scenario: parsed.scenario, organisationId, trainees, count: STORED, paddingEvents: 20, batch: 500 });
  const seedS = (performance.now() - t0) / 1000;
  // A cursor about 95% deep into the newest-first list.
  const deep = await opened.db.selectFrom('sessions').select(['id', 'ended_at']).where('organisation_id', '=', organisationId).orderBy('ended_at', 'desc').orderBy('id', 'desc').offset(Math.floor(STORED * 0.95)).limit(1).executeTakeFirstOrThrow();
  await opened.db.destroy();
  rows.push({ area, name: `${name}: ${STORED.toLocaleString('en-US')} sessions written into the database`, value: Math.round(seedS), unit: 's', note: 'about 2 KB of events each (the list never reads them)' });

  const server = await start();
  const base = `http://127.0.0.1:${server.port}`;
  try {
    const fresh = await trainerOn(base);
    const cookie = fresh.cookie;
    const pages: [string, string][] = [
      ...trainerUrls(trainer).map((u) => [u.replace('/api/dashboard/', '').split('&pageSize')[0]!, u] as [string, string]),
      ['sessions, from/to filter', `/api/dashboard/sessions?from=2026-02-01&to=2026-03-01&pageSize=20`],
      ['sessions, one trainee', `/api/dashboard/sessions?groupId=${trainer.groupId}&traineeId=${trainer.traineeId}&pageSize=20`],
      ['sessions, one station', `/api/dashboard/sessions?scenarioId=wood-intro-workbench&pageSize=20`],
      ['sessions, deep page by cursor (95%)', `/api/dashboard/sessions?pageSize=20&cursor=${encodeCursor(deep.ended_at, deep.id)}`],
      ['sessions, page 50 by number', `/api/dashboard/sessions?pageSize=20&page=50`],
    ];
    for (const [label, path] of pages) {
      const r = await p99(`${base}${path.replace('trainees/' + trainer.traineeId, 'trainees/' + trainer.traineeId)}`, cookie);
      rows.push({ area, name: `${name}: ${label}`, value: r.p99, unit: 'ms p99', baseline: '< 300', note: r.errors ? `${r.errors} errors` : undefined });
    }
    for (const [label, path] of [
      ['CSV export (20,000 rows)', '/api/dashboard/export.csv'],
      ['xAPI export (20,000 statements)', '/api/dashboard/export.xapi.json'],
    ] as const) {
      const e = await exportTimes(`${base}${path}`, cookie);
      rows.push({ area, name: `${name}: ${label}, first byte`, value: Math.round(e.firstByte), unit: 'ms', baseline: '< 300', note: `whole download ${Math.round(e.total)} ms, ${(e.bytes / 1024 / 1024).toFixed(1)} MB` });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export const serverScale: BenchModule = {
  name: 'server-scale',
  async run(): Promise<BenchRow[]> {
    const tpl = uploadTemplate();
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-bench-scale-'));
    const rows: BenchRow[] = [];
    const serverEnv = (extra: Record<string, string>) => ({ HOST: '127.0.0.1', PORT: '0', HTTPS_PORT: 'off', NO_QR: '1', STATIC_DIR: join(dir, 'no-build'), ...extra });
    const listening = /werkvloer listening http=(\d+)/;
    const main = ['src/server/main.ts'];
    const cluster = await startThrowawayPostgres({ durable: true });
    try {
      const echo = await echoRate(tpl);
      rows.push({ area, name: `bare Fastify echo, ${UPLOADERS} uploaders (ceiling)`, value: Math.round(echo), unit: 'req/s', note: `${SECONDS} s, ${(tpl.bytes / 1024).toFixed(1)} KB per upload` });

      const sqliteDir = join(dir, 'mixed-sqlite');
      await setUp('', { dataDir: sqliteDir });
      const sqliteServer = await startProcess(main, serverEnv({ DATA_DIR: sqliteDir }), listening);
      const sqlite = await mixedLoad('SQLite', sqliteServer, tpl, null).finally(() => sqliteServer.stop());
      const pgUrl = cluster.url.replace(/\/postgres$/, '/postgres');
      await setUp('', { dataDir: dir, databaseUrl: pgUrl });
      const pgServer = await startProcess(main, serverEnv({ DATA_DIR: dir, DATABASE_URL: pgUrl }), listening);
      const postgres = await mixedLoad('PostgreSQL', pgServer, tpl, cluster).finally(() => pgServer.stop());
      for (const r of [sqlite, postgres]) {
        rows.push({ area, name: `${r.name}: uploads with ${READERS} trainers reading`, value: Math.round(r.uploadsPerSecond), unit: 'uploads/s', baseline: '>= 0.5 × echo', note: `${(r.uploadsPerSecond / echo).toFixed(2)} of the echo; upload p99 ${r.uploadP99} ms; ${r.uploadErrors} errors` });
        rows.push({ area, name: `${r.name}: trainer reads during the uploads`, value: r.readP99, unit: 'ms p99', baseline: '< 300', note: `p50 ${r.readP50} ms, ${r.reads} reads, ${r.readErrors} errors` });
        rows.push({ area, name: `${r.name}: server process memory (peak RSS)`, value: Math.round(r.peakRssMb), unit: 'MB', note: r.peakClusterMb ? `PostgreSQL cluster ${Math.round(r.peakClusterMb)} MB (sum of RSS, shared buffers counted per process)` : undefined });
      }

      const storedSqlite = join(dir, 'stored-sqlite');
      await setUp('', { dataDir: storedSqlite });
      rows.push(...(await storedScale('SQLite', { dataDir: storedSqlite }, () => startProcess(main, serverEnv({ DATA_DIR: storedSqlite }), listening))));
      // A database of its own on the same cluster for the stored set.
      const admin = new (await import('pg')).default.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('create database stored');
      await admin.end();
      const storedUrl = cluster.url.replace(/\/postgres$/, '/stored');
      await setUp('', { dataDir: dir, databaseUrl: storedUrl });
      rows.push(...(await storedScale('PostgreSQL', { dataDir: dir, databaseUrl: storedUrl }, () => startProcess(main, serverEnv({ DATA_DIR: dir, DATABASE_URL: storedUrl }), listening))));
      return rows;
    } finally {
      cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

// Live class view (issue 28): how long from a headset's progress message to the trainer's tile.
// A class of 12 headsets each sends one change a second; the trainer's page is a server-sent events
// stream. One instance (SQLite, in-process broadcast) and two on one PostgreSQL (headsets post to A,
// the trainer watches through B: LISTEN/NOTIFY in between). Goal: p95 at most 2 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import { createDb } from '../src/server/db/create-db';
import { LiveSessions } from '../src/server/dashboard/live-sessions';
import { createOrganisation } from '../src/server/organisations';
import { ScenarioCatalog, readScenes } from '../src/server/scenario-catalog';
import { startThrowawayPostgres } from '../tests/server/support/postgres';
import type { BenchModule, BenchRow } from './types';

const headsets = 12;
const secondsOfPlay = 12;

interface Instance {
  url: string;
  close(): Promise<void>;
}

async function instance(env: { dataDir: string; databaseUrl?: string }, live?: LiveSessions): Promise<Instance> {
  const opened = await createDb(env);
  const catalog = await ScenarioCatalog.open(opened.db, readScenes(process.cwd()));
  const app: FastifyInstance = await buildApp({ db: opened.db, catalog, ...(live ? { live } : {}), sqliteFile: opened.kind === 'sqlite' ? opened.location : undefined });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: async () => {
      await app.close();
      await live?.close();
      await opened.db.destroy();
    },
  };
}

const json = { 'content-type': 'application/json' };

/** Organisation, trainer login, a group of `headsets` trainees joined: what a class looks like. */
async function classOf(env: { dataDir: string; databaseUrl?: string }, through: Instance) {
  const opened = await createDb(env);
  const email = `trainer${Date.now()}@bench.test`;
  await createOrganisation(opened.db, { name: 'Atelier Zuid', email, password: 'blue kettle orchard seven', country: 'BE' });
  await opened.db.destroy();
  const login = await fetch(`${through.url}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password: 'blue kettle orchard seven' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const asTrainer = { cookie, 'x-csrf-token': csrfToken, ...json };
  const group = (await (await fetch(`${through.url}/api/groups`, { method: 'POST', headers: asTrainer, body: JSON.stringify({ name: 'Bench' }) })).json()) as { id: string };
  const tokens: string[] = [];
  for (let i = 0; i < headsets; i++) {
    const t = (await (await fetch(`${through.url}/api/groups/${group.id}/trainees`, { method: 'POST', headers: asTrainer, body: '{}' })).json()) as { joinCode: string };
    const joined = (await (await fetch(`${through.url}/api/join`, { method: 'POST', headers: json, body: JSON.stringify({ code: t.joinCode }) })).json()) as { token: string };
    tokens.push(joined.token);
  }
  return { cookie, tokens };
}

/** Posts through `to`, watches through `watch`; returns each message's time to its tile (ms). */
async function measure(to: Instance, watch: Instance, cls: { cookie: string; tokens: string[] }): Promise<number[]> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const stream = await fetch(`${watch.url}/api/dashboard/live-attempts`, { headers: { cookie: cls.cookie } });
  const reader = stream.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let reading = true;
  const read = (async () => {
    while (reading) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (!block.includes('event: tile') || !data) continue;
        const tile = JSON.parse(data) as { attemptId: string; mistakes: number };
        const at = sentAt.get(`${tile.attemptId}:${tile.mistakes}`);
        if (at !== undefined) latencies.push(performance.now() - at);
      }
    }
  })();
  const attempts = cls.tokens.map(() => crypto.randomUUID());
  const posts: Promise<unknown>[] = [];
  for (let second = 0; second < secondsOfPlay; second++) {
    for (let h = 0; h < headsets; h++) {
      // Spread over the second, as a class is never in step.
      const delay = (h * 1000) / headsets;
      posts.push(
        new Promise((r) => setTimeout(r, delay)).then(async () => {
          const attemptId = attempts[h]!;
          sentAt.set(`${attemptId}:${second}`, performance.now());
          const body = { v: 1, attemptId, seq: second + 1, scenarioId: 'wood-intro-workbench', mode: 'practice', device: 'vr-controller', language: 'nl', elapsedMs: second * 1000, step: { id: 'start-drill', onStepMs: 1000 }, stepsDone: 1, stepsTotal: 3, mistakes: second, violations: 0, critical: 0, hints: 0, stuck: false, helpAsked: 0, helpAnswered: 0, finished: null };
          await fetch(`${to.url}/api/live/progress`, { method: 'POST', headers: { ...json, authorization: `Bearer ${cls.tokens[h]}` }, body: JSON.stringify(body) });
        }),
      );
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  await Promise.all(posts);
  await new Promise((r) => setTimeout(r, 2500));
  reading = false;
  await reader.cancel();
  await read.catch(() => undefined);
  return latencies;
}

function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

export const liveLatency: BenchModule = {
  name: 'live-latency',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const expected = headsets * secondsOfPlay;
    const dir = mkdtempSync(join(tmpdir(), 'werkvloer-live-bench-'));
    try {
      const one = await instance({ dataDir: dir });
      try {
        const cls = await classOf({ dataDir: dir }, one);
        const l = await measure(one, one, cls);
        rows.push({ area: 'live', name: 'progress → tile p95, one instance (SQLite)', value: Math.round(p95(l)), unit: 'ms', baseline: '≤ 2000', note: `${l.length} of ${expected} messages, ${headsets} headsets at 1/s` });
      } finally {
        await one.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    let cluster: Awaited<ReturnType<typeof startThrowawayPostgres>> | null = null;
    try {
      cluster = await startThrowawayPostgres();
      const env = { dataDir: '', databaseUrl: cluster.url };
      const onError = (e: Error) => console.warn('live bench:', e.message);
      const a = await instance(env, await LiveSessions.postgres(cluster.url, onError));
      const b = await instance(env, await LiveSessions.postgres(cluster.url, onError));
      try {
        const cls = await classOf(env, a);
        const l = await measure(a, b, cls);
        rows.push({ area: 'live', name: 'progress → tile p95, two instances (PostgreSQL NOTIFY)', value: Math.round(p95(l)), unit: 'ms', baseline: '≤ 2000', note: `${l.length} of ${expected} messages; posted to A, watched on B` });
      } finally {
        await a.close();
        await b.close();
      }
    } catch (error) {
      rows.push({ area: 'live', name: 'progress → tile p95, two instances (PostgreSQL NOTIFY)', value: null, unit: 'ms', baseline: '≤ 2000', note: `not measured: ${(error as Error).message}` });
    } finally {
      cluster?.stop();
    }
    return rows;
  },
};

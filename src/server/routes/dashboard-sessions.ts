import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Mode, Scenario, SessionEvent } from '../../engine';
import type { Database } from '../db/schema';
import type { ScenarioCatalog } from '../scenario-catalog';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import type { LiveSessions } from '../dashboard/live-sessions';
import { sessionColumns, sessionPage, sessionListSchema, sessionSummary, filteredSessions } from '../dashboard/session-query';
import { sessionTimeline } from '../dashboard/session-timeline';
import { invalidBody } from './invalid-body';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be a session id' }) });

export interface DashboardSessionOptions {
  db: Kysely<Database>;
  now: () => Date;
  catalog: ScenarioCatalog;
  live: LiveSessions;
  /** Comment lines keep proxies and the browser from closing a quiet stream. */
  heartbeatMs?: number;
}

/** The sessions list (filters, sort, pages), one session's timeline, and the live stream of new ones. */
export async function dashboardSessionRoutes(app: FastifyInstance, opts: DashboardSessionOptions) {
  const { db } = opts;
  const guard = trainerGuard(db, opts.now);
  const open = new Set<() => void>();

  app.get('/api/dashboard/sessions', { preHandler: guard }, async (request, reply) => {
    const parsed = sessionListSchema.safeParse(request.query);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    return sessionPage(db, trainerOf(request).trainer.organisationId, parsed.data);
  });

  app.get('/api/dashboard/sessions/:id', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const row = await filteredSessions(db, org, {})
      .select([...sessionColumns, 's.events_json', 's.scenario_hash'])
      .where('s.id', '=', params.data.id)
      .executeTakeFirst();
    if (!row) return reply.code(404).send({ error: 'not-found', message: 'no such session in your organisation' });
    const entry = await opts.catalog.find(row.scenario_hash, row.scenario_id, row.scenario_version);
    if (!entry) return reply.code(500).send({ error: 'server-error', message: 'the scenario version of this session is missing on the server' });
    // The server's own replay with the exact scenario version the session was scored on.
    const timeline = sessionTimeline(entry.scenario as Scenario, JSON.parse(row.events_json) as SessionEvent[], row.mode as Mode);
    return { ...sessionSummary(row), ...timeline };
  });

  // Server-sent events: `session` with the new session's summary, for this trainer's organisation only.
  app.get('/api/dashboard/live', { preHandler: guard }, async (request, reply) => {
    const org = trainerOf(request).trainer.organisationId;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 3000\nevent: ready\ndata: {}\n\n');
    const unsubscribe = opts.live.subscribe(org, (event) => {
      void filteredSessions(db, org, {})
        .select([...sessionColumns])
        .where('s.id', '=', event.sessionId)
        .executeTakeFirst()
        .then((row) => {
          if (row && !res.writableEnded) res.write(`id: ${row.id}\nevent: session\ndata: ${JSON.stringify(sessionSummary(row))}\n\n`);
        })
        .catch((error: unknown) => request.log.warn({ err: error }, 'live session lookup failed'));
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), opts.heartbeatMs ?? 25_000);
    heartbeat.unref();
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      open.delete(stop);
      if (!res.writableEnded) res.end();
    };
    open.add(stop);
    request.raw.on('close', stop);
    res.on('close', stop);
  });
  // Open streams never end by themselves: a closing server ends them, or close() would wait forever.
  app.addHook('preClose', async () => {
    for (const stop of [...open]) stop();
  });
}

import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Mode, Scenario, SessionEvent } from '../../engine';
import type { Database } from '../db/schema';
import type { ScenarioCatalog } from '../scenario-catalog';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import type { LiveSessions } from '../dashboard/live-sessions';
import { InvalidCursor, sessionColumns, sessionPage, sessionListSchema, sessionSummary, filteredSessions } from '../dashboard/session-query';
import { liveCursor, parseLiveCursor, SentIds } from '../dashboard/live-cursor';
import { sessionTimeline } from '../dashboard/session-timeline';
import { invalidBody } from './invalid-body';
import { eventStreams } from '../http/event-streams';
import { storedLog } from '../db/stored-session';

/** How far before the last event a catch-up looks (clock differences between instances). */
const liveOverlapMs = 5000;
/** More sessions than this missed: the stream says `reload` instead of sending each. */
const liveCatchUpLimit = 200;

const idParams = z.strictObject({ id: z.uuid({ message: 'must be a session id' }) });

export interface DashboardSessionOptions {
  db: Kysely<Database>;
  /** Where the list, the detail and the live stream read (SQLite: reader threads). */
  readDb: Kysely<Database>;
  now: () => Date;
  catalog: ScenarioCatalog;
  live: LiveSessions;
  /** Comment lines keep proxies and the browser from closing a quiet stream. */
  heartbeatMs?: number;
}

/** The sessions list (filters, sort, pages), one session's timeline, and the live stream of new ones. */
export async function dashboardSessionRoutes(app: FastifyInstance, opts: DashboardSessionOptions) {
  const { db, readDb } = opts;
  const guard = trainerGuard(db, opts.now);
  const streams = eventStreams(app);

  app.get('/api/dashboard/sessions', { preHandler: guard }, async (request, reply) => {
    const parsed = sessionListSchema.safeParse(request.query);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    try {
      return await sessionPage(readDb, trainerOf(request).trainer.organisationId, parsed.data);
    } catch (error) {
      if (error instanceof InvalidCursor) return reply.code(400).send({ error: 'invalid-request', message: error.message });
      throw error;
    }
  });

  app.get('/api/dashboard/sessions/:id', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const row = await filteredSessions(readDb, org, {})
      .select([...sessionColumns, 's.scenario_hash', (eb) => storedLog(eb, 'events_json')])
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
  // Every event carries an id (the position in arrival order); a browser that reconnects sends the
  // last one as Last-Event-ID and gets what arrived meanwhile (a server restart, a lost LISTEN
  // connection), or `reload` when that is more than a page.
  app.get('/api/dashboard/live', { preHandler: guard }, async (request, reply) => {
    const org = trainerOf(request).trainer.organisationId;
    const lastEventId = request.headers['last-event-id'];
    const since = typeof lastEventId === 'string' ? parseLiveCursor(lastEventId) : null;
    const stream = streams.open(request, reply, { heartbeatMs: opts.heartbeatMs });
    const { res } = stream;
    let position = since ?? { at: opts.now().toISOString(), id: '' };
    const sent = new SentIds();
    const send = (row: Parameters<typeof sessionSummary>[0]) => {
      if (res.writableEnded || sent.has(row.id)) return;
      sent.add(row.id);
      if (row.received_at > position.at || (row.received_at === position.at && row.id > position.id)) position = { at: row.received_at, id: row.id };
      res.write(`id: ${liveCursor(position)}\nevent: session\ndata: ${JSON.stringify(sessionSummary(row))}\n\n`);
    };
    // What arrived since `position`: a little before it too, since instances' clocks differ by
    // milliseconds; ids already sent on this stream are skipped.
    let catchingUp: Promise<void> = Promise.resolve();
    const catchUp = () => {
      catchingUp = catchingUp.then(async () => {
        const from = new Date(Date.parse(position.at) - liveOverlapMs).toISOString();
        const rows = await filteredSessions(readDb, org, {})
          .select([...sessionColumns])
          .where('s.received_at', '>=', from)
          .orderBy('s.received_at', 'asc')
          .orderBy('s.id', 'asc')
          .limit(liveCatchUpLimit + 1)
          .execute();
        if (rows.length > liveCatchUpLimit) {
          // Too much to replay one by one: the page reloads its list.
          position = { at: rows.at(-1)!.received_at, id: rows.at(-1)!.id };
          if (!res.writableEnded) res.write(`id: ${liveCursor(position)}\nevent: reload\ndata: {}\n\n`);
          return;
        }
        for (const row of rows) send(row);
      }).catch((error: unknown) => request.log.warn({ err: error }, 'live catch-up failed'));
    };
    res.write(`retry: 3000\nid: ${liveCursor(position)}\nevent: ready\ndata: {}\n\n`);
    if (since) catchUp();
    stream.onEnd(opts.live.subscribe(
      org,
      (event) => {
        void filteredSessions(readDb, org, {})
          .select([...sessionColumns])
          .where('s.id', '=', event.sessionId)
          .executeTakeFirst()
          .then((row) => row && send(row))
          .catch((error: unknown) => request.log.warn({ err: error }, 'live session lookup failed'));
      },
      catchUp,
    ));
  });
}

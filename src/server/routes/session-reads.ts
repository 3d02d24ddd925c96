import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { sessionFields } from '../session-fields';
import { invalidBody } from './invalid-body';
import { storedLog } from '../db/stored-session';

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Keyset pagination: the `receivedAt|id` cursor of the last row of the previous page. */
  before: z.string().max(200).optional(),
});
const idParams = z.strictObject({ id: z.uuid({ message: 'must be a session id' }) });

/**
 * The trainer's read of sessions, always within their organisation. The dashboard (issue 8) adds
 * filters and detail views on top; this is the scoped foundation it builds on.
 */
export async function sessionReadRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date }) {
  const { db } = opts;
  const guard = trainerGuard(db, opts.now);
  const base = (org: string) =>
    db
      .selectFrom('sessions as s')
      .innerJoin('trainees as t', 't.id', 's.trainee_id')
      .where('s.organisation_id', '=', org)
      .where('t.organisation_id', '=', org);

  app.get('/api/sessions', { preHandler: guard }, async (request, reply) => {
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    let q = base(trainerOf(request).trainer.organisationId)
      .select(['s.id', 's.scenario_id', 's.scenario_version', 's.mode', 's.device', 's.language', 's.score', 's.passed', 's.started_at', 's.ended_at', 's.duration_ms', 's.received_at', 't.code', 't.group_id'])
      .orderBy('s.received_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(parsed.data.limit);
    if (parsed.data.before) {
      const [at, id] = parsed.data.before.split('|');
      if (!at || !id) return reply.code(400).send({ error: 'invalid-request', message: 'before: must be a cursor from a previous page' });
      q = q.where((eb) => eb.or([eb('s.received_at', '<', at), eb.and([eb('s.received_at', '=', at), eb('s.id', '<', id)])]));
    }
    const rows = await q.execute();
    const last = rows.at(-1);
    return {
      sessions: rows.map((r) => ({ id: r.id, trainee: { code: r.code, groupId: r.group_id }, ...sessionFields(r) })),
      next: rows.length === parsed.data.limit && last ? `${last.received_at}|${last.id}` : null,
    };
  });

  app.get('/api/sessions/:id', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const row = await base(trainerOf(request).trainer.organisationId)
      .selectAll('s')
      .select(['t.code', 't.alias'])
      .select((eb) => [storedLog(eb, 'events_json', 'events'), storedLog(eb, 'result_json', 'result')])
      .where('s.id', '=', params.data.id)
      .executeTakeFirst();
    if (!row) return reply.code(404).send({ error: 'not-found', message: 'no such session in your organisation' });
    return {
      id: row.id,
      trainee: { code: row.code, alias: row.alias },
      ...sessionFields(row),
      events: JSON.parse(row.events) as unknown,
      result: JSON.parse(row.result) as unknown,
    };
  });
}

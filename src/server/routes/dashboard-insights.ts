import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { groupStepFailures, traineeCompetencies } from '../dashboard/aggregates';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { traineeAssignments } from '../dashboard/assignments';
import type { StationTexts } from '../dashboard/station-texts';
import { invalidBody } from './invalid-body';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const langQuery = z.strictObject({ lng: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code').default('nl') });

/** The numbers behind the trainee and group pages, and the station names the dashboard shows. */
/** A trainee page lists at most this many attempts (the newest); the profile counts them all. */
export const attemptListLimit = 1000;

export async function dashboardInsightRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; readDb: Kysely<Database>; now: () => Date; texts: StationTexts }) {
  const { readDb: db } = opts;
  const guard = trainerGuard(db, opts.now);

  app.get('/api/dashboard/stations', { preHandler: guard }, async (request, reply) => {
    const q = langQuery.safeParse(request.query);
    if (!q.success) return invalidBody(reply, q.error);
    return { stations: opts.texts.list(q.data.lng) };
  });

  // Every attempt of one trainee, oldest first, and the competency profile averaged over them.
  app.get('/api/dashboard/trainees/:id', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const trainee = await db
      .selectFrom('trainees as t')
      .innerJoin('groups as g', 'g.id', 't.group_id')
      .select(['t.id', 't.code', 't.alias', 't.created_at', 'g.id as group_id', 'g.name as group_name'])
      .where('t.id', '=', params.data.id)
      .where('t.organisation_id', '=', org)
      .executeTakeFirst();
    if (!trainee) return reply.code(404).send({ error: 'not-found', message: 'no such trainee in your organisation' });
    // The newest attempts, shown oldest first; the profile is a database aggregate over all of them.
    const newest = await db
      .selectFrom('sessions')
      .select(['id', 'scenario_id', 'mode', 'score', 'passed', 'ended_at', 'duration_ms'])
      .where('trainee_id', '=', trainee.id)
      .where('organisation_id', '=', org)
      .orderBy('ended_at', 'desc')
      .orderBy('id', 'desc')
      .limit(attemptListLimit)
      .execute();
    const rows = newest.reverse();
    const profile = await traineeCompetencies(db, org, trainee.id);
    return {
      id: trainee.id,
      code: trainee.code,
      alias: trainee.alias,
      createdAt: trainee.created_at,
      group: { id: trainee.group_id, name: trainee.group_name },
      assignments: await traineeAssignments(db, trainee.id),
      attempts: rows.map((r) => ({ id: r.id, scenarioId: r.scenario_id, mode: r.mode, score: r.score, passed: r.passed === 1, endedAt: r.ended_at, durationMs: r.duration_ms })),
      competencies: profile,
    };
  });

  // Per station, the group's steps ranked by how often they were not done cleanly (a mistake or not done).
  app.get('/api/dashboard/groups/:id/step-failures', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const group = await db.selectFrom('groups').select(['id', 'name']).where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (!group) return reply.code(404).send({ error: 'not-found', message: 'no such group in your organisation' });
    return { group: { id: group.id, name: group.name }, stations: await groupStepFailures(db, org, group.id) };
  });
}

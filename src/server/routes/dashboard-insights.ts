import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { competencies, type ScoreResult } from '../../engine';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { traineeAssignments } from '../dashboard/assignments';
import type { StationTexts } from '../dashboard/station-texts';
import { invalidBody } from './invalid-body';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const langQuery = z.strictObject({ lng: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code').default('nl') });

/** The numbers behind the trainee and group pages, and the station names the dashboard shows. */
export async function dashboardInsightRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; texts: StationTexts }) {
  const { db } = opts;
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
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'scenario_id', 'mode', 'score', 'passed', 'ended_at', 'duration_ms', 'result_json'])
      .where('trainee_id', '=', trainee.id)
      .where('organisation_id', '=', org)
      .orderBy('ended_at', 'asc')
      .orderBy('id', 'asc')
      .execute();
    const sums = Object.fromEntries(competencies.map((c) => [c, { total: 0, n: 0 }]));
    for (const r of rows) {
      const result = JSON.parse(r.result_json) as ScoreResult;
      for (const c of competencies) {
        const v = result.competencies[c];
        if (v !== null && v !== undefined) {
          sums[c]!.total += v;
          sums[c]!.n += 1;
        }
      }
    }
    return {
      id: trainee.id,
      code: trainee.code,
      alias: trainee.alias,
      createdAt: trainee.created_at,
      group: { id: trainee.group_id, name: trainee.group_name },
      assignments: await traineeAssignments(db, trainee.id),
      attempts: rows.map((r) => ({ id: r.id, scenarioId: r.scenario_id, mode: r.mode, score: r.score, passed: r.passed === 1, endedAt: r.ended_at, durationMs: r.duration_ms })),
      competencies: competencies.map((c) => ({ competency: c, score: sums[c]!.n > 0 ? Math.round(sums[c]!.total / sums[c]!.n) : null, attempts: sums[c]!.n })),
    };
  });

  // Per station, the group's steps ranked by how often they were not done cleanly (a mistake or not done).
  app.get('/api/dashboard/groups/:id/step-failures', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const group = await db.selectFrom('groups').select(['id', 'name']).where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (!group) return reply.code(404).send({ error: 'not-found', message: 'no such group in your organisation' });
    const rows = await db
      .selectFrom('sessions as s')
      .innerJoin('trainees as t', 't.id', 's.trainee_id')
      .select(['s.scenario_id', 's.result_json'])
      .where('t.group_id', '=', group.id)
      .where('s.organisation_id', '=', org)
      .execute();
    const byStation = new Map<string, { attempts: number; steps: Map<string, { failed: number; mistakes: number; notDone: number }> }>();
    for (const r of rows) {
      const result = JSON.parse(r.result_json) as ScoreResult;
      const station = byStation.get(r.scenario_id) ?? { attempts: 0, steps: new Map() };
      station.attempts++;
      for (const s of result.steps) {
        const agg = station.steps.get(s.id) ?? { failed: 0, mistakes: 0, notDone: 0 };
        if (!s.done || s.mistakes > 0) agg.failed++;
        if (!s.done) agg.notDone++;
        agg.mistakes += s.mistakes;
        station.steps.set(s.id, agg);
      }
      byStation.set(r.scenario_id, station);
    }
    return {
      group: { id: group.id, name: group.name },
      stations: [...byStation.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([scenarioId, s]) => ({
          scenarioId,
          attempts: s.attempts,
          steps: [...s.steps.entries()]
            .map(([step, a]) => ({ step, failed: a.failed, notDone: a.notDone, mistakes: a.mistakes, failRate: Math.round((100 * a.failed) / s.attempts) }))
            .sort((x, y) => y.failed - x.failed || x.step.localeCompare(y.step)),
        })),
    };
  });
}

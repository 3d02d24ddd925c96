import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { competencyFigures, stationFigures, traineeFigures } from '../dashboard/station-totals';
import { invalidBody } from './invalid-body';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const summaryQuery = z.strictObject({
  /** The start of the trainer's own day (local midnight as an instant); UTC midnight when left out. */
  dayStart: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-12-06T00:00:00+01:00' }).optional(),
});

/** Who needs attention: this many sessions in the last week and not one passed. */
export const attentionAfterFailures = 2;
const weekMs = 7 * 24 * 60 * 60 * 1000;

/**
 * The coach's figures (issue 27): the summary on top of the dashboard, a trainee beside their group,
 * a group's progress report, and the server's headset address for QR cards. Every group- or
 * organisation-wide number is one aggregate query (bounded rows out: per station, per trainee of a
 * group, or one row), never a read of every session; only one trainee's own attempts are read whole.
 */
export async function dashboardCoachingRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; readDb?: Kysely<Database>; now: () => Date; headsetUrls: () => string[] }) {
  const { now } = opts;
  const guard = trainerGuard(opts.db, now);
  // Every figure here is a read: on SQLite it runs on a reader thread, never on the thread that answers uploads.
  const db = opts.readDb ?? opts.db;
  const groupOf = (org: string, id: string) => db.selectFrom('groups').select(['id', 'name']).where('id', '=', id).where('organisation_id', '=', org).executeTakeFirst();

  app.get('/api/dashboard/server-info', { preHandler: guard }, async () => ({ headsetUrls: opts.headsetUrls(), appName: 'werkvloer' }));

  app.get('/api/dashboard/summary', { preHandler: guard }, async (request, reply) => {
    const q = summaryQuery.safeParse(request.query);
    if (!q.success) return invalidBody(reply, q.error);
    const org = trainerOf(request).trainer.organisationId;
    const at = now();
    const dayStart = q.data.dayStart ? new Date(q.data.dayStart).toISOString() : `${at.toISOString().slice(0, 10)}T00:00:00.000Z`;
    const weekStart = new Date(at.getTime() - weekMs).toISOString();
    const today = await db
      .selectFrom('sessions as s')
      .select(sql<number>`count(distinct s.trainee_id)`.as('active'))
      .where('s.organisation_id', '=', org)
      .where('s.ended_at', '>=', dayStart)
      .executeTakeFirstOrThrow();
    const week = await db
      .selectFrom('sessions as s')
      .select([sql<number>`count(*)`.as('sessions'), sql<number | null>`sum(s.passed)`.as('passed')])
      .where('s.organisation_id', '=', org)
      .where('s.ended_at', '>=', weekStart)
      .executeTakeFirstOrThrow();
    const struggling = db
      .selectFrom('sessions as s')
      .innerJoin('trainees as t', 't.id', 's.trainee_id')
      .innerJoin('groups as g', 'g.id', 't.group_id')
      .select(['t.id', 't.code', 't.alias', 'g.id as group_id', 'g.name as group_name', sql<number>`count(*)`.as('attempts')])
      .where('s.organisation_id', '=', org)
      .where('s.ended_at', '>=', weekStart)
      .groupBy(['t.id', 't.code', 't.alias', 'g.id', 'g.name'])
      .having(sql`sum(s.passed)`, '=', 0)
      .having(sql`count(*)`, '>=', attentionAfterFailures);
    const firstFive = await struggling.orderBy(sql`count(*)`, 'desc').orderBy('t.code').limit(5).execute();
    const counted = await db.selectFrom(struggling.as('a')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const sessions = Number(week.sessions);
    return {
      activeToday: Number(today.active),
      sessionsThisWeek: sessions,
      passRate: sessions > 0 ? Math.round((100 * Number(week.passed ?? 0)) / sessions) : null,
      needsAttention: Number(counted.n),
      attention: firstFive.map((r) => ({ id: r.id, code: r.code, alias: r.alias, group: { id: r.group_id, name: r.group_name }, failedAttempts: Number(r.attempts) })),
    };
  });

  // A trainee beside their group: per station and per competency; critical violations beside the profile.
  app.get('/api/dashboard/trainees/:id/coaching', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const trainee = await db.selectFrom('trainees').select(['id', 'group_id']).where('id', '=', params.data.id).where('organisation_id', '=', org).executeTakeFirst();
    if (!trainee) return reply.code(404).send({ error: 'not-found', message: 'no such trainee in your organisation' });
    // The narrow rows of the trainee's own attempts (bounded by one trainee), for the per-session counts,
    // the latest language and the best score per station; everything compared with the group comes from
    // the running totals (dashboard/station-totals.ts), never from the group's sessions.
    const own = await db
      .selectFrom('sessions as s')
      .select(['s.id', 's.language', 's.scenario_id', 's.score', 's.critical_violations'])
      .where('s.trainee_id', '=', trainee.id)
      .where('s.organisation_id', '=', org)
      .orderBy('s.ended_at')
      .orderBy('s.id')
      .execute();
    const criticalBySession: Record<string, number> = Object.fromEntries(own.map((r) => [r.id, r.critical_violations ?? 0]));
    const attemptsWithCritical = own.filter((r) => (r.critical_violations ?? 0) > 0).length;
    const best = new Map<string, number>();
    for (const r of own) best.set(r.scenario_id, Math.max(best.get(r.scenario_id) ?? r.score, r.score));
    const mineScope = { organisationId: org, traineeId: trainee.id };
    const groupScope = { organisationId: org, groupId: trainee.group_id };
    const [mine, group, myProfile, groupProfile] = await Promise.all([stationFigures(db, mineScope), stationFigures(db, groupScope), competencyFigures(db, mineScope), competencyFigures(db, groupScope)]);
    const groupBy = new Map(group.map((g) => [g.scenarioId, g]));
    const groupCompetency = new Map(groupProfile.map((g) => [g.competency, g]));
    return {
      // The language of their latest session: the trainee's copy of the report speaks it.
      language: own.at(-1)?.language ?? null,
      critical: { total: Object.values(criticalBySession).reduce((a, b) => a + b, 0), attempts: attemptsWithCritical, of: own.length, bySession: criticalBySession },
      stations: mine.map((m) => {
        const g = groupBy.get(m.scenarioId);
        return {
          scenarioId: m.scenarioId,
          trainee: { average: m.average, best: best.get(m.scenarioId) ?? null, attempts: m.attempts, passed: m.passed },
          group: g ? { average: g.average, attempts: g.attempts, passed: g.passed } : null,
        };
      }),
      competencies: myProfile.map((m) => ({ competency: m.competency, trainee: m.average, group: groupCompetency.get(m.competency)?.average ?? null, criticalViolations: m.criticalViolations })),
    };
  });

  // A group's progress report: one row per trainee and one per station, all aggregated by the database.
  app.get('/api/dashboard/groups/:id/report', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const group = await groupOf(org, params.data.id);
    if (!group) return reply.code(404).send({ error: 'not-found', message: 'no such group in your organisation' });
    const scope = { organisationId: org, groupId: group.id };
    const [trainees, stations, profile] = await Promise.all([traineeFigures(db, org, group.id), stationFigures(db, scope), competencyFigures(db, scope)]);
    return {
      group: { id: group.id, name: group.name },
      trainees,
      stations: stations.map((s) => ({ scenarioId: s.scenarioId, average: s.average, attempts: s.attempts, passed: s.passed, trainees: s.trainees })),
      competencies: profile.map((c) => ({ competency: c.competency, group: c.average })),
    };
  });
}

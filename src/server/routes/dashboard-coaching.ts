import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { competencies, type ScoreResult } from '../../engine';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { competencyScore, failedByCritical } from '../dashboard/score-columns-sql';
import { invalidBody } from './invalid-body';
import { storedLog } from '../db/stored-session';

const idParams = z.strictObject({ id: z.uuid({ message: 'must be an id from this API' }) });
const summaryQuery = z.strictObject({
  /** The start of the trainer's own day (local midnight as an instant); UTC midnight when left out. */
  dayStart: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-12-06T00:00:00+01:00' }).optional(),
});

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const round = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
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
    // The narrow rows of the trainee's attempts; score details (beside the event log since issue 17) only of
    // those with a critical violation, for its competency: a clean attempt's 0 is on the row already.
    const own = await db
      .selectFrom('sessions as s')
      .select(['s.id', 's.language', 's.critical_violations'])
      .where('s.trainee_id', '=', trainee.id)
      .where('s.organisation_id', '=', org)
      .orderBy('s.ended_at')
      .orderBy('s.id')
      .execute();
    const withCritical = await db
      .selectFrom('sessions as s')
      .select(['s.id', (eb) => storedLog(eb, 'result_json')])
      .where('s.trainee_id', '=', trainee.id)
      .where('s.organisation_id', '=', org)
      // null: a row from before the move whose score details could not be read into the columns.
      .where((eb) => eb.or([eb('s.critical_violations', '>', 0), eb('s.critical_violations', 'is', null)]))
      .execute();
    const criticalByCompetency = Object.fromEntries(competencies.map((c) => [c, 0])) as Record<string, number>;
    const criticalBySession: Record<string, number> = Object.fromEntries(own.map((r) => [r.id, r.critical_violations ?? 0]));
    for (const r of withCritical) {
      const critical = (JSON.parse(r.result_json) as ScoreResult).violations.filter((v) => v.critical);
      for (const v of critical) criticalByCompetency[v.competency] = (criticalByCompetency[v.competency] ?? 0) + 1;
      criticalBySession[r.id] = critical.length;
    }
    const attemptsWithCritical = Object.values(criticalBySession).filter((n) => n > 0).length;
    const perStation = (who: 'trainee' | 'group') => {
      let q = db
        .selectFrom('sessions as s')
        .innerJoin('trainees as t', 't.id', 's.trainee_id')
        .select(['s.scenario_id', sql<number>`avg(s.score)`.as('avg'), sql<number>`max(s.score)`.as('best'), sql<number>`count(*)`.as('attempts'), sql<number>`sum(s.passed)`.as('passed')])
        .where('s.organisation_id', '=', org);
      q = who === 'trainee' ? q.where('s.trainee_id', '=', trainee.id) : q.where('t.group_id', '=', trainee.group_id);
      return q.groupBy('s.scenario_id').orderBy('s.scenario_id').execute();
    };
    const perCompetency = (who: 'trainee' | 'group') => {
      let q = db
        .selectFrom('sessions as s')
        .innerJoin('trainees as t', 't.id', 's.trainee_id')
        .select(competencies.map((c) => sql<number | null>`avg(${competencyScore(c)})`.as(c)))
        .where('s.organisation_id', '=', org);
      q = who === 'trainee' ? q.where('s.trainee_id', '=', trainee.id) : q.where('t.group_id', '=', trainee.group_id);
      return q.executeTakeFirstOrThrow() as Promise<Record<string, unknown>>;
    };
    const [mine, group, myProfile, groupProfile] = await Promise.all([perStation('trainee'), perStation('group'), perCompetency('trainee'), perCompetency('group')]);
    const groupBy = new Map(group.map((g) => [g.scenario_id, g]));
    return {
      // The language of their latest session: the trainee's copy of the report speaks it.
      language: own.at(-1)?.language ?? null,
      critical: { total: Object.values(criticalBySession).reduce((a, b) => a + b, 0), attempts: attemptsWithCritical, of: own.length, bySession: criticalBySession },
      stations: mine.map((m) => {
        const g = groupBy.get(m.scenario_id);
        return {
          scenarioId: m.scenario_id,
          trainee: { average: round(m.avg), best: num(m.best), attempts: Number(m.attempts), passed: Number(m.passed ?? 0) },
          group: g ? { average: round(g.avg), attempts: Number(g.attempts), passed: Number(g.passed ?? 0) } : null,
        };
      }),
      competencies: competencies.map((c) => ({ competency: c, trainee: round(myProfile[c]), group: round(groupProfile[c]), criticalViolations: criticalByCompetency[c] ?? 0 })),
    };
  });

  // A group's progress report: one row per trainee and one per station, all aggregated by the database.
  app.get('/api/dashboard/groups/:id/report', { preHandler: guard }, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return invalidBody(reply, params.error);
    const org = trainerOf(request).trainer.organisationId;
    const group = await groupOf(org, params.data.id);
    if (!group) return reply.code(404).send({ error: 'not-found', message: 'no such group in your organisation' });
    const trainees = await db
      .selectFrom('trainees as t')
      .leftJoin('sessions as s', (j) => j.onRef('s.trainee_id', '=', 't.id').on('s.organisation_id', '=', org))
      .select([
        't.id',
        't.code',
        't.alias',
        sql<number>`count(s.id)`.as('attempts'),
        sql<number | null>`sum(s.passed)`.as('passed'),
        sql<number | null>`avg(s.score)`.as('avg'),
        sql<number | null>`sum(${failedByCritical()})`.as('critical'),
        sql<string | null>`max(s.ended_at)`.as('last'),
        // The language of the trainee's latest session: their QR card and report copy speak it.
        sql<string | null>`(select s2.language from sessions s2 where s2.trainee_id = t.id order by s2.ended_at desc limit 1)`.as('language'),
      ])
      .where('t.group_id', '=', group.id)
      .where('t.organisation_id', '=', org)
      .groupBy(['t.id', 't.code', 't.alias'])
      .orderBy('t.code')
      .execute();
    const stations = await db
      .selectFrom('sessions as s')
      .innerJoin('trainees as t', 't.id', 's.trainee_id')
      .select(['s.scenario_id', sql<number>`avg(s.score)`.as('avg'), sql<number>`count(*)`.as('attempts'), sql<number>`sum(s.passed)`.as('passed'), sql<number>`count(distinct s.trainee_id)`.as('trainees')])
      .where('t.group_id', '=', group.id)
      .where('s.organisation_id', '=', org)
      .groupBy('s.scenario_id')
      .orderBy('s.scenario_id')
      .execute();
    const profile = (await db
      .selectFrom('sessions as s')
      .innerJoin('trainees as t', 't.id', 's.trainee_id')
      .select(competencies.map((c) => sql<number | null>`avg(${competencyScore(c)})`.as(c)))
      .where('t.group_id', '=', group.id)
      .where('s.organisation_id', '=', org)
      .executeTakeFirstOrThrow()) as Record<string, unknown>;
    return {
      group: { id: group.id, name: group.name },
      trainees: trainees.map((t) => ({
        id: t.id,
        code: t.code,
        alias: t.alias,
        attempts: Number(t.attempts),
        passed: Number(t.passed ?? 0),
        average: round(t.avg),
        failedByCritical: Number(t.critical ?? 0),
        lastActivity: t.last,
        language: t.language,
      })),
      stations: stations.map((s) => ({ scenarioId: s.scenario_id, average: round(s.avg), attempts: Number(s.attempts), passed: Number(s.passed ?? 0), trainees: Number(s.trainees) })),
      competencies: competencies.map((c) => ({ competency: c, group: round(profile[c]) })),
    };
  });
}

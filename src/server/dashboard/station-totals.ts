import { sql, type Kysely } from 'kysely';
import { competencies, type Competency } from '../../engine';
import { competencyColumns } from '../db/migration-event-log';
import { criticalColumns } from '../db/migration-station-totals';
import type { Database } from '../db/schema';

/**
 * The coaching figures (a trainee beside their group, a group's report) from `station_totals`, the
 * running sums per trainee, station and mode kept at upload by triggers (migration-station-totals.ts):
 * a group costs its trainees × stations × modes rows, whatever its number of sessions. Exam and
 * practice are summed together here, as the views showed them; the mode is in the key for views
 * that split them. Rows whose sessions were all deleted (retention, erase) stay at 0 and are skipped.
 */

/** Whose totals: one trainee, or every trainee of a group. */
export type TotalsScope = { organisationId: string } & ({ traineeId: string } | { groupId: string });

function scoped(db: Kysely<Database>, scope: TotalsScope) {
  const q = db.selectFrom('station_totals as st').innerJoin('trainees as t', 't.id', 'st.trainee_id').where('t.organisation_id', '=', scope.organisationId);
  return 'traineeId' in scope ? q.where('st.trainee_id', '=', scope.traineeId) : q.where('t.group_id', '=', scope.groupId);
}

const n = (v: unknown) => Number(v ?? 0);
/** A rounded average of `sum` over `count`; null when nothing was counted. */
export const roundedAverage = (sum: unknown, count: unknown) => (n(count) > 0 ? Math.round(n(sum) / n(count)) : null);

export interface StationFigures {
  scenarioId: string;
  attempts: number;
  passed: number;
  /** Rounded average score; null only without attempts (never listed). */
  average: number | null;
  /** Trainees with at least one attempt. */
  trainees: number;
}

/** Per station (by id): attempts, passed, average score and how many trainees tried it. */
export async function stationFigures(db: Kysely<Database>, scope: TotalsScope): Promise<StationFigures[]> {
  const rows = await scoped(db, scope)
    .select([
      'st.scenario_id',
      sql<number | string>`sum(st.attempts)`.as('attempts'),
      sql<number | string>`sum(st.passed)`.as('passed'),
      sql<number | string>`sum(st.score_sum)`.as('score_sum'),
      sql<number | string>`count(distinct case when st.attempts > 0 then st.trainee_id end)`.as('trainees'),
    ])
    .groupBy('st.scenario_id')
    .having(sql`sum(st.attempts)`, '>', 0)
    .orderBy('st.scenario_id')
    .execute();
  return rows.map((r) => ({ scenarioId: r.scenario_id, attempts: n(r.attempts), passed: n(r.passed), average: roundedAverage(r.score_sum, r.attempts), trainees: n(r.trainees) }));
}

export interface CompetencyFigures {
  competency: Competency;
  /** Rounded average sub-score over the sessions that had one; null when none had. */
  average: number | null;
  criticalViolations: number;
}

/** Per competency: the average sub-score and the critical violations of it. */
export async function competencyFigures(db: Kysely<Database>, scope: TotalsScope): Promise<CompetencyFigures[]> {
  const row = (await scoped(db, scope)
    .select(
      competencies.flatMap((c) => {
        const column = competencyColumns[c];
        return [
          sql<number | string | null>`sum(${sql.ref(`st.${column}_sum`)})`.as(`${column}_sum`),
          sql<number | string | null>`sum(${sql.ref(`st.${column}_n`)})`.as(`${column}_n`),
          sql<number | string | null>`sum(${sql.ref(`st.${criticalColumns[c]}`)})`.as(criticalColumns[c]),
        ];
      }),
    )
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  return competencies.map((c) => ({
    competency: c,
    average: roundedAverage(row?.[`${competencyColumns[c]}_sum`], row?.[`${competencyColumns[c]}_n`]),
    criticalViolations: n(row?.[criticalColumns[c]]),
  }));
}

export interface TraineeFigures {
  id: string;
  code: string;
  alias: string | null;
  attempts: number;
  passed: number;
  average: number | null;
  /** Sessions failed by a critical violation. */
  failedByCritical: number;
  /** When their latest session ended; null without sessions. */
  lastActivity: string | null;
  /** The language of their latest session. */
  language: string | null;
}

/** One row per trainee of a group, in code order: totals, and their latest session's end and language (an index lookup each). */
export async function traineeFigures(db: Kysely<Database>, organisationId: string, groupId: string): Promise<TraineeFigures[]> {
  const rows = await db
    .selectFrom('trainees as t')
    .leftJoin('station_totals as st', 'st.trainee_id', 't.id')
    .select([
      't.id',
      't.code',
      't.alias',
      sql<number | string | null>`sum(st.attempts)`.as('attempts'),
      sql<number | string | null>`sum(st.passed)`.as('passed'),
      sql<number | string | null>`sum(st.score_sum)`.as('score_sum'),
      sql<number | string | null>`sum(st.failed_by_critical)`.as('critical'),
      sql<string | null>`(select max(s2.ended_at) from sessions s2 where s2.trainee_id = t.id)`.as('last'),
      sql<string | null>`(select s2.language from sessions s2 where s2.trainee_id = t.id order by s2.ended_at desc limit 1)`.as('language'),
    ])
    .where('t.group_id', '=', groupId)
    .where('t.organisation_id', '=', organisationId)
    .groupBy(['t.id', 't.code', 't.alias'])
    .orderBy('t.code')
    .execute();
  return rows.map((t) => ({
    id: t.id,
    code: t.code,
    alias: t.alias,
    attempts: n(t.attempts),
    passed: n(t.passed),
    average: roundedAverage(t.score_sum, t.attempts),
    failedByCritical: n(t.critical),
    lastActivity: t.last,
    language: t.language,
  }));
}

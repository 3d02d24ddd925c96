import { sql, type Kysely } from 'kysely';
import { competencies, type Competency } from '../../engine';
import { competencyColumns } from '../db/migration-event-log';
import type { Database } from '../db/schema';

/**
 * The dashboard's numbers as SQL aggregates over narrow data filled at upload (issue 17): every
 * function here reads a bounded amount of memory whatever the number of sessions, and none reads
 * an event log or a score's JSON. For trainee-against-group views, call the trainee and the group
 * version with the same station and compare.
 *
 * - `traineeCompetencies` / `groupCompetencies`: per competency, the average sub-score (0–100,
 *   rounded) and how many sessions had one — from the `comp_*` columns of `sessions`.
 * - `traineeSafety` / `groupSafety`: sessions, sessions with a critical violation, critical
 *   violations and all violations — from `critical_violations` and `violations`.
 * - `traineeStepOutcomes` / `groupStepFailures`: per station and step, attempts, failed (not done or
 *   with a mistake), not done, mistakes and the fail rate — from `step_totals` (running totals per
 *   trainee, station and step kept by triggers), so a group of any size costs its trainees × steps.
 * - Per session, each step's outcome is in `session_steps` (session_id, step_id, done, mistakes, hints).
 */

export interface CompetencyScore {
  competency: Competency;
  /** Average of the sessions' sub-scores, rounded; null when no session had this competency. */
  score: number | null;
  attempts: number;
}

type Scope = { trainee: string } | { group: string };

async function competencyAverages(db: Kysely<Database>, org: string, scope: Scope, scenarioId?: string): Promise<CompetencyScore[]> {
  let q = db.selectFrom('sessions as s').where('s.organisation_id', '=', org);
  if ('trainee' in scope) q = q.where('s.trainee_id', '=', scope.trainee);
  else q = q.innerJoin('trainees as t', 't.id', 's.trainee_id').where('t.group_id', '=', scope.group).where('t.organisation_id', '=', org);
  if (scenarioId) q = q.where('s.scenario_id', '=', scenarioId);
  const row = (await q
    .select(
      competencies.flatMap((c) => {
        const column = sql.ref(`s.${competencyColumns[c]}`);
        return [sql<number | string | null>`avg(${column})`.as(`avg_${competencyColumns[c]}`), sql<number | string>`count(${column})`.as(`n_${competencyColumns[c]}`)];
      }),
    )
    .executeTakeFirst()) as Record<string, number | string | null> | undefined;
  return competencies.map((c) => {
    const avg = row?.[`avg_${competencyColumns[c]}`];
    const n = Number(row?.[`n_${competencyColumns[c]}`] ?? 0);
    return { competency: c, score: n > 0 && avg !== null && avg !== undefined ? Math.round(Number(avg)) : null, attempts: n };
  });
}

/** A trainee's competency profile, over all stations or one. */
export function traineeCompetencies(db: Kysely<Database>, org: string, traineeId: string, scenarioId?: string) {
  return competencyAverages(db, org, { trainee: traineeId }, scenarioId);
}

/** A group's competency profile (every session of its trainees), over all stations or one. */
export function groupCompetencies(db: Kysely<Database>, org: string, groupId: string, scenarioId?: string) {
  return competencyAverages(db, org, { group: groupId }, scenarioId);
}

export interface SafetyCounts {
  sessions: number;
  sessionsWithCritical: number;
  criticalViolations: number;
  violations: number;
}

async function safety(db: Kysely<Database>, org: string, scope: Scope, scenarioId?: string): Promise<SafetyCounts> {
  let q = db.selectFrom('sessions as s').where('s.organisation_id', '=', org);
  if ('trainee' in scope) q = q.where('s.trainee_id', '=', scope.trainee);
  else q = q.innerJoin('trainees as t', 't.id', 's.trainee_id').where('t.group_id', '=', scope.group).where('t.organisation_id', '=', org);
  if (scenarioId) q = q.where('s.scenario_id', '=', scenarioId);
  const r = await q
    .select([
      sql<number | string>`count(*)`.as('sessions'),
      sql<number | string | null>`sum(case when s.critical_violations > 0 then 1 else 0 end)`.as('with_critical'),
      sql<number | string | null>`sum(s.critical_violations)`.as('critical'),
      sql<number | string | null>`sum(s.violations)`.as('violations'),
    ])
    .executeTakeFirst();
  return { sessions: Number(r?.sessions ?? 0), sessionsWithCritical: Number(r?.with_critical ?? 0), criticalViolations: Number(r?.critical ?? 0), violations: Number(r?.violations ?? 0) };
}

export const traineeSafety = (db: Kysely<Database>, org: string, traineeId: string, scenarioId?: string) => safety(db, org, { trainee: traineeId }, scenarioId);
export const groupSafety = (db: Kysely<Database>, org: string, groupId: string, scenarioId?: string) => safety(db, org, { group: groupId }, scenarioId);

export interface StepOutcome {
  step: string;
  attempts: number;
  failed: number;
  notDone: number;
  mistakes: number;
  /** failed / the station's attempts, in whole percent. */
  failRate: number;
}

export interface StationSteps {
  scenarioId: string;
  /** Sessions of this station (the most any of its steps was scored). */
  attempts: number;
  /** Most failed first, then by step id. */
  steps: StepOutcome[];
}

async function stepOutcomes(db: Kysely<Database>, org: string, scope: Scope, scenarioId?: string): Promise<StationSteps[]> {
  let q = db.selectFrom('step_totals as st').innerJoin('trainees as t', 't.id', 'st.trainee_id').where('t.organisation_id', '=', org);
  q = 'trainee' in scope ? q.where('st.trainee_id', '=', scope.trainee) : q.where('t.group_id', '=', scope.group);
  if (scenarioId) q = q.where('st.scenario_id', '=', scenarioId);
  const rows = await q
    .select((eb) => [
      'st.scenario_id',
      'st.step_id',
      eb.fn.sum<number | string>('st.attempts').as('attempts'),
      eb.fn.sum<number | string>('st.failed').as('failed'),
      eb.fn.sum<number | string>('st.not_done').as('not_done'),
      eb.fn.sum<number | string>('st.mistakes').as('mistakes'),
    ])
    .groupBy(['st.scenario_id', 'st.step_id'])
    .having((eb) => eb.fn.sum('st.attempts'), '>', 0)
    .execute();
  const byStation = new Map<string, { attempts: number; steps: Omit<StepOutcome, 'failRate'>[] }>();
  for (const r of rows) {
    const station = byStation.get(r.scenario_id) ?? { attempts: 0, steps: [] };
    const attempts = Number(r.attempts);
    station.attempts = Math.max(station.attempts, attempts);
    station.steps.push({ step: r.step_id, attempts, failed: Number(r.failed), notDone: Number(r.not_done), mistakes: Number(r.mistakes) });
    byStation.set(r.scenario_id, station);
  }
  return [...byStation.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, s]) => ({
      scenarioId: id,
      attempts: s.attempts,
      steps: s.steps
        .map((x) => ({ ...x, failRate: Math.round((100 * x.failed) / s.attempts) }))
        .sort((x, y) => y.failed - x.failed || x.step.localeCompare(y.step)),
    }));
}

/** A group's steps per station, most failed first (the "most-failed steps" view). */
export const groupStepFailures = (db: Kysely<Database>, org: string, groupId: string, scenarioId?: string) => stepOutcomes(db, org, { group: groupId }, scenarioId);
/** One trainee's steps per station, in the same shape, to set beside the group's. */
export const traineeStepOutcomes = (db: Kysely<Database>, org: string, traineeId: string, scenarioId?: string) => stepOutcomes(db, org, { trainee: traineeId }, scenarioId);

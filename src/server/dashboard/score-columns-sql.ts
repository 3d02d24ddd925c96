import { sql, type RawBuilder } from 'kysely';
import { competencies, type Competency } from '../../engine';
import { competencyColumns } from '../db/migration-event-log';

/**
 * A session's score details as SQL expressions over the narrow columns filled at upload (issue 17),
 * so group-wide figures are aggregated by the database (one row out) instead of reading every
 * session into memory, and never touch the event log table.
 */
export function competencyScore(competency: Competency): RawBuilder<number | null> {
  // The name comes from the engine's fixed list, never from a request.
  if (!competencies.includes(competency)) throw new Error(`unknown competency ${competency}`);
  return sql<number | null>`${sql.ref(`s.${competencyColumns[competency]}`)}`;
}

/** 1 when a critical rule failed the attempt (a critical violation stays a failure, practice too), else 0. */
export function failedByCritical(): RawBuilder<number> {
  return sql<number>`(case when s.critical_violations > 0 then 1 else 0 end)`;
}

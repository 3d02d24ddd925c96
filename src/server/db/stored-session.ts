import type { AliasedExpression, ExpressionBuilder, Insertable } from 'kysely';
import { competencies, type ScoreResult } from '../../engine';
import { competencyColumns } from './migration-event-log';
import { criticalColumns } from './migration-station-totals';
import type { Database, SessionEventsTable, SessionStepsTable, SessionsTable } from './schema';
import type { SessionPosesTable } from './schema-poses';

/** One session as it is written: the narrow row lists read, its event log apart, each step's outcome. */
export interface StoredSession {
  session: Insertable<SessionsTable>;
  events: Insertable<SessionEventsTable>;
  steps: Insertable<SessionStepsTable>[];
  /** Head and hands, when the headset sent them (schema-poses.ts). */
  poses?: Insertable<SessionPosesTable>;
}

/** What the aggregates need from a score, as the columns of a session row. */
export function scoreColumns(result: ScoreResult) {
  const columns: Record<string, number | null> = {};
  for (const c of competencies) {
    const v = result.competencies[c];
    columns[competencyColumns[c]] = v === null || v === undefined ? null : v;
    columns[criticalColumns[c]] = 0;
  }
  for (const v of result.violations) if (v.critical && v.competency in criticalColumns) columns[criticalColumns[v.competency]]!++;
  return {
    ...(columns as Pick<SessionsTable, (typeof competencyColumns)[keyof typeof competencyColumns] | (typeof criticalColumns)[keyof typeof criticalColumns]>),
    critical_violations: result.violations.filter((v) => v.critical).length,
    violations: result.violations.length,
  };
}

/** Each step's outcome, for session_steps. */
export function stepRows(sessionId: string, traineeId: string | null, scenarioId: string, result: ScoreResult): Insertable<SessionStepsTable>[] {
  const seen = new Set<string>();
  const rows: Insertable<SessionStepsTable>[] = [];
  for (const s of result.steps) {
    // A step appears once per scenario; the primary key would refuse a second row anyway.
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    rows.push({ session_id: sessionId, step_id: s.id, trainee_id: traineeId, scenario_id: scenarioId, done: s.done ? 1 : 0, mistakes: s.mistakes, hints: s.hints });
  }
  return rows;
}

/** The stored shape of a scored session: `row` is the session without its event log and score details. */
export function storedSession(
  row: Omit<Insertable<SessionsTable>, 'events_json' | 'result_json' | keyof ReturnType<typeof scoreColumns>>,
  result: ScoreResult,
  eventsJson: string,
): StoredSession {
  const id = row.id;
  return {
    session: { ...row, events_json: '', result_json: '', ...scoreColumns(result) },
    events: { session_id: id, events_json: eventsJson, result_json: JSON.stringify(result) },
    steps: stepRows(id, row.trainee_id ?? null, row.scenario_id, result),
  };
}

/** What a query reading sessions as `s` may build its selections from. */
type SessionsExpressions = ExpressionBuilder<Database & { s: SessionsTable }, 's'>;

/** Which of a stored session's two large fields a read needs. */
export type StoredLogField = 'events_json' | 'result_json';

/**
 * A stored session's event log or score details, for a query that reads sessions as `s`: from
 * session_events, else from the row itself (a session stored before issue 17 that the one-time
 * move has not reached yet). The one place that knows where they live; lists never use it.
 * `.select((eb) => [storedLog(eb, 'events_json')])` gives the column `events_json` (or the name `as` says).
 */
export function storedLog<F extends StoredLogField>(eb: SessionsExpressions, field: F): AliasedExpression<string, F>;
export function storedLog<A extends string>(eb: SessionsExpressions, field: StoredLogField, as: A): AliasedExpression<string, A>;
export function storedLog(eb: SessionsExpressions, field: StoredLogField, as?: string): AliasedExpression<string, string> {
  const moved = eb.selectFrom('session_events as e').select(`e.${field}`).whereRef('e.session_id', '=', 's.id');
  return eb.fn
    .coalesce(moved, eb.ref(`s.${field}`))
    .$castTo<string>()
    .as(as ?? field);
}

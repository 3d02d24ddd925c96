import { sql, type RawBuilder } from 'kysely';
import { competencies, type Competency } from '../../engine';
import type { DbKind } from '../db/create-db';

/**
 * Values inside a session's stored score (`s.result_json`) as SQL expressions, so group-wide figures
 * are aggregated by the database (one row out) instead of reading every session into memory.
 */
export function competencyScore(kind: DbKind, competency: Competency): RawBuilder<number | null> {
  // The name comes from the engine's fixed list, never from a request: safe to write into the SQL.
  if (!competencies.includes(competency)) throw new Error(`unknown competency ${competency}`);
  return kind === 'postgres'
    ? sql<number | null>`((s.result_json::jsonb -> 'competencies') ->> ${sql.lit(competency)})::float8`
    : sql<number | null>`json_extract(s.result_json, ${sql.lit(`$.competencies."${competency}"`)})`;
}

/** 1 when a critical rule failed the attempt, else 0. */
export function failedByCritical(kind: DbKind): RawBuilder<number> {
  return kind === 'postgres'
    ? sql<number>`(case when (s.result_json::jsonb ->> 'failedByCritical') = 'true' then 1 else 0 end)`
    : sql<number>`coalesce(json_extract(s.result_json, '$.failedByCritical'), 0)`;
}

import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema';
import { sessionFields, type SessionFieldsRow } from '../session-fields';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const sortColumns = { endedAt: 's.ended_at', receivedAt: 's.received_at', score: 's.score', durationMs: 's.duration_ms', scenarioId: 's.scenario_id' } as const;

/** The filters shared by the sessions list and the exports, so an export is exactly what the list shows. */
export const sessionFilterSchema = z.strictObject({
  groupId: z.uuid({ message: 'must be a group id' }).optional(),
  traineeId: z.uuid({ message: 'must be a trainee id' }).optional(),
  scenarioId: z.string().trim().min(1).max(100).optional(),
  mode: z.enum(['practice', 'exam']).optional(),
  passed: z.enum(['true', 'false']).optional(),
  /** Sessions that ended on or after this day (UTC). */
  from: day.optional(),
  /** Sessions that ended on or before this day (UTC). */
  to: day.optional(),
});

export const sessionListSchema = sessionFilterSchema.extend({
  sort: z.enum(Object.keys(sortColumns) as [keyof typeof sortColumns, ...(keyof typeof sortColumns)[]]).default('endedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export type SessionFilter = z.infer<typeof sessionFilterSchema>;
export type SessionListQuery = z.infer<typeof sessionListSchema>;

/** An organisation's sessions joined to their trainee and group, with the filters applied. */
export function filteredSessions(db: Kysely<Database>, organisationId: string, f: SessionFilter) {
  let q = db
    .selectFrom('sessions as s')
    .innerJoin('trainees as t', 't.id', 's.trainee_id')
    .innerJoin('groups as g', 'g.id', 't.group_id')
    .where('s.organisation_id', '=', organisationId)
    .where('t.organisation_id', '=', organisationId);
  if (f.groupId) q = q.where('t.group_id', '=', f.groupId);
  if (f.traineeId) q = q.where('t.id', '=', f.traineeId);
  if (f.scenarioId) q = q.where('s.scenario_id', '=', f.scenarioId);
  if (f.mode) q = q.where('s.mode', '=', f.mode);
  if (f.passed) q = q.where('s.passed', '=', f.passed === 'true' ? 1 : 0);
  // ISO timestamps compare as text on both engines.
  if (f.from) q = q.where('s.ended_at', '>=', `${f.from}T00:00:00.000Z`);
  if (f.to) q = q.where('s.ended_at', '<=', `${f.to}T23:59:59.999Z`);
  return q;
}

export const sessionColumns = [
  's.id',
  's.scenario_id',
  's.scenario_version',
  's.mode',
  's.device',
  's.language',
  's.score',
  's.passed',
  's.started_at',
  's.ended_at',
  's.duration_ms',
  's.received_at',
  't.id as trainee_id',
  't.code',
  't.alias',
  'g.id as group_id',
  'g.name as group_name',
] as const;

/** One page of the list, sorted on the server, with the total for the pager. */
export async function sessionPage(db: Kysely<Database>, organisationId: string, q: SessionListQuery) {
  const base = filteredSessions(db, organisationId, q);
  const count = await base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const rows = await base
    .select([...sessionColumns])
    .orderBy(sortColumns[q.sort], q.order)
    .orderBy('s.id', q.order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { total: Number(count?.n ?? 0), page: q.page, pageSize: q.pageSize, sessions: rows.map(sessionSummary) };
}

/** A row of the dashboard's list (and live stream): the session with its trainee and group. */
export function sessionSummary(r: SessionFieldsRow & { id: string; trainee_id: string; code: string; alias: string | null; group_id: string; group_name: string }) {
  return { id: r.id, trainee: { id: r.trainee_id, code: r.code, alias: r.alias }, group: { id: r.group_id, name: r.group_name }, ...sessionFields(r) };
}

export type SessionSummary = ReturnType<typeof sessionSummary>;

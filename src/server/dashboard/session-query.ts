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

/** The list counts at most this many rows for its pager: a count never reads a whole organisation's sessions. */
export const countCap = 10_000;

export const sessionListSchema = sessionFilterSchema
  .extend({
    sort: z.enum(Object.keys(sortColumns) as [keyof typeof sortColumns, ...(keyof typeof sortColumns)[]]).default('endedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    /**
     * Keyset pagination: the `next` of the previous page (same sort and filters). A deep page then
     * costs what the first does; `page` alone skips rows one by one (fine for the first pages).
     */
    cursor: z.string().max(400).optional(),
  })
  // Numbered pages skip rows one by one: they reach as far as the pager counts, deeper pages go by cursor.
  .refine((q) => q.cursor !== undefined || (q.page - 1) * q.pageSize < countCap, {
    path: ['page'],
    message: `numbered pages reach the first ${countCap.toLocaleString('en-US')} sessions; go further with cursor (the next of the page before) or narrow the filters`,
  });

export type SessionFilter = z.infer<typeof sessionFilterSchema>;
export type SessionListQuery = z.infer<typeof sessionListSchema>;

/** An organisation's sessions joined to their trainee and group, with the filters applied. */
export function filteredSessions(db: Kysely<Database>, organisationId: string, f: SessionFilter) {
  let q = db
    .selectFrom('sessions as s')
    // CROSS JOIN keeps the sessions the outer loop on SQLite, so a page is read in its sort index's order and
    // stops; with statistics SQLite preferred looping over the trainees and sorting all their sessions (0.5 s
    // at 200,000). PostgreSQL plans it as the inner join it is.
    .crossJoin('trainees as t')
    .crossJoin('groups as g')
    .whereRef('t.id', '=', 's.trainee_id')
    .whereRef('g.id', '=', 't.group_id')
    .where('s.organisation_id', '=', organisationId)
    .where('t.organisation_id', '=', organisationId);
  // A group is filtered while its organisation's sessions are read in order (a group of the centre is a good
  // share of them); a trainee on the session row too, so their own index can serve a trainee's few sessions.
  if (f.groupId) q = q.where('t.group_id', '=', f.groupId);
  if (f.traineeId) q = q.where('t.id', '=', f.traineeId).where('s.trainee_id', '=', f.traineeId);
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

type SortValue = string | number;
const sortField = { endedAt: 'ended_at', receivedAt: 'received_at', score: 'score', durationMs: 'duration_ms', scenarioId: 'scenario_id' } as const;
const numericSort = new Set<keyof typeof sortColumns>(['score', 'durationMs']);

/** A cursor names the last row of a page by its sort value and id; opaque to the client. */
export function encodeCursor(value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: keyof typeof sortColumns): { value: SortValue; id: string } | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string') return null;
    const value = parsed[0] as unknown;
    if (numericSort.has(sort) ? typeof value !== 'number' || !Number.isFinite(value) : typeof value !== 'string') return null;
    return { value: value as SortValue, id: parsed[1] };
  } catch {
    return null;
  }
}

export class InvalidCursor extends Error {}

/**
 * One page of the list, sorted on the server. Read through an index that starts with the
 * organisation and ends with the id (migration-event-log.ts): a page reads its rows and stops. The
 * total is counted up to `countCap` (`totalCapped` says when there are more): never the whole table.
 */
export async function sessionPage(db: Kysely<Database>, organisationId: string, q: SessionListQuery) {
  const base = filteredSessions(db, organisationId, q);
  const counted = await db
    .selectFrom(base.select('s.id').limit(countCap + 1).as('c'))
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const n = Number(counted?.n ?? 0);
  const column = sortColumns[q.sort];
  let page = base.select([...sessionColumns]).orderBy(column, q.order).orderBy('s.id', q.order).limit(q.pageSize);
  if (q.cursor) {
    const after = decodeCursor(q.cursor, q.sort);
    if (!after) throw new InvalidCursor('cursor: must be the `next` of a page with the same sort');
    const op = q.order === 'desc' ? '<' : '>';
    // A row value: both engines read it as one range on the index (sort column, id) and start at the cursor; the
    // equivalent OR of two comparisons made PostgreSQL walk the index from the top (0.4 s 95% deep at 200,000).
    page = page.where((eb) => eb(eb.refTuple(column, 's.id'), op, eb.tuple(after.value, after.id)));
  } else {
    page = page.offset((q.page - 1) * q.pageSize);
  }
  const rows = await page.execute();
  const last = rows.at(-1);
  return {
    total: Math.min(n, countCap),
    totalCapped: n > countCap,
    page: q.page,
    pageSize: q.pageSize,
    sessions: rows.map(sessionSummary),
    next: rows.length === q.pageSize && last ? encodeCursor(last[sortField[q.sort]], last.id) : null,
  };
}

/** A row of the dashboard's list (and live stream): the session with its trainee and group. */
export function sessionSummary(r: SessionFieldsRow & { id: string; trainee_id: string; code: string; alias: string | null; group_id: string; group_name: string }) {
  return { id: r.id, trainee: { id: r.trainee_id, code: r.code, alias: r.alias }, group: { id: r.group_id, name: r.group_name }, ...sessionFields(r) };
}

export type SessionSummary = ReturnType<typeof sessionSummary>;

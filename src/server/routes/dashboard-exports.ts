import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { competencies, type Competency } from '../../engine';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { CsvHeaders } from '../dashboard/csv-headers';
import { csvHeaderLine, csvRow, localTime, type ExportRow } from '../dashboard/exports';
import { competencyScore, failedByCritical } from '../dashboard/score-columns-sql';
import { filteredSessions, sessionColumns, sessionFilterSchema, sessionSummary, type SessionFilter } from '../dashboard/session-query';
import type { StationTexts } from '../dashboard/station-texts';
import type { ScenarioCatalog } from '../scenario-catalog';
import { sessionStatements, xapiFormSchema } from '../xapi/session-statements';
import { learningPathOfSession } from '../xapi/learning-path-of-session';
import { invalidBody } from './invalid-body';
import { storedLog } from '../db/stored-session';

/** An export is bounded: a centre's year of sessions fits; a runaway query does not. */
export const exportLimit = 20_000;
/** Rows read per query while an export streams: memory stays at one batch whatever the export's size. */
export const exportBatch = 500;

/** The CSV's language and time zone come with the list's filters. */
const csvQuery = sessionFilterSchema.extend({
  lng: z.string().regex(/^[a-z]{2,3}$/, 'must be a language code').default('nl'),
  tz: z
    .string()
    .max(64)
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Brussels')
    .default('Europe/Brussels'),
});

/**
 * The sessions an export holds, oldest first, read in keyset batches (ended_at, id): the first
 * bytes leave before the last rows are read, and the server holds one batch at a time.
 */
async function* exportedSessions(db: Kysely<Database>, org: string, filter: SessionFilter): AsyncGenerator<ExportRow> {
  let after: { ended: string; id: string } | null = null;
  let sent = 0;
  while (sent < exportLimit) {
    let q = filteredSessions(db, org, filter)
      .select([...sessionColumns, failedByCritical().as('failed_by_critical'), ...competencies.map((c) => competencyScore(c).as(`c_${c}`))])
      .orderBy('s.ended_at', 'asc')
      .orderBy('s.id', 'asc')
      .limit(Math.min(exportBatch, exportLimit - sent));
    if (after) {
      const a: { ended: string; id: string } = after;
      // A row value: one range on the (ended_at, id) index from where the last batch stopped (session-query.ts).
      q = q.where((eb) => eb(eb.refTuple('s.ended_at', 's.id'), '>', eb.tuple(a.ended, a.id)));
    }
    const rows = await q.execute();
    for (const r of rows) {
      const row = r as typeof r & Record<string, unknown>;
      const scores = Object.fromEntries(competencies.map((c) => [c, row[`c_${c}`] === null || row[`c_${c}`] === undefined ? null : Number(row[`c_${c}`])])) as Record<Competency, number | null>;
      yield { ...sessionSummary(r), competencies: scores, failedByCritical: Number(r.failed_by_critical) === 1 };
    }
    sent += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < exportBatch) return;
    after = { ended: last.ended_at, id: last.id };
  }
}

/** CSV and xAPI exports of exactly the sessions the list's filters select, streamed. */
export async function dashboardExportRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; readDb: Kysely<Database>; now: () => Date; texts: StationTexts; catalog: ScenarioCatalog; publicUrl?: string | null; localesDir?: string }) {
  const { readDb } = opts;
  const headers = new CsvHeaders(opts.localesDir ?? join(process.cwd(), 'locales'));
  const guard = trainerGuard(opts.db, opts.now);
  const stamp = () => opts.now().toISOString().slice(0, 10);

  // No gzip: it would hold the first bytes back until it had a block to send (exports go over the LAN).
  app.get('/api/dashboard/export.csv', { preHandler: guard, compress: false }, async (request, reply) => {
    const parsed = csvQuery.safeParse(request.query);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const { lng, tz, ...filter } = parsed.data;
    const org = trainerOf(request).trainer.organisationId;
    const csv = { headers: headers.for(lng), stationName: (id: string) => opts.texts.title(lng, id), timeZone: tz };
    async function* lines() {
      yield csvHeaderLine(csv);
      const local = localTime(tz);
      for await (const s of exportedSessions(readDb, org, filter)) yield csvRow(s, csv, local);
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="werkvloer-sessions-${stamp()}.csv"`)
      .send(Readable.from(lines()));
  });

  // The event log of one session, for `statements=all` (its own table since issue 17; older rows kept it inline).
  const eventLog = async (id: string) => {
    const row = await readDb
      .selectFrom('sessions as s')
      .select((eb) => [storedLog(eb, 'events_json'), 's.scenario_hash'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    return row ? { eventsJson: row.events_json, scenarioHash: row.scenario_hash } : undefined;
  };

  app.get('/api/dashboard/export.xapi.json', { preHandler: guard, compress: false }, async (request, reply) => {
    // `statements` chooses the form (src/server/xapi); the rest are the list's filters.
    const { statements, ...filters } = (request.query ?? {}) as Record<string, unknown>;
    const form = xapiFormSchema.safeParse(statements === undefined ? {} : { statements });
    if (!form.success) return invalidBody(reply, form.error);
    const parsed = sessionFilterSchema.safeParse(filters);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const org = trainerOf(request).trainer.organisationId;
    const all = form.data.statements === 'all';
    const sources = { publicUrl: opts.publicUrl ?? null, texts: opts.texts, catalog: opts.catalog, learningPathOf: learningPathOfSession(opts.db, opts.now) };
    // A JSON array written statement by statement; the builder makes each one from its session.
    async function* json() {
      yield '[';
      let first = true;
      for await (const s of exportedSessions(readDb, org, parsed.data!)) {
        for (const st of await sessionStatements(s, org, form.data!.statements, sources, all ? await eventLog(s.id) : undefined)) {
          yield `${first ? '\n' : ',\n'}${JSON.stringify(st, null, 2)}`;
          first = false;
        }
      }
      yield first ? ']\n' : '\n]\n';
    }
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="werkvloer-xapi-${stamp()}.json"`)
      .send(Readable.from(json()));
  });
}

import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { competencies, type Competency } from '../../engine';
import { dbKindOf } from '../db/create-db';
import { CsvHeaders } from '../dashboard/csv-headers';
import { competencyScore, failedByCritical } from '../dashboard/result-json-sql';
import type { Database } from '../db/schema';
import { trainerGuard, trainerOf } from '../auth/trainer-guard';
import { sessionsCsv, xapiStatement, type ExportRow } from '../dashboard/exports';
import { filteredSessions, sessionColumns, sessionFilterSchema, sessionSummary } from '../dashboard/session-query';
import type { StationTexts } from '../dashboard/station-texts';
import { invalidBody } from './invalid-body';

/** An export is bounded: a centre's year of sessions fits; a runaway query does not. */
export const exportLimit = 20_000;

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

/** CSV and xAPI exports of exactly the sessions the list's filters select. */
export async function dashboardExportRoutes(app: FastifyInstance, opts: { db: Kysely<Database>; now: () => Date; texts: StationTexts; localesDir?: string }) {
  const { db } = opts;
  const kind = dbKindOf(db);
  const headers = new CsvHeaders(opts.localesDir ?? join(process.cwd(), 'locales'));
  const guard = trainerGuard(db, opts.now);
  const rows = async (org: string, query: unknown) => {
    const parsed = sessionFilterSchema.safeParse(query);
    if (!parsed.success) return parsed;
    const found = await filteredSessions(db, org, parsed.data).select([...sessionColumns]).orderBy('s.ended_at', 'asc').orderBy('s.id', 'asc').limit(exportLimit).execute();
    return { success: true as const, data: found.map(sessionSummary) };
  };
  const stamp = () => opts.now().toISOString().slice(0, 10);
  // The server's own origin names the trainee accounts and activities: stable for one installation.
  const homePage = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

  app.get('/api/dashboard/export.csv', { preHandler: guard }, async (request, reply) => {
    const parsed = csvQuery.safeParse(request.query);
    if (!parsed.success) return invalidBody(reply, parsed.error);
    const { lng, tz, ...filter } = parsed.data;
    const found = await filteredSessions(db, trainerOf(request).trainer.organisationId, filter)
      .select([...sessionColumns, failedByCritical(kind).as('failed_by_critical'), ...competencies.map((c) => competencyScore(kind, c).as(`c_${c}`))])
      .orderBy('s.ended_at', 'asc')
      .orderBy('s.id', 'asc')
      .limit(exportLimit)
      .execute();
    const data: ExportRow[] = found.map((r) => {
      const row = r as typeof r & Record<string, unknown>;
      const scores = Object.fromEntries(competencies.map((c) => [c, row[`c_${c}`] === null || row[`c_${c}`] === undefined ? null : Number(row[`c_${c}`])])) as Record<Competency, number | null>;
      return { ...sessionSummary(r), competencies: scores, failedByCritical: Number(r.failed_by_critical) === 1 };
    });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="werkvloer-sessions-${stamp()}.csv"`)
      .send(sessionsCsv(data, { headers: headers.for(lng), stationName: (id) => opts.texts.title(lng, id), timeZone: tz }));
  });

  app.get('/api/dashboard/export.xapi.json', { preHandler: guard }, async (request, reply) => {
    const found = await rows(trainerOf(request).trainer.organisationId, request.query);
    if (!found.success) return invalidBody(reply, found.error);
    const home = homePage(request);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="werkvloer-xapi-${stamp()}.json"`)
      .send(JSON.stringify(found.data.map((s) => xapiStatement(s, home, opts.texts.title('nl', s.scenarioId))), null, 2));
  });
}
